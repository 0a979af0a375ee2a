package io.github.motcua.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One analyst case from {@code cases/*.yaml}: a sentence, a dossier, and the parts of the decision
 * it expects. Only the parts named are checked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name   the sentence that names the case
 * @param file   pack-relative file
 * @param line   line of the case in that file
 * @param dossier the input
 * @param expect the expected parts
 */
public record PackCase(String name, String file, int line, Dossier dossier, Expectation expect) {
    public PackCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * Expected parts of a decision; {@code null} fields are not checked.
     *
     * @param eligibility expected outcome
     * @param reasons     each must occur (substring) in some reason
     * @param required    ids that must have status REQUIRED (exactly this set when given)
     * @param waived      ids that must have status WAIVED (exactly this set when given)
     * @param optional    ids that must have status OPTIONAL (exactly this set when given)
     * @param oneOf       group id to member ids (exactly these groups when given)
     * @param notes       each must occur (substring) in some note
     * @param deadlineDue expected due instant (ISO offset date-time), checked once the calendar fills it
     * @param feesTotal   expected total in đồng, checked once fees are integrated
     * @param feeLines    item to amount in đồng, checked once fees are integrated
     * @param formValid   expected form validity
     * @param deadlineWorkingDays expected count of working days on which the clock ran
     *                    ({@code DeadlineResult.workingDaysCounted}), instead of or beside an exact instant
     * @param parts       every {@code expect:} key a decision section checks (the built-in {@code deadline},
     *                    {@code fees} and {@code formValid} included), to its YAML value as plain values
     *                    (maps, lists, strings, numbers, booleans); the section's
     *                    {@link io.github.motcua.rules.spi.DecisionSection#check check} compares it
     */
    public record Expectation(Eligibility eligibility, List<String> reasons, List<String> required,
            List<String> waived, List<String> optional, Map<String, List<String>> oneOf, List<String> notes,
            String deadlineDue, Long feesTotal, Map<String, Long> feeLines, Boolean formValid,
            Integer deadlineWorkingDays, Map<String, Object> parts) {
        /**
         * Expectations of the core and the built-in parts only ({@code parts} is built from
         * {@code deadlineDue}, {@code feesTotal}, {@code feeLines} and {@code formValid}).
         */
        public Expectation(Eligibility eligibility, List<String> reasons, List<String> required,
                List<String> waived, List<String> optional, Map<String, List<String>> oneOf, List<String> notes,
                String deadlineDue, Long feesTotal, Map<String, Long> feeLines, Boolean formValid) {
            this(eligibility, reasons, required, waived, optional, oneOf, notes, deadlineDue, feesTotal, feeLines,
                    formValid, null);
        }

        /**
         * Expectations of the core and the built-in parts only ({@code parts} is built from
         * {@code deadlineDue}, {@code feesTotal}, {@code feeLines}, {@code formValid} and
         * {@code deadlineWorkingDays}).
         */
        public Expectation(Eligibility eligibility, List<String> reasons, List<String> required,
                List<String> waived, List<String> optional, Map<String, List<String>> oneOf, List<String> notes,
                String deadlineDue, Long feesTotal, Map<String, Long> feeLines, Boolean formValid,
                Integer deadlineWorkingDays) {
            this(eligibility, reasons, required, waived, optional, oneOf, notes, deadlineDue, feesTotal, feeLines,
                    formValid, deadlineWorkingDays, builtIn(deadlineDue, feesTotal, feeLines, formValid, deadlineWorkingDays));
        }

        private static Map<String, Object> builtIn(String deadlineDue, Long feesTotal, Map<String, Long> feeLines,
                Boolean formValid, Integer deadlineWorkingDays) {
            Map<String, Object> out = new java.util.TreeMap<>();
            if (deadlineDue != null || deadlineWorkingDays != null) {
                Map<String, Object> dl = new java.util.LinkedHashMap<>();
                if (deadlineDue != null) {
                    dl.put("due", deadlineDue);
                }
                if (deadlineWorkingDays != null) {
                    dl.put("workingDays", deadlineWorkingDays);
                }
                out.put("deadline", dl);
            }
            if (feesTotal != null || feeLines != null) {
                Map<String, Object> f = new java.util.LinkedHashMap<>();
                if (feesTotal != null) {
                    f.put("total", feesTotal);
                }
                if (feeLines != null) {
                    f.put("lines", new java.util.TreeMap<>(feeLines));
                }
                out.put("fees", f);
            }
            if (formValid != null) {
                out.put("formValid", formValid);
            }
            return out;
        }

        public Expectation {
            reasons = reasons == null ? null : List.copyOf(reasons);
            required = required == null ? null : List.copyOf(required);
            waived = waived == null ? null : List.copyOf(waived);
            optional = optional == null ? null : List.copyOf(optional);
            notes = notes == null ? null : List.copyOf(notes);
            if (oneOf != null) {
                Map<String, List<String>> copy = new java.util.TreeMap<>();
                oneOf.forEach((g, ids) -> copy.put(g, List.copyOf(ids)));
                oneOf = java.util.Collections.unmodifiableMap(copy);
            }
            feeLines = feeLines == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(feeLines));
            parts = parts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parts));
        }
    }
}
