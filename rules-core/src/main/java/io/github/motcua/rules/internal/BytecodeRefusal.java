package io.github.motcua.rules.internal;

/**
 * One reason the {@link BytecodeVerifier} refuses the classes a rule compile generated.
 *
 * @param className the generated class, internal name (e.g. {@code motcua/p1_001193/P17/LambdaPredicate17...})
 * @param method    the method holding the offending code, name and descriptor (e.g. {@code test(Lio/…/Form;)Z}),
 *                  or empty for a refusal of the class itself (its superclass, an interface)
 * @param member    the offending reference as {@code owner.name descriptor} (a type alone for a class
 *                  reference, an opcode name for an instruction such as {@code MONITORENTER}), or empty
 * @param line      the line from the method's LineNumberTable (a line of the generated source), or -1
 * @param reason    what is wrong, in English, e.g. "reflection is not allowed in rules"
 */
record BytecodeRefusal(String className, String method, String member, int line, String reason) {

    @Override
    public String toString() {
        return className + (method.isEmpty() ? "" : "." + method) + (line >= 0 ? ":" + line : "")
                + (member.isEmpty() ? "" : " [" + member + "]") + ": " + reason;
    }
}
