package io.github.motcua.rules;

/** The message bundle of the problems rules-core's exceptions carry. Static only. */
final class RulesMessages {
    /** Base name of {@code problems_vi.properties} / {@code problems_en.properties}. */
    static final String BUNDLE = "io/github/motcua/rules/problems";

    private RulesMessages() {
    }
}
