/**
 * Rule packs and the decision engine (bộ quy tắc và bộ máy quyết định); the entry point is
 * {@link io.github.motcua.rules.Motcua#engine()}, which builds a thread-safe
 * {@link io.github.motcua.rules.Engine} that loads a pack and returns a
 * {@link io.github.motcua.rules.Decision} for each {@link io.github.motcua.rules.Dossier}.
 */
package io.github.motcua.rules;
