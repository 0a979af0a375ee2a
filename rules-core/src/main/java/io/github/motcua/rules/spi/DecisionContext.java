package io.github.motcua.rules.spi;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.RequiredComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link DecisionSection} sees of one decision under way, and what it may add to it. One
 * instance per decision and section call; confined to the deciding thread.
 */
public interface DecisionContext {

    /** The dossier as received. */
    Dossier dossier();

    /** The procedure's catalogue entry. */
    Procedure procedure();

    /** The serving pack's identity and defaults. */
    PackInfo pack();

    /** Every legal basis of the pack, by id. */
    Map<String, LegalBasis> bases();

    /** Every receiving unit of the pack, by code. */
    Map<String, ReceivingUnit> units();

    /** The date whose law applies (the dossier's {@code asOf}, or the pack-zone date of its receipt). */
    LocalDate asOf();

    /**
     * The value of the pack's dated parameter {@code id} in force on {@link #asOf()}, with its basis
     * (parameters.yaml, else the engine's default; docs/pack-format.md).
     *
     * @throws io.github.motcua.law.ParameterNotInForceException when none is in force on that date
     * @throws ClassCastException when its value is not a {@code type}
     */
    <V> io.github.motcua.law.Parameter.Dated<V> parameter(String id, Class<V> type);

    /** What this section's {@link PackSection#load load} built for the serving pack, or {@code null}. */
    Object loaded();

    /** What the pack section {@code name} built for the serving pack, if it is a {@code type}. */
    <V> Optional<V> loaded(String name, Class<V> type);

    /**
     * The form data: as given during the routing and form stages, then as the form stage left it
     * (validated and NFC-normalised).
     */
    Map<String, Object> formData();

    /**
     * Replaces the form data the rules and later sections see (form stage only).
     *
     * @throws IllegalStateException after the form stage
     */
    void useFormData(Map<String, Object> data);

    /**
     * The outcome so far: {@code ELIGIBLE} before the rules ran, then the rules' outcome
     * ({@code NOT_ASSESSED} for a procedure without rules).
     */
    Eligibility eligibility();

    /** The components the rules listed; empty before the rules ran. */
    List<RequiredComponent> components();

    /**
     * Waives a component the rules listed because the data it proves is already held (tái sử dụng dữ
     * liệu): its status becomes {@code WAIVED}, naming {@code source} (the data source) and
     * {@code basis}; {@code condition} says what waived it (e.g. the section's file). A one-of group
     * that loses a member to a waiver is satisfied: its other members become optional. Later sections
     * and the decision see the new list. Eligibility stage only.
     *
     * @return whether the component was listed and not waived already
     * @throws IllegalStateException outside the eligibility stage
     */
    boolean waive(String componentId, String source, String condition, LegalBasis basis);

    /** The deadline actions the rules took (extend, pause, replace), in firing order; empty before the rules. */
    List<DeadlineAdjustment> deadlineAdjustments();

    /** The fee actions the rules took (add, exempt, reduce), in firing order; empty before the rules. */
    List<FeeDirective> feeDirectives();

    /** A part an earlier section contributed to this decision. */
    <P> Optional<P> part(Decision.Key<P> key);

    /** Where a rule of this procedure is (for a trace step naming it), if the procedure has it. */
    Optional<RuleSource> rule(String name);

    /** Adds a step to the trace, after the rules' and earlier sections' steps. */
    void trace(Decision.TraceStep step);

    /** Adds a note for officers (kept only if the decision does not fail later). */
    void note(Decision.Note note);

    /**
     * Fails the decision: it becomes INDETERMINATE with this cause, later sections do not run, and the
     * parts contributed after the form stage (this section's included) are dropped — nothing partial is
     * certain. The trace so far is kept.
     */
    void fail(Decision.Cause.Code code, String messageVi, String messageEn);

    /**
     * Refuses the dossier at this unit (routing stage only): the decision ends with {@code outcome},
     * which must be {@link Eligibility#WRONG_UNIT} — the form is not checked, the rules and later
     * stages do not run, the components are the catalogue's required ones, and this section's part
     * must be a {@link Decision.Routing} that is not accepted and names where to file
     * ({@code fileAt}); otherwise the decision fails with {@code SECTION_FAILED}. Trace steps and
     * notes this section added are kept.
     *
     * @throws IllegalArgumentException for any other outcome
     * @throws IllegalStateException    outside the routing stage
     */
    void refuse(Eligibility outcome);

    /**
     * A rule of the procedure.
     *
     * @param name  the rule's name
     * @param file  its pack-relative file
     * @param line  the line of its {@code rule} keyword
     * @param basis its {@code @basis}
     */
    record RuleSource(String name, String file, int line, LegalBasis basis) {
    }
}
