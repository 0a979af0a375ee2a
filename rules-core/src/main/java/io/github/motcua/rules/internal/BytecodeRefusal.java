package io.github.motcua.rules.internal;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/**
 * One reason the {@link BytecodeVerifier} refuses the classes a rule compile generated.
 *
 * @param className the generated class, internal name (e.g. {@code motcua/p1_001193/P17/LambdaPredicate17...})
 * @param method    the method holding the offending code, name and descriptor (e.g. {@code test(Lio/…/Form;)Z}),
 *                  or empty for a refusal of the class itself (its superclass, an interface)
 * @param member    the offending reference as {@code owner.name descriptor} (a type alone for a class
 *                  reference, an opcode name for an instruction such as {@code MONITORENTER}), or empty
 * @param line      the line from the method's LineNumberTable (a line of the generated source), or -1
 * @param key       what is wrong: a stable key {@code load.bytecode.why.*} of rules-core's bundle
 *                  {@value Msg#BUNDLE}, e.g. {@code load.bytecode.why.method} ("… is not allowed in rules")
 * @param args      the key's named arguments (a class, member, type, limit …), never null
 * @param hint      the family of a well-known forbidden API, a key {@code load.bytecode.hint.*} (e.g.
 *                  {@code load.bytecode.hint.reflection}, "reflection and class loading"), or empty
 */
record BytecodeRefusal(String className, String method, String member, int line, String key,
        Map<String, String> args, String hint) {
    private static final Locale VI = Locale.forLanguageTag("vi");

    BytecodeRefusal {
        args = Map.copyOf(args);
    }

    /** What is wrong, in English (as the English message quotes it): {@code reason(Locale.ENGLISH)}. */
    String reason() {
        return reason(Locale.ENGLISH);
    }

    /** What is wrong, in the language of {@code locale} (any but English reads Vietnamese), with its family. */
    String reason(Locale locale) {
        Locale l = Messages.english(locale) ? Locale.ENGLISH : VI;
        String reason = Messages.render(Msg.BUNDLE, key, args, l);
        return hint.isEmpty() ? reason
                : Messages.render(Msg.BUNDLE, "load.bytecode.hinted", Map.of("reason", reason,
                        "hint", Messages.render(Msg.BUNDLE, hint, Map.of(), l)), l);
    }

    @Override
    public String toString() {
        return className + (method.isEmpty() ? "" : "." + method) + (line >= 0 ? ":" + line : "")
                + (member.isEmpty() ? "" : " [" + member + "]") + ": " + reason();
    }
}
