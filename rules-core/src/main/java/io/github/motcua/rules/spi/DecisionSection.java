package io.github.motcua.rules.spi;

import io.github.motcua.rules.Decision;
import java.util.Locale;

/**
 * A decision section (phần của quyết định): a {@link PackSection} that also contributes a typed part
 * to every decision. One class gives the whole section: the pack files it claims ({@link #claims}),
 * how they are validated into problems ({@link #load(java.util.Map, Context)}), where it runs in the
 * decision pipeline ({@link #stage()}), the part it computes ({@link #contribute}) with its trace
 * steps and notes, the part's JSON ({@link #toJson}), its text for officers ({@link #text}), and the
 * analysts' case expectation it checks ({@link #check}). The built-in form, deadline and fee parts are
 * sections of this kind; the engine knows none of them by type.
 *
 * <p>Register one with {@code Motcua.engine().section(...)}. Two sections with the same
 * {@link #name()}, the same part {@link #key()} name or claiming the same file make every load fail
 * with a problem ({@code DUPLICATE_SECTION}, {@code SECTION_CLAIM_CONFLICT}); so does a section that
 * claims a file the engine reads itself (pack.yaml, legal bases, units, procedure.yaml, rules, cases).
 *
 * <p>Implementations must be thread-safe: {@link #contribute} runs on every deciding thread at once,
 * and a reload may call {@link #load} meanwhile. Keep per-decision state in locals.
 *
 * @param <T> the part's type (immutable)
 */
public interface DecisionSection<T> extends PackSection {

    /**
     * Where a section runs in the decision pipeline. Stages run in this order, each once; sections of
     * one stage run in registration order (built-in ones first). Receipt and routing come first: a
     * dossier this unit does not receive is neither checked nor decided
     * ({@link io.github.motcua.rules.Eligibility#WRONG_UNIT}).
     */
    enum Stage {
        /**
         * Receipt and routing (tiếp nhận, luân chuyển): which unit received the dossier and which one
         * decides it. A section here sees the form data as received; it may
         * {@link DecisionContext#refuse refuse} the dossier (not received here), and then nothing else runs.
         */
        ROUTING,
        /**
         * Before the rules: checks the form (tờ khai). A section here may replace the form data the
         * rules see ({@link DecisionContext#useFormData}); if it {@link DecisionContext#fail fails}, the
         * rules do not run and the decision lists the catalogue's required components.
         */
        FORM,
        /**
         * Right after the rules have decided eligibility and components (the engine's own stage);
         * a section here sees the rules' outcome.
         */
        ELIGIBILITY,
        /** The deadline (thời hạn giải quyết). */
        DEADLINE,
        /** Fees and charges (phí, lệ phí). */
        FEES,
        /** What the desk prints or hands over. */
        DOCUMENTS
    }

    /** The part's key: its name is the part's key in the decision JSON and under {@code expect:} in cases. */
    Decision.Key<T> key();

    /** Where the section runs. */
    Stage stage();

    /**
     * The section's name as a pack section (its loaded value is {@code Engine.section(name, type)});
     * by default the part's key name.
     */
    @Override
    default String name() {
        return key().name();
    }

    /**
     * Computes this section's part of one decision, or {@code null} for none (the JSON then writes
     * {@code null} under the key). Runs only while the decision has no cause and was not refused:
     * once a rule or an earlier section failed, later sections do not run. Use {@code context} to read the dossier,
     * the rules' outcome and earlier parts, to add trace steps and notes, or to fail the decision.
     * A {@link RuntimeException} thrown here makes the decision INDETERMINATE with cause
     * {@code SECTION_FAILED} naming this section.
     */
    T contribute(DecisionContext context);

    /**
     * The part as plain JSON values (written under {@link #key()}; parts are written in registration
     * order, the built-in form, deadline, commitment, routing and fees first): {@link java.util.Map} (iteration order is key order; use a
     * {@link java.util.LinkedHashMap}), {@link java.util.List}, {@link String}, {@link Number},
     * {@link Boolean} or {@code null}. Write every key, with {@code null} when absent, so the shape is
     * stable.
     */
    Object toJson(T part);

    /**
     * Appends the part's lines to the officers' text summary ({@code Decision.toTextVi()} with
     * {@code vi}, {@code toTextEn()} with {@link Locale#ENGLISH}). Each line ends with a newline. The
     * default writes nothing.
     */
    default void text(T part, Locale locale, StringBuilder out) {
    }

    /**
     * The key under a case's {@code expect:} that this section checks, or {@code null} for none. By
     * default the part's key name. An {@code expect:} key no section claims is a load problem
     * ({@code CASE_UNKNOWN_EXPECTATION}).
     */
    default String expectKey() {
        return key().name();
    }

    /**
     * Compares a case's expectation with a decision (the case runner calls it when the case names
     * {@link #expectKey()}).
     *
     * @param expected the YAML value under the expect key, as plain values (maps, lists, strings,
     *                 numbers, booleans)
     * @param decision the decision; read this section's part with {@code decision.part(key())}
     * @param report   where mismatches (and parts that cannot be checked) go
     */
    default void check(Object expected, Decision decision, CaseReport report) {
    }

    /** Where a section reports how a case's expectation compares with a decision. */
    interface CaseReport {
        /**
         * The decision does not match, in English, e.g. {@code "deadline.due: expected …, actual …"}. The case runner
         * words a text of the form {@code "part: expected X, actual Y"} Vietnamese first,
         * {@code "part: ca kiểm thử ghi X, kết quả là Y / expected X, actual Y"} (X and Y as written in both halves:
         * when they hold words, use {@link #mismatch(String, String, String, String, String)}); any other text is
         * kept as written, so give it in both languages ({@code "vi / en"}).
         */
        void mismatch(String message);

        /**
         * The decision does not match, with what the case expected and what the decision has in each language
         * (the same text in both when it is a date, a number or codes): the case runner keeps
         * {@code "part: ca kiểm thử ghi <expectedVi>, kết quả là <actualVi> / expected <expectedEn>, actual <actualEn>"}.
         * The default gives {@link #mismatch(String)} the English.
         *
         * @param part the expectation, e.g. {@code deadline.workingDays}
         */
        default void mismatch(String part, String expectedVi, String actualVi, String expectedEn, String actualEn) {
            mismatch(part + ": expected " + expectedEn + ", actual " + actualEn);
        }

        /** The expectation cannot be checked on this decision (it is reported, not failed). */
        void skipped(String message);
    }
}
