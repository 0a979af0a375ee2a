package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.law.DefaultParameters;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.DecisionSection.Stage;
import io.github.motcua.rules.vocabulary.Unit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a decision whole, as stages, each visited once: receipt and routing (a dossier this unit does
 * not receive stops here, {@code WRONG_UNIT}), the form (a bad form stops here), the rules
 * (eligibility and components), then every other section in stage order (deadline → fees →
 * documents). A section reads what came before through {@link DecisionContext} and adds its part,
 * trace steps and notes; a failure stops the pipeline. The decision is built once, at the end, with
 * the parts in registration order (the JSON's key order). Immutable once made, so thread-safe.
 */
final class DecisionPipeline {
    private final List<DecisionSection<?>> registered;
    private final List<DecisionSection<?>> sections;

    /** @param sections the engine's decision sections, in registration order (built-in ones first) */
    DecisionPipeline(List<DecisionSection<?>> sections) {
        this.registered = List.copyOf(sections);
        List<DecisionSection<?>> sorted = new ArrayList<>(sections);
        sorted.sort(Comparator.comparing(DecisionSection::stage)); // stable: registration order within a stage
        this.sections = List.copyOf(sorted);
    }

    /** The sections in registration order (the decision JSON's key order). */
    List<DecisionSection<?>> sections() {
        return registered;
    }

    /**
     * @param alias the old code the dossier named the procedure by, or null: the decision then gets a note
     *              naming both codes
     */
    Decision decide(LoadedPack pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier dossier, Clock clock,
            int firingLimit, Procedure.Alias alias) {
        // an unknown receiving or residence unit is a bad dossier, whatever its form (a code in NFC found: renamed so)
        Dossier d = Evaluator.checkUnits(unitFacts, pack.units().keySet(), dossier);
        Draft draft = new Draft(pack, cp, d, Evaluator.asOf(pack.info(), d));
        draft.alias = alias;
        int i = 0;
        for (; i < sections.size() && sections.get(i).stage().compareTo(Stage.ELIGIBILITY) < 0; i++) {
            if (!draft.run(sections.get(i))) {
                // not received here, or a bad form: the rules do not run; the catalogue's required components
                draft.components = Evaluator.catalogueRequired(cp.procedure());
                return draft.build(registered, clock);
            }
        }
        draft.beforeRules = false;
        Evaluator.Ruled ruled = Evaluator.decide(pack.info(), unitFacts, cp, d, draft.asOf, draft.formData, firingLimit,
                pack.decisionBudget(), age(pack, DefaultParameters.CHILD_UNDER, draft.asOf),
                age(pack, DefaultParameters.ELDERLY_FROM, draft.asOf));
        draft.ruled(ruled);
        if (ruled.cause() != null) {
            return draft.build(registered, clock);
        }
        draft.assessed(cp);
        for (; i < sections.size(); i++) {
            if (!draft.run(sections.get(i))) {
                break;
            }
        }
        return draft.build(registered, clock);
    }

    /**
     * The plan of the steps of the procedure that {@code ctx} decides, when it is this pipeline's context and the
     * procedure's steps apply to every dossier; else null (a section then reads the procedure's steps).
     */
    static io.github.motcua.calendar.StepPlan stepPlan(io.github.motcua.rules.spi.DecisionContext ctx) {
        return ctx instanceof Draft.Context c ? c.stepPlan() : null;
    }

    /**
     * The compiled procedure that {@code ctx} decides when it is this pipeline's context, else null (a section then
     * reads the procedure's record).
     */
    static CompiledProcedure compiled(io.github.motcua.rules.spi.DecisionContext ctx) {
        return ctx instanceof Draft.Context c ? c.compiled() : null;
    }

    /** An age parameter in force on {@code asOf}, or null (a rule that needs it then fails, naming it). */
    private static Integer age(LoadedPack pack, String id, LocalDate asOf) {
        io.github.motcua.law.Parameter<?> p = pack.parameters().get(id);
        return p == null ? null : p.find(asOf).map(v -> (Integer) v.value()).orElse(null);
    }

    /** One decision under way; confined to the deciding thread. */
    private static final class Draft {
        private final LoadedPack pack;
        private final CompiledProcedure cp;
        private final Dossier dossier;
        private final LocalDate asOf;
        private final List<Decision.Part<?>> parts = new ArrayList<>();
        private final List<Decision.TraceStep> trace = new ArrayList<>();
        private final List<Decision.Note> sectionNotes = new ArrayList<>();
        private Map<String, Object> formData;
        /** Until the rules run (routing and form stages): their parts survive a later failure. */
        private boolean beforeRules = true;
        private int keptParts;
        private Stage stage;
        private Eligibility refused;
        private Eligibility eligibility = Eligibility.ELIGIBLE;
        private List<Decision.Reason> reasons = List.of();
        private List<RequiredComponent> components = List.of();
        private List<DeadlineAdjustment> adjustments = List.of();
        private List<FeeDirective> directives = List.of();
        private List<Decision.Note> ruleNotes = List.of();
        private Decision.Cause cause;
        private Procedure.Alias alias;

        Draft(LoadedPack pack, CompiledProcedure cp, Dossier dossier, LocalDate asOf) {
            this.pack = pack;
            this.cp = cp;
            this.dossier = dossier;
            this.asOf = asOf;
            this.formData = dossier.form();
        }

        void ruled(Evaluator.Ruled r) {
            eligibility = r.eligibility();
            reasons = r.reasons();
            components = r.components();
            adjustments = r.deadlineAdjustments();
            directives = r.feeDirectives();
            ruleNotes = r.notes();
            trace.addAll(r.trace());
            cause = r.cause();
        }

        /**
         * A procedure without any rule: nobody assessed the conditions. The catalogue part (components,
         * deadline, fees) still holds, but the outcome must not read as ELIGIBLE (an unreviewed import,
         * docs/import.md). An imported procedure not reviewed yet says so.
         */
        void assessed(CompiledProcedure cp) {
            Procedure p = cp.procedure();
            if (eligibility == Eligibility.ELIGIBLE && !cp.hasRules()) {
                eligibility = Eligibility.NOT_ASSESSED;
                sectionNotes.add(new Decision.Note(Msg.vi("NOTE_NOT_ASSESSED"), Msg.en("NOTE_NOT_ASSESSED"), null,
                        "procedure.yaml"));
            }
            if (eligibility != Eligibility.INELIGIBLE && p.importedUnreviewed()) {
                Procedure.Source s = p.source();
                String updated = String.valueOf(s.updatedAt());
                String vi = Msg.vi("NOTE_IMPORTED_UNREVIEWED", "code", s.code(), "updatedAt", updated, "published",
                        s.decision() == null ? "" : Msg.vi("FRAGMENT_PUBLISHED_BY", "decision", s.decision()));
                String en = Msg.en("NOTE_IMPORTED_UNREVIEWED", "code", s.code(), "updatedAt", updated, "published",
                        s.decision() == null ? "" : Msg.en("FRAGMENT_PUBLISHED_BY", "decision", s.decision()));
                if (!s.values().isEmpty()) {
                    // per-value marking: name exactly the imported values nobody has reviewed yet
                    vi += Msg.vi("FRAGMENT_UNREVIEWED_VALUES", "values", String.join(", ",
                            s.unreviewed().stream().map(v -> v.label(false)).toList()));
                    en += Msg.en("FRAGMENT_UNREVIEWED_VALUES", "values", String.join(", ",
                            s.unreviewed().stream().map(v -> v.label(true)).toList()));
                }
                sectionNotes.add(new Decision.Note(vi, en, null, "national.yaml"));
            }
        }

        /** Runs one section; false when it failed or refused the decision (nothing more runs). */
        <T> boolean run(DecisionSection<T> s) {
            stage = s.stage();
            Context ctx = new Context(s);
            T value;
            try {
                value = s.contribute(ctx);
            } catch (RuntimeException e) {
                ctx.fail(Decision.Cause.Code.SECTION_FAILED,
                        Msg.vi("CAUSE_SECTION_FAILED", "section", s.name(), "error", io.github.motcua.kernel.Failures.describe(e)),
                        Msg.en("CAUSE_SECTION_FAILED", "section", s.name(), "error", io.github.motcua.kernel.Failures.describe(e)));
                value = null;
            }
            if (cause == null && refused != null
                    && !(value instanceof Decision.Routing r && !r.accepted() && r.fileAt() != null)) {
                refused = null;
                ctx.fail(Decision.Cause.Code.SECTION_FAILED, Msg.vi("CAUSE_REFUSED_WITHOUT_FILE_AT", "section", s.name()),
                        Msg.en("CAUSE_REFUSED_WITHOUT_FILE_AT", "section", s.name()));
                value = null;
            }
            ctx.closed = true;
            if (cause != null) {
                // nothing after the rules is certain once a stage failed: drop those parts and the sections' notes
                if (beforeRules) {
                    parts.add(new Decision.Part<>(s.key(), value, s));
                    keptParts = parts.size();
                }
                parts.subList(keptParts, parts.size()).clear();
                sectionNotes.clear();
                return false;
            }
            parts.add(new Decision.Part<>(s.key(), value, s));
            if (beforeRules) {
                keptParts = parts.size();
            }
            return refused == null;
        }

        /** The decision, with a part for every section (null for those that contributed none or did not run). */
        Decision build(List<DecisionSection<?>> all, Clock clock) {
            PackInfo info = pack.info();
            Decision.Provenance prov = new Decision.Provenance(info.id(), info.version(), info.sha256(), asOf,
                    clock.instant());
            List<Decision.Part<?>> whole = new ArrayList<>(all.size() + 1);
            for (int k = 0; k < all.size(); k++) { // indexed: no iterator per section and part
                whole.add(partOf(all.get(k)));
            }
            // a decision always has a form part: not checked when the form stage did not run
            boolean hasForm = false;
            for (int k = 0; k < whole.size(); k++) {
                if (whole.get(k).key().equals(Decision.Key.FORM)) {
                    hasForm = true;
                    if (whole.get(k).value() == null) {
                        whole.set(k, new Decision.Part<>(Decision.Key.FORM, Decision.FormCheck.notChecked(),
                                BuiltInSections.FORM_PART));
                    }
                }
            }
            if (!hasForm) {
                whole.add(0, new Decision.Part<>(Decision.Key.FORM, Decision.FormCheck.notChecked(),
                        BuiltInSections.FORM_PART));
            }
            List<Decision.Note> notes = ruleNotes;
            if (!sectionNotes.isEmpty() || alias != null) {
                notes = new ArrayList<>(ruleNotes);
                notes.addAll(sectionNotes);
            }
            if (alias != null) { // a dossier that named the procedure by an old code: a note names both
                // the alias's own note is the pack's (Vietnamese) text: the English message leaves it out
                notes.add(new Decision.Note(
                        Msg.vi("NOTE_ALIAS", "alias", alias.code(), "code", cp.procedure().code(), "aliasNote",
                                alias.note() == null ? "" : " (" + alias.note() + ")"),
                        Msg.en("NOTE_ALIAS", "alias", alias.code(), "code", cp.procedure().code(), "aliasNote", ""),
                        null, "procedure.yaml: aliases"));
            }
            // a stage that failed after the rules keeps what the rules decided (components, actions) beside its cause
            return new Decision(cp.procedure().code(), cause != null ? Eligibility.INDETERMINATE
                    : refused != null ? refused : eligibility, reasons,
                    components, whole, adjustments, directives, notes, trace, cause, prov);
        }

        /** The part {@code s} contributed, or an empty one. */
        private Decision.Part<?> partOf(DecisionSection<?> s) {
            for (int k = 0; k < parts.size(); k++) {
                Decision.Part<?> p = parts.get(k);
                if (p.section() == s) {
                    return p;
                }
            }
            return empty(s);
        }

        private static <T> Decision.Part<T> empty(DecisionSection<T> s) {
            return new Decision.Part<>(s.key(), null, s);
        }

        /** What one section sees; refuses changes once its call returned. */
        private final class Context implements DecisionContext {
            private final DecisionSection<?> section;
            private boolean closed;

            Context(DecisionSection<?> section) {
                this.section = section;
            }

            private void open() {
                if (closed) {
                    throw new IllegalStateException("the section's call has returned");
                }
            }

            @Override
            public Dossier dossier() {
                return dossier;
            }

            @Override
            public Procedure procedure() {
                return cp.procedure();
            }

            @Override
            public PackInfo pack() {
                return pack.info();
            }

            @Override
            public Map<String, LegalBasis> bases() {
                return pack.bases();
            }

            @Override
            public Map<String, ReceivingUnit> units() {
                return pack.units();
            }

            @Override
            public LocalDate asOf() {
                return asOf;
            }

            @Override
            public Object loaded() {
                return pack.sections().get(section.name());
            }

            @Override
            public <V> Optional<V> loaded(String name, Class<V> type) {
                Object v = pack.sections().get(name);
                return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
            }

            @Override
            public Map<String, Object> formData() {
                return formData;
            }

            /** The procedure's steps' plan ({@link CompiledProcedure#stepPlan()}). */
            io.github.motcua.calendar.StepPlan stepPlan() {
                return cp.stepPlan();
            }

            /** The compiled procedure decided. */
            CompiledProcedure compiled() {
                return cp;
            }

            @Override
            public void useFormData(Map<String, Object> data) {
                open();
                if (stage != Stage.FORM) {
                    throw new IllegalStateException("only a form-stage section may replace the form data");
                }
                formData = java.util.Objects.requireNonNull(data, "data");
            }

            @Override
            public Eligibility eligibility() {
                return eligibility;
            }

            @Override
            public List<RequiredComponent> components() {
                return components;
            }

            @Override
            public boolean waive(String componentId, String source, String condition, LegalBasis basis) {
                open();
                if (stage != Stage.ELIGIBILITY) {
                    throw new IllegalStateException("only an eligibility-stage section may waive a component");
                }
                java.util.Objects.requireNonNull(componentId, "componentId");
                java.util.Objects.requireNonNull(source, "source");
                List<RequiredComponent> out = new ArrayList<>(components);
                String group = null;
                int at = -1;
                for (int k = 0; k < out.size(); k++) {
                    RequiredComponent c = out.get(k);
                    if (c.id().equals(componentId) && c.status() != RequiredComponent.ComponentStatus.WAIVED) {
                        at = k;
                        group = c.status() == RequiredComponent.ComponentStatus.ONE_OF ? c.group() : null;
                        out.set(k, new RequiredComponent(c.id(), c.name(), c.form(), c.quantity(),
                                RequiredComponent.ComponentStatus.WAIVED, null, source, condition, basis));
                        break;
                    }
                }
                if (at < 0) {
                    return false;
                }
                if (group != null) { // the held data satisfies the group: the other members become optional
                    for (int k = 0; k < out.size(); k++) {
                        RequiredComponent c = out.get(k);
                        if (c.status() == RequiredComponent.ComponentStatus.ONE_OF && group.equals(c.group())) {
                            out.set(k, new RequiredComponent(c.id(), c.name(), c.form(), c.quantity(),
                                    RequiredComponent.ComponentStatus.OPTIONAL, null, null, c.condition(), c.basis()));
                        }
                    }
                }
                components = List.copyOf(out);
                return true;
            }

            @Override
            public List<DeadlineAdjustment> deadlineAdjustments() {
                return adjustments;
            }

            @Override
            public List<FeeDirective> feeDirectives() {
                return directives;
            }

            @Override
            public <P> Optional<P> part(Decision.Key<P> key) {
                for (Decision.Part<?> p : parts) {
                    if (p.key().equals(key)) {
                        return Optional.ofNullable(key.type().cast(p.value()));
                    }
                }
                return Optional.empty();
            }

            @Override
            public <V> io.github.motcua.law.Parameter.Dated<V> parameter(String id, Class<V> type) {
                return pack.parameter(id, type, asOf);
            }

            @Override
            public Optional<RuleSource> rule(String name) {
                CompiledProcedure.RuleInfo r = cp.rules().get(name);
                return r == null ? Optional.empty() : Optional.of(new RuleSource(r.name(), r.file(), r.line(), r.basis()));
            }

            @Override
            public void trace(Decision.TraceStep step) {
                open();
                trace.add(java.util.Objects.requireNonNull(step, "step"));
            }

            @Override
            public void note(Decision.Note note) {
                open();
                sectionNotes.add(java.util.Objects.requireNonNull(note, "note"));
            }

            @Override
            public void refuse(Eligibility outcome) {
                open();
                if (outcome != Eligibility.WRONG_UNIT) {
                    throw new IllegalArgumentException("a dossier is refused only as WRONG_UNIT: [" + outcome + "]");
                }
                if (stage != Stage.ROUTING) {
                    throw new IllegalStateException("only a routing-stage section may refuse the dossier");
                }
                if (cause == null) {
                    refused = outcome;
                }
            }

            @Override
            public void fail(Decision.Cause.Code code, String messageVi, String messageEn) {
                open();
                if (cause == null) {
                    cause = new Decision.Cause(code, null, null, 0, messageVi, messageEn);
                }
            }
        }
    }
}
