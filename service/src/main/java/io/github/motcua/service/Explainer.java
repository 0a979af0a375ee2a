package io.github.motcua.service;

import io.github.motcua.kernel.Messages;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Procedure;
import java.util.Locale;

/**
 * Turns a decision into the readable explanation that {@code POST /decisions/explain} returns beside
 * the decision (giải thích quyết định): each fired rule with its file:line and legal basis. The
 * command line plugs in the text its {@code explain} command prints, so both say the same.
 *
 * <p>Implementations must be thread-safe: the service calls them from many threads at once.
 */
@FunctionalInterface
public interface Explainer {
    /**
     * @param decision  the decision
     * @param procedure its procedure, or {@code null} when the pack no longer has it
     * @param locale    Vietnamese unless the language is English
     */
    String explain(Decision decision, Procedure procedure, Locale locale);

    /**
     * The built-in explanation: outcome, reasons, then each trace step with its file:line and basis; its
     * labels are the service bundle's {@code explain.*} keys.
     */
    static Explainer plain() {
        return (d, p, locale) -> {
            boolean en = Messages.english(locale);
            StringBuilder sb = new StringBuilder();
            sb.append(Messages.render(ApiProblem.BUNDLE, "explain.procedure", locale, "code", d.procedure()));
            if (p != null) {
                sb.append(" — ").append(en ? p.name().enOrVi() : p.name().vi());
            }
            sb.append('\n').append(Messages.render(ApiProblem.BUNDLE, "explain.outcome", locale, "outcome", d.eligibility().name()))
                    .append('\n');
            for (Decision.Reason r : d.reasons()) {
                sb.append("- ").append(en ? r.messageEn() : r.messageVi());
                if (r.basis() != null) {
                    sb.append(" (").append(en ? r.basis().citationEn() : r.basis().citationVi()).append(')');
                }
                sb.append('\n');
            }
            for (Decision.TraceStep t : d.trace()) {
                sb.append(Messages.render(ApiProblem.BUNDLE, "explain.fired", locale, "rule", t.rule()));
                if (t.file() != null) {
                    sb.append(" (").append(t.file()).append(':').append(t.line()).append(')');
                }
                if (t.basis() != null) {
                    sb.append(" — ").append(en ? t.basis().citationEn() : t.basis().citationVi());
                }
                sb.append('\n');
            }
            return sb.toString();
        };
    }
}
