package io.github.motcua.rules;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.internal.DecisionJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole answer for one dossier (kết quả kiểm tra hồ sơ): eligibility with reasons, the
 * components to submit, deadline and fee sections, notes, the trace of fired rules and the
 * provenance. {@link #toJson()} gives the stable JSON shape.
 *
 * <p>Immutable and thread-safe.
 *
 * @param procedure           the procedure code
 * @param eligibility         the outcome
 * @param reasons             why INELIGIBLE (each with its legal basis), in firing order
 * @param components          components in catalogue order, each with its status
 * @param form                the form report (tờ khai điện tử), filled by forms-core integration
 * @param deadline            the deadline section, {@code null} until the calendar engine is integrated
 * @param fees                the fee section, {@code null} until the fee tables are integrated
 * @param deadlineAdjustments deadline actions the rules took, for the calendar engine
 * @param feeDirectives       fee actions the rules took, for the fee table
 * @param notes               notes the rules added
 * @param trace               rules fired, in order, then the deadline adjustments, fee lines and
 *                            exemptions applied (see {@link TraceStep#kind()})
 * @param cause               why INDETERMINATE, or {@code null}
 * @param provenance          which pack and time produced it
 * @param commitment          the law's maximum beside the province's committed time, or {@code null}
 *                            when the procedure has no commitment or the decision has no deadline
 * @param routing             receipt and routing (tiếp nhận, luân chuyển), or {@code null} when the
 *                            decision was made without it
 */
public record Decision(String procedure, Eligibility eligibility, List<Reason> reasons,
        List<RequiredComponent> components, FormReport form, DeadlineResult deadline, FeeAssessment fees,
        List<DeadlineAdjustment> deadlineAdjustments, List<FeeDirective> feeDirectives, List<Note> notes,
        List<TraceStep> trace, Cause cause, Provenance provenance, Commitment commitment, Routing routing) {

    /** A decision without commitment or routing (the shape before issue 14). */
    public Decision(String procedure, Eligibility eligibility, List<Reason> reasons,
            List<RequiredComponent> components, FormReport form, DeadlineResult deadline, FeeAssessment fees,
            List<DeadlineAdjustment> deadlineAdjustments, List<FeeDirective> feeDirectives, List<Note> notes,
            List<TraceStep> trace, Cause cause, Provenance provenance) {
        this(procedure, eligibility, reasons, components, form, deadline, fees, deadlineAdjustments, feeDirectives,
                notes, trace, cause, provenance, null, null);
    }

    /** This decision with its commitment and routing parts set. */
    public Decision with(Commitment commitment, Routing routing) {
        return new Decision(procedure, eligibility, reasons, components, form, deadline, fees, deadlineAdjustments,
                feeDirectives, notes, trace, cause, provenance, commitment, routing);
    }

    /**
     * The law's maximum time beside the province's committed time (thời hạn tối đa theo quy định và
     * thời gian cam kết của tỉnh). The appointment ({@link #deadline()}) counts the commitment.
     *
     * @param maximum      the law's maximum (procedure.yaml {@code deadline})
     * @param maximumBasis its legal basis
     * @param amount       the committed amount as published (may be fractional)
     * @param unit         its unit
     * @param labelVi      e.g. "2,5 ngày làm việc"
     * @param counted      the limit the calendar counted for it (fractional days as working hours)
     * @param cutPercent   how much shorter than the maximum, in percent, or {@code null}
     * @param basis        the publishing decision, or {@code null} when not found
     * @param note         a note, or {@code null}
     */
    public record Commitment(io.github.motcua.calendar.TimeLimit maximum, LegalBasis maximumBasis,
            java.math.BigDecimal amount, io.github.motcua.calendar.DeadlineUnit unit, String labelVi,
            io.github.motcua.calendar.TimeLimit counted, java.math.BigDecimal cutPercent, LegalBasis basis, String note) {
        public Commitment {
            Objects.requireNonNull(maximum, "maximum");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(counted, "counted");
        }
    }

    /**
     * Receipt and routing (tiếp nhận và luân chuyển hồ sơ).
     *
     * @param receivingUnit         the unit that received the dossier, or {@code null} when the dossier names none
     * @param competentUnit         the unit competent to decide, or {@code null} when it cannot be found
     * @param competenceBy          how it was found ({@code RESIDENCE}, {@code FORM_UNIT}, {@code FIXED_UNIT},
     *                              {@code RECEIVING_UNIT}), or {@code null}
     * @param accepted              whether this unit accepts the receipt
     * @param procedureBoundaryFree the procedure's own (national) flag
     * @param provinceBoundaryFree  the province's rule, or {@code null} when the pack sets none
     * @param boundaryFree          what applied: the province's rule when set, else the procedure's flag
     * @param transfer              the transfer to the competent unit, or {@code null} when none is needed or set
     * @param basis                 the legal basis of the routing (the province's rule, or the procedure's competence)
     * @param fileAt                when refused: where to file, with its address when the pack has a sourced one
     * @param messageVi             what to tell the citizen, in Vietnamese
     * @param messageEn             the same in English
     */
    public record Routing(RoutedUnit receivingUnit, RoutedUnit competentUnit, String competenceBy, boolean accepted,
            boolean procedureBoundaryFree, Boolean provinceBoundaryFree, boolean boundaryFree, Transfer transfer,
            LegalBasis basis, RoutedUnit fileAt, String messageVi, String messageEn) {
    }

    /**
     * A unit named in the routing.
     *
     * @param code     its code in units.yaml
     * @param nameVi   its name
     * @param nameEn   its English name, or {@code null}
     * @param kind     COMMUNE, WARD, PROVINCIAL_CENTRE or PROVINCIAL_DEPARTMENT
     * @param address  its address when the pack has a sourced one, else {@code null}
     * @param verified whether units.yaml marks it verified
     */
    public record RoutedUnit(String code, String nameVi, String nameEn, String kind, String address, boolean verified) {
        public RoutedUnit {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * Moving the dossier from the receiving unit to the competent unit.
     *
     * @param limit   its length
     * @param counted true: inside the time limit; false: added to it
     * @param basis   its legal basis, or {@code null}
     */
    public record Transfer(io.github.motcua.calendar.TimeLimit limit, boolean counted, LegalBasis basis) {
    }
    public Decision {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(eligibility, "eligibility");
        reasons = List.copyOf(reasons);
        components = List.copyOf(components);
        Objects.requireNonNull(form, "form");
        deadlineAdjustments = List.copyOf(deadlineAdjustments);
        feeDirectives = List.copyOf(feeDirectives);
        notes = List.copyOf(notes);
        trace = List.copyOf(trace);
        Objects.requireNonNull(provenance, "provenance");
        if (eligibility == Eligibility.WRONG_UNIT && (routing == null || routing.accepted() || routing.fileAt() == null)) {
            throw new IllegalArgumentException("a WRONG_UNIT decision names the unit to file at in its routing");
        }
        if ((eligibility == Eligibility.INDETERMINATE) != (cause != null)) {
            throw new IllegalArgumentException("a cause is given exactly when the outcome is INDETERMINATE: ["
                    + eligibility + "]");
        }
    }

    /** The component with this id, if the decision lists it. */
    public Optional<RequiredComponent> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The decision in its stable JSON shape (UTF-8 text, two-space indent). */
    public String toJson() {
        return DecisionJson.write(this);
    }

    /** A readable Vietnamese summary for officers (the CLI's {@code --text}). */
    public String toTextVi() {
        return DecisionJson.textVi(this);
    }

    /**
     * A reason for INELIGIBLE (lý do không đủ điều kiện).
     *
     * @param messageVi in Vietnamese
     * @param messageEn in English, or {@code null}
     * @param basis     the firing rule's legal basis
     * @param rule      the rule's name
     */
    public record Reason(String messageVi, String messageEn, LegalBasis basis, String rule) {
        public Reason {
            Objects.requireNonNull(messageVi, "messageVi");
        }
    }

    /**
     * A note a rule added (ghi chú).
     *
     * @param messageVi in Vietnamese
     * @param messageEn in English, or {@code null}
     * @param basis     the firing rule's legal basis
     * @param rule      the rule's name
     */
    public record Note(String messageVi, String messageEn, LegalBasis basis, String rule) {
        public Note {
            Objects.requireNonNull(messageVi, "messageVi");
        }
    }

    /**
     * One step of the trace (căn cứ): a rule that fired, or a deadline adjustment, fee line or fee
     * exemption/reduction the decision applied, each with its legal basis.
     *
     * @param rule  the rule's name; for other kinds what was applied (e.g. {@code "le-phi-khai-sinh"})
     * @param file  pack-relative file (for a fee row: the fee table), or {@code null} for an excluded
     *              period given with the dossier
     * @param line  line of its {@code rule} keyword, the table row, or 0
     * @param basis its legal basis
     * @param kind  {@link #RULE}, {@link #DEADLINE}, {@link #FEE} or {@link #FEE_ADJUSTMENT}
     */
    public record TraceStep(String rule, String file, int line, LegalBasis basis, String kind) {
        /** A rule fired. */
        public static final String RULE = "RULE";
        /** A deadline adjustment (extension, replacement, pause, excluded period) was applied. */
        public static final String DEADLINE = "DEADLINE";
        /** A fee line was charged (its tariff's basis). */
        public static final String FEE = "FEE";
        /** An exemption or reduction was applied to a fee line. */
        public static final String FEE_ADJUSTMENT = "FEE_ADJUSTMENT";
        /** The receipt was routed (or refused) by the competence and boundary-free rules. */
        public static final String ROUTING = "ROUTING";

        public TraceStep {
            kind = kind == null ? RULE : kind;
        }

        /** A fired rule. */
        public TraceStep(String rule, String file, int line, LegalBasis basis) {
            this(rule, file, line, basis, RULE);
        }
    }

    /**
     * Why a decision is INDETERMINATE.
     *
     * @param code      {@code FORM_INVALID} (the rules did not run), {@code RULE_FAILED}, {@code FIRING_LIMIT},
     *                  {@code EVALUATION_FAILED}, {@code DEADLINE_FAILED} or {@code FEES_FAILED}
     * @param rule      the rule that failed or fired last, or {@code null}
     * @param file      its file, or {@code null}
     * @param line      its line, or 0
     * @param messageVi in Vietnamese
     * @param messageEn in English
     */
    public record Cause(String code, String rule, String file, int line, String messageVi, String messageEn) {
        public Cause {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(messageVi, "messageVi");
            Objects.requireNonNull(messageEn, "messageEn");
        }
    }

    /**
     * The form report section (tờ khai điện tử): forms-core's violations, or {@link #notChecked()}
     * when the procedure has no form schema.
     *
     * @param checked    whether the form was validated at all
     * @param violations each violation, empty when valid or not checked
     */
    public record FormReport(boolean checked, List<FormViolation> violations) {
        public FormReport {
            violations = List.copyOf(violations);
        }

        /** The form was not validated (the procedure has no form schema). */
        public static FormReport notChecked() {
            return new FormReport(false, List.of());
        }

        /** Checked and no violation. */
        public boolean valid() {
            return checked && violations.isEmpty();
        }
    }

    /**
     * One form violation (lỗi tờ khai), from forms-core's validation.
     *
     * @param path      JSON pointer of the field ({@code ""} for the whole form)
     * @param label     the field's Vietnamese title, or {@code null}
     * @param messageVi in Vietnamese
     * @param messageEn in English
     * @param labelEn   the field's English title, or {@code null}
     * @param keyword   what failed (a JSON Schema keyword such as {@code required}, or forms-core's own), or {@code null}
     */
    public record FormViolation(String path, String label, String messageVi, String messageEn, String labelEn,
            String keyword) {
        /** A violation without English label or keyword. */
        public FormViolation(String path, String label, String messageVi, String messageEn) {
            this(path, label, messageVi, messageEn, null, null);
        }
    }

    /**
     * Where the decision came from.
     *
     * @param packId      pack id
     * @param packVersion pack version
     * @param packSha256  SHA-256 of the pack's content
     * @param asOf        the date whose rules applied
     * @param evaluatedAt the evaluation instant, from the engine's clock
     */
    public record Provenance(String packId, String packVersion, String packSha256, LocalDate asOf,
            Instant evaluatedAt) {
        public Provenance {
            Objects.requireNonNull(packId, "packId");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        }
    }
}
