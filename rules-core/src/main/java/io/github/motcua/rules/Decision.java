package io.github.motcua.rules;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.forms.NormalisedValue;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.internal.BuiltInParts;
import io.github.motcua.rules.internal.DecisionJson;
import io.github.motcua.rules.spi.DecisionSection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The whole answer for one dossier (kết quả kiểm tra hồ sơ): eligibility with reasons, the
 * components to submit, the parts the decision sections contributed (the form report, the
 * deadline, the fees, and any section an embedder registers), notes, the trace of fired rules and
 * applied adjustments, and the provenance. {@link #toJson()} gives the stable JSON shape.
 *
 * <p>The engine builds a decision through its pipeline (routing → form → rules → deadline → fees →
 * documents, see {@link io.github.motcua.rules.spi.DecisionSection.Stage}); each section's part is
 * read with {@link #part(Key)}, the built-in ones also with {@link #form()}, {@link #deadline()},
 * {@link #commitment()}, {@link #routing()} and {@link #fees()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Decision {
    private final String procedure;
    private final Eligibility eligibility;
    private final List<Reason> reasons;
    private final List<RequiredComponent> components;
    private final List<Part<?>> parts;
    private final List<DeadlineAdjustment> deadlineAdjustments;
    private final List<FeeDirective> feeDirectives;
    private final List<Note> notes;
    private final List<TraceStep> trace;
    private final Cause cause;
    private final Provenance provenance;

    /**
     * A decision with the built-in parts form, deadline and fees, no commitment, no routing and no
     * other part.
     *
     * @param procedure           the procedure code
     * @param eligibility         the outcome
     * @param reasons             why INELIGIBLE (each with its legal basis), in firing order
     * @param components          components in catalogue order, each with its status
     * @param form                the form check (kết quả kiểm tra tờ khai)
     * @param deadline            the deadline part, or {@code null} (see {@link #deadline()})
     * @param fees                the fee part, or {@code null} (see {@link #fees()})
     * @param deadlineAdjustments deadline actions the rules took, for the calendar engine
     * @param feeDirectives       fee actions the rules took, for the fee table
     * @param notes               notes the rules and sections added
     * @param trace               rules fired, in order, then the deadline adjustments, fee lines and
     *                            exemptions applied (see {@link TraceStep#kind()})
     * @param cause               why INDETERMINATE, or {@code null}
     * @param provenance          which pack and time produced it
     */
    public Decision(String procedure, Eligibility eligibility, List<Reason> reasons,
            List<RequiredComponent> components, FormCheck form, DeadlineResult deadline, FeeAssessment fees,
            List<DeadlineAdjustment> deadlineAdjustments, List<FeeDirective> feeDirectives, List<Note> notes,
            List<TraceStep> trace, Cause cause, Provenance provenance) {
        this(procedure, eligibility, reasons, components, form, deadline, fees, deadlineAdjustments, feeDirectives, notes,
                trace, cause, provenance, null, null);
    }

    /**
     * A decision with the five built-in parts (form, deadline, commitment, routing, fees) and no other.
     *
     * @param commitment the law's maximum beside the province's committed time, or {@code null}
     * @param routing    receipt and routing, or {@code null} when the decision was made without it
     * @see #Decision(String, Eligibility, List, List, FormCheck, DeadlineResult, FeeAssessment, List, List, List,
     *      List, Cause, Provenance)
     */
    public Decision(String procedure, Eligibility eligibility, List<Reason> reasons,
            List<RequiredComponent> components, FormCheck form, DeadlineResult deadline, FeeAssessment fees,
            List<DeadlineAdjustment> deadlineAdjustments, List<FeeDirective> feeDirectives, List<Note> notes,
            List<TraceStep> trace, Cause cause, Provenance provenance, Commitment commitment, Routing routing) {
        this(procedure, eligibility, reasons, components,
                BuiltInParts.of(Objects.requireNonNull(form, "form"), deadline, fees, commitment, routing),
                deadlineAdjustments, feeDirectives, notes, trace, cause, provenance);
    }

    /**
     * A decision with the parts its sections contributed.
     *
     * @param parts every decision section's part in registration order, which is the JSON's key order
     *              (a part's value is {@code null} when the section contributed none); must hold the form part
     */
    public Decision(String procedure, Eligibility eligibility, List<Reason> reasons,
            List<RequiredComponent> components, List<Part<?>> parts,
            List<DeadlineAdjustment> deadlineAdjustments, List<FeeDirective> feeDirectives, List<Note> notes,
            List<TraceStep> trace, Cause cause, Provenance provenance) {
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
        this.reasons = List.copyOf(reasons);
        this.components = List.copyOf(components);
        this.parts = List.copyOf(parts);
        boolean hasForm = false; // a handful of parts: compared pairwise, no set built per decision
        for (int i = 0; i < this.parts.size(); i++) {
            String name = this.parts.get(i).key().name();
            for (int j = 0; j < i; j++) {
                if (this.parts.get(j).key().name().equals(name)) {
                    throw new IllegalArgumentException("two parts named [" + name + "]");
                }
            }
            hasForm |= name.equals(Key.FORM.name());
        }
        if (!hasForm) {
            throw new IllegalArgumentException("a decision has a form part (FormCheck.notChecked() when none)");
        }
        this.deadlineAdjustments = List.copyOf(deadlineAdjustments);
        this.feeDirectives = List.copyOf(feeDirectives);
        this.notes = List.copyOf(notes);
        this.trace = List.copyOf(trace);
        this.cause = cause;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        if ((eligibility == Eligibility.INDETERMINATE) != (cause != null)) {
            throw new IllegalArgumentException("a cause is given exactly when the outcome is INDETERMINATE: ["
                    + eligibility + "]");
        }
        if (eligibility == Eligibility.WRONG_UNIT) {
            Routing r = routing();
            if (r == null || r.accepted() || r.fileAt() == null) {
                throw new IllegalArgumentException("a WRONG_UNIT decision names the unit to file at in its routing");
            }
        }
    }

    /** The procedure code. */
    public String procedure() {
        return procedure;
    }

    /** The outcome. */
    public Eligibility eligibility() {
        return eligibility;
    }

    /** Why INELIGIBLE (each with its legal basis), in firing order. */
    public List<Reason> reasons() {
        return reasons;
    }

    /** Components in catalogue order, each with its status. */
    public List<RequiredComponent> components() {
        return components;
    }

    /** The form check (kết quả kiểm tra tờ khai); {@link FormCheck#notChecked()} when the procedure has no form. */
    public FormCheck form() {
        return part(Key.FORM).orElseGet(FormCheck::notChecked);
    }

    /**
     * The deadline part (thời hạn giải quyết): {@code null} unless the outcome is ELIGIBLE or
     * NOT_ASSESSED (no rule checks the conditions: the catalogue's deadline still holds) and the
     * procedure has a deadline in force on the decision's date.
     */
    public DeadlineResult deadline() {
        return part(Key.DEADLINE).orElse(null);
    }

    /**
     * The fee part (phí, lệ phí): {@code null} unless the outcome is ELIGIBLE or NOT_ASSESSED and the
     * procedure has a fee table.
     */
    public FeeAssessment fees() {
        return part(Key.FEES).orElse(null);
    }

    /**
     * The law's maximum time beside the province's committed time (thời hạn tối đa theo quy định và
     * thời gian cam kết của tỉnh), or {@code null} when the procedure has no commitment or the decision
     * has no deadline (a rule that replaced the base limit also drops it). The appointment
     * ({@link #deadline()}) counts the commitment.
     */
    public Commitment commitment() {
        return part(Key.COMMITMENT).orElse(null);
    }

    /**
     * Receipt and routing (tiếp nhận, luân chuyển hồ sơ): the receiving and the competent unit, whether
     * this unit receives the dossier and, when not ({@link Eligibility#WRONG_UNIT}), where to file; or
     * {@code null} for a decision made without it.
     */
    public Routing routing() {
        return part(Key.ROUTING).orElse(null);
    }

    /** Deadline actions the rules took, for the calendar engine. */
    public List<DeadlineAdjustment> deadlineAdjustments() {
        return deadlineAdjustments;
    }

    /** Fee actions the rules took, for the fee table. */
    public List<FeeDirective> feeDirectives() {
        return feeDirectives;
    }

    /** Notes the rules and the sections added. */
    public List<Note> notes() {
        return notes;
    }

    /** Rules fired, in order, then what each section applied (see {@link TraceStep#kind()}). */
    public List<TraceStep> trace() {
        return trace;
    }

    /** Why INDETERMINATE, or {@code null}. */
    public Cause cause() {
        return cause;
    }

    /** Which pack and time produced it. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * The part a decision section contributed, e.g. {@code part(Decision.Key.DEADLINE)}; empty when
     * the section contributed none to this decision or is not registered.
     */
    public <T> Optional<T> part(Key<T> key) {
        Objects.requireNonNull(key, "key");
        for (Part<?> p : parts) {
            if (p.key().equals(key)) {
                return Optional.ofNullable(key.type().cast(p.value()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every section's part in registration order (the built-in form, deadline, commitment, routing and
     * fees first), including those whose value is {@code null}; the JSON writes them in this order.
     */
    public List<Part<?>> parts() {
        return parts;
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
        return DecisionJson.text(this, DecisionJson.VI);
    }

    /** The same summary in English. */
    public String toTextEn() {
        return DecisionJson.text(this, Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && procedure.equals(d.procedure) && eligibility == d.eligibility
                && reasons.equals(d.reasons) && components.equals(d.components) && parts.equals(d.parts)
                && deadlineAdjustments.equals(d.deadlineAdjustments) && feeDirectives.equals(d.feeDirectives)
                && notes.equals(d.notes) && trace.equals(d.trace) && Objects.equals(cause, d.cause)
                && provenance.equals(d.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(procedure, eligibility, reasons, components, parts, deadlineAdjustments, feeDirectives,
                notes, trace, cause, provenance);
    }

    @Override
    public String toString() {
        return "Decision[procedure=" + procedure + ", eligibility=" + eligibility + ", reasons=" + reasons
                + ", components=" + components + ", parts=" + parts + ", notes=" + notes + ", cause=" + cause + "]";
    }

    /**
     * The typed name of a decision part (phần của quyết định): its {@link #name()} is the part's key
     * in the decision JSON and under {@code expect:} in analysts' cases. Two keys are equal when name
     * and type are.
     *
     * @param name lower camel case, e.g. {@code deadline}
     * @param type the part's type
     * @param <T>  the part's type
     */
    public record Key<T>(String name, Class<T> type) {
        private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
        /** The form check (forms). */
        public static final Key<FormCheck> FORM = new Key<>("form", FormCheck.class);
        /** The deadline (calendar). */
        public static final Key<DeadlineResult> DEADLINE = new Key<>("deadline", DeadlineResult.class);
        /** The fees (fee tables). */
        public static final Key<FeeAssessment> FEES = new Key<>("fees", FeeAssessment.class);
        /** The province's committed time beside the law's maximum. */
        public static final Key<Commitment> COMMITMENT = new Key<>("commitment", Commitment.class);
        /** Receipt and routing. */
        public static final Key<Routing> ROUTING = new Key<>("routing", Routing.class);

        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a part name is lower camel case: [" + name + "]");
            }
        }

        /** A key, e.g. {@code Key.of("returnByPost", ReturnByPost.class)}. */
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }
    }

    /**
     * One section's part of a decision.
     *
     * @param key     the part's key
     * @param value   the part, or {@code null} when the section contributed none to this decision
     * @param section the section that contributed it (writes its JSON and text)
     * @param <T>     the part's type
     */
    public record Part<T>(Key<T> key, T value, DecisionSection<T> section) {
        public Part {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(section, "section");
            if (value != null && !key.type().isInstance(value)) {
                throw new IllegalArgumentException("part [" + key.name() + "] is not a " + key.type().getSimpleName());
            }
        }
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
    public record Commitment(TimeLimit maximum, LegalBasis maximumBasis, BigDecimal amount, DeadlineUnit unit,
            String labelVi, TimeLimit counted, BigDecimal cutPercent, LegalBasis basis, String note) {
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
    public record Transfer(TimeLimit limit, boolean counted, LegalBasis basis) {
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
     * One step of the trace (căn cứ): a rule that fired, or a deadline adjustment, fee line, fee
     * exemption/reduction or other section's step the decision applied, each with its legal basis.
     *
     * @param rule  the rule's name; for other kinds what was applied (e.g. {@code "le-phi-khai-sinh"})
     * @param file  pack-relative file (for a fee row: the fee table), or {@code null} for an excluded
     *              period given with the dossier
     * @param line  line of its {@code rule} keyword, the table row, or 0
     * @param basis its legal basis
     * @param kind  what kind of step ({@code null} means {@link Kind#RULE})
     */
    public record TraceStep(String rule, String file, int line, LegalBasis basis, Kind kind) {
        /** A rule fired (same as {@link Kind#RULE}). */
        public static final Kind RULE = Kind.RULE;
        /** A deadline adjustment was applied (same as {@link Kind#DEADLINE}). */
        public static final Kind DEADLINE = Kind.DEADLINE;
        /** A fee line was charged (same as {@link Kind#FEE}). */
        public static final Kind FEE = Kind.FEE;
        /** An exemption or reduction was applied (same as {@link Kind#FEE_ADJUSTMENT}). */
        public static final Kind FEE_ADJUSTMENT = Kind.FEE_ADJUSTMENT;
        /** The receipt was routed or refused (same as {@link Kind#ROUTING}). */
        public static final Kind ROUTING = Kind.ROUTING;

        /** The kinds of trace step; the JSON writes the constant's name. */
        public enum Kind {
            /** A rule fired. */
            RULE,
            /** The base time limit, or a deadline adjustment (extension, replacement, pause, excluded period). */
            DEADLINE,
            /** A fee line was charged (its tariff's basis). */
            FEE,
            /** An exemption or reduction was applied to a fee line. */
            FEE_ADJUSTMENT,
            /** The receipt was routed (or refused) by the competence and boundary-free rules. */
            ROUTING,
            /** A step of a section an embedder registered ({@code rule} names what it applied). */
            SECTION
        }

        public TraceStep {
            kind = kind == null ? Kind.RULE : kind;
        }

        /** A fired rule. */
        public TraceStep(String rule, String file, int line, LegalBasis basis) {
            this(rule, file, line, basis, Kind.RULE);
        }
    }

    /**
     * Why a decision is INDETERMINATE.
     *
     * <p><b>Migrating from a String code.</b> {@code code()} was a {@code String} before session 4; code
     * written as {@code cause().code().equals("FORM_INVALID")} still compiles but is now always false.
     * Write {@code cause().code() == Decision.Cause.Code.FORM_INVALID}, or {@code cause().is("FORM_INVALID")},
     * which refuses a name that is no code; {@link #codeName()} gives the string the JSON writes.
     *
     * @param code      what went wrong
     * @param rule      the rule that failed or fired last, or {@code null}
     * @param file      its file, or {@code null}
     * @param line      its line, or 0
     * @param messageVi in Vietnamese
     * @param messageEn in English
     */
    public record Cause(Code code, String rule, String file, int line, String messageVi, String messageEn) {
        public Cause {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(messageVi, "messageVi");
            Objects.requireNonNull(messageEn, "messageEn");
        }

        /** The code's name, e.g. {@code "DEADLINE_FAILED"}: what the decision JSON writes, and what {@code code()} returned before it was a {@link Code}. */
        public String codeName() {
            return code.name();
        }

        /**
         * Whether the code is the one named {@code name} — the replacement for {@code code().equals(name)}.
         *
         * @throws IllegalArgumentException when {@code name} names no {@link Code} (a misspelt name fails
         *                                  loudly instead of never matching)
         */
        public boolean is(String name) {
            Objects.requireNonNull(name, "name");
            return code == Code.valueOf(name);
        }

        /** Why a decision is INDETERMINATE; the JSON writes the constant's name. */
        public enum Code {
            /** The form has violations: the rules did not run. */
            FORM_INVALID,
            /** A rule threw, or read a field of the wrong type. */
            RULE_FAILED,
            /** The rules kept firing past the engine's firing limit. */
            FIRING_LIMIT,
            /** The rules ran past the decision's time budget (pack.yaml {@code rules.decisionBudgetMs}) and were stopped. */
            TIME_BUDGET,
            /** The rules needed more memory or stack than allowed and were stopped. */
            RESOURCE_LIMIT,
            /** A rule's regular expression ran past its step budget. */
            REGEX_BUDGET,
            /** The deadline could not be computed (a calendar problem). */
            DEADLINE_FAILED,
            /** The fees could not be computed (no rate in force, a bad quantity, a directive on an unknown item). */
            FEES_FAILED,
            /** A section an embedder registered failed (its message says why). */
            SECTION_FAILED
        }
    }

    /**
     * The decision's form part (kết quả kiểm tra tờ khai): whether the dossier's form was checked
     * against the procedure's form schema, its violations, and the values read in canonical form;
     * {@link #notChecked()} when the procedure has no form schema. Made by the built-in form section
     * from forms-core's {@link io.github.motcua.forms.FormReport}, whose violations it copies as
     * {@link FormViolation}s.
     *
     * <p>It was called {@code Decision.FormReport}, like forms-core's report; that name stays one
     * release as a deprecated interface this record implements, so code reading {@code decision.form()}
     * into a {@code Decision.FormReport} still compiles.
     *
     * @param checked    whether the form was validated at all
     * @param violations each violation, empty when valid or not checked
     * @param normalised each value typed in a usual way that validation read in its canonical form
     *                   (e.g. {@code "0311 916 028"} → {@code "0311916028"}): the canonical value is the one
     *                   decided on, and the typed text is kept beside it so nothing is changed silently;
     *                   {@code null} is read as none
     */
    @SuppressWarnings("deprecation") // implements the old name for one release
    public record FormCheck(boolean checked, List<FormViolation> violations,
            List<NormalisedValue> normalised) implements FormReport {
        public FormCheck {
            violations = List.copyOf(violations);
            normalised = normalised == null ? List.of() : List.copyOf(normalised);
        }

        /** A check without rewritten values. */
        public FormCheck(boolean checked, List<FormViolation> violations) {
            this(checked, violations, List.of());
        }

        /** The form was not validated (the procedure has no form schema). */
        public static FormCheck notChecked() {
            return new FormCheck(false, List.of());
        }

        /** Checked and no violation. */
        @Override
        public boolean valid() {
            return checked && violations.isEmpty();
        }
    }

    /**
     * The decision's form part under its old name, which clashed with forms-core's
     * {@link io.github.motcua.forms.FormReport}: read it as {@link FormCheck}, which implements this
     * interface for one release. {@code Decision.FormReport r = decision.form()}, its accessors and
     * {@code Decision.FormReport.notChecked()} still compile; {@code new Decision.FormReport(...)} does
     * not: write {@code new Decision.FormCheck(...)}.
     *
     * @deprecated use {@link FormCheck}; this name goes in the next release
     */
    @Deprecated(since = "0.1.0")
    public interface FormReport {
        /** Whether the form was validated at all. */
        boolean checked();

        /** Each violation, empty when valid or not checked. */
        List<FormViolation> violations();

        /** Each value validation read in its canonical form. */
        List<NormalisedValue> normalised();

        /** Checked and no violation. */
        boolean valid();

        /**
         * The form was not validated.
         *
         * @deprecated use {@link FormCheck#notChecked()}
         */
        @Deprecated(since = "0.1.0")
        static FormCheck notChecked() {
            return FormCheck.notChecked();
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
