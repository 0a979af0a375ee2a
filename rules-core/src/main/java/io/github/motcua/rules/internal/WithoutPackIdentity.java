package io.github.motcua.rules.internal;

/**
 * A built-in section whose load reads the context's legal bases, units and files, never its
 * {@link io.github.motcua.rules.spi.PackSection.Context#info() info} (the pack's identity, with its hash): the loader
 * hands it a context without one ({@code info} null) and starts it at once, while a load thread still hashes the pack
 * ({@code PackLoader.load}). A section of a plug-in, which may read the identity, is given the whole context and waits
 * for the hash. {@code WithoutPackIdentityTest} holds each of these classes to it.
 */
interface WithoutPackIdentity {
}
