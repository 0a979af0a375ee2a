package io.github.motcua.rules.internal;

import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.CalendarFile;
import io.github.motcua.calendar.CalendarFileException;
import io.github.motcua.calendar.Calendars;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineSettings;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.calendar.WorkingCalendar;
import io.github.motcua.fees.ExemptionCatalog;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FeeTableProblem;
import io.github.motcua.fees.FeeTableResult;
import io.github.motcua.fees.FeeTables;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.FormsException;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.law.DefaultParameters;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.ParameterNotInForceException;
import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.StepBudgetException;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeException;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FormValues;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Violation;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.PackSection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision sections every engine has: the e-forms ({@value #FORMS}, the form part), the working
 * calendar and deadline settings ({@value #CALENDAR}, the deadline part) and the exemption catalogue
 * and fee tables ({@value #FEES}, the fee part); beside them {@link CommitmentSection} and
 * {@link Routing.Section}. Each claims its module's files, turns its module's
 * problems into {@link PackProblem}s with file, line and column, and computes its part of a decision
 * through {@link DecisionContext} like any registered section. Stateless, so thread-safe.
 */
final class BuiltInSections {
    static final String CALENDAR = "calendar";
    static final String FEES = "fees";
    static final String FORMS = "forms";
    private static final Pattern FEE_FILE = Pattern.compile("^procedures/([^/]+)/fees\\.(csv|xlsx)$");
    private static final Pattern FEE_DRL = Pattern.compile("^procedures/[^/]+/fees\\.drl$");
    /** A light exemption table beside a procedure's fee table (docs/fees.md "Light tables"). */
    private static final Pattern FEE_EXEMPTIONS_FILE = Pattern.compile("^procedures/([^/]+)/fee-exemptions\\.(csv|xlsx)$");

    private BuiltInSections() {
    }

    /** Writers of the built-in parts for decisions made outside an engine (their load is never called). */
    static final FormSection FORM_PART = new FormSection(false);
    static final CalendarSection DEADLINE_PART = new CalendarSection();
    static final FeeSection FEES_PART = new FeeSection();
    static final CommitmentSection COMMITMENT_PART = new CommitmentSection();

    /** The built-in sections, in load order. */
    static List<PackSection> all() {
        return all(false);
    }

    /** @param lazyForms build the form registry with lazy schema compilation (a lazy engine's) */
    static List<PackSection> all(boolean lazyForms) {
        // registration order is the decision JSON's key order; the pipeline runs them by stage
        return List.of(new FormSection(lazyForms), new CalendarSection(), new CommitmentSection(), new Routing.Section(),
                new FeeSection(), new DigitisationSection());
    }

    private static String cite(io.github.motcua.law.LegalBasis b, Locale locale) {
        return io.github.motcua.rules.spi.PartJson.cite(b, locale);
    }

    /**
     * Whether a dossier is scheduled and charged: ELIGIBLE, or NOT_ASSESSED (no rule checks the conditions,
     * the catalogue's deadline and fees still hold). A refused dossier is neither; an undetermined one cannot be.
     */
    private static boolean scheduled(Eligibility e) {
        return e == Eligibility.ELIGIBLE || e == Eligibility.NOT_ASSESSED;
    }

    private static boolean vi(Locale locale) {
        return "vi".equals(locale.getLanguage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object expected) {
        return expected instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * A pack's fee data: the exemption catalogue and each procedure's fee table by procedure code, with the warnings
     * its files gave (hidden XLSX rows...), kept so a reload that reuses a table reports them again.
     */
    record PackFees(ExemptionCatalog catalog, Map<String, FeeTable> tables, Map<String, List<PackProblem>> warnings) {
        PackFees {
            tables = Map.copyOf(tables);
            warnings = Map.copyOf(warnings);
        }
    }

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static PackSection.Context empty() {
        return new PackSection.Context(null, Map.of(), Map.of(), Map.of());
    }

    /** {@code calendar/*.yaml} with pack.yaml's {@code defaults} and {@code calendar.switches}: a {@link DeadlineEngine}. */
    static final class CalendarSection implements DecisionSection<DeadlineResult>, WithoutPackIdentity, WithProblemSink {
        @Override
        public String name() {
            return CALENDAR;
        }

        @Override
        public Decision.Key<DeadlineResult> key() {
            return Decision.Key.DEADLINE;
        }

        @Override
        public Stage stage() {
            return Stage.DEADLINE;
        }

        @Override
        public boolean reusable() {
            return true; // its files plus pack.yaml, bases and units
        }

        /**
         * ELIGIBLE or NOT_ASSESSED only: a refused dossier is not scheduled, an undetermined one cannot be. The
         * dossier's excluded periods follow the rules' adjustments; when the internal steps do not fit,
         * the law's due instant stands and a note tells the officers.
         */
        @Override
        public DeadlineResult contribute(DecisionContext ctx) {
            Procedure p = ctx.procedure();
            if (!scheduled(ctx.eligibility()) || !(ctx.loaded() instanceof DeadlineEngine engine)
                    || p.deadline() == null) {
                return null;
            }
            Dossier d = ctx.dossier();
            DeadlineResult deadline;
            Optional<Procedure.BaseDeadline> inForce = p.deadlineOn(ctx.asOf());
            if (inForce.isEmpty()) {
                // strict: a time limit is not applied to a dossier decided under another law than its own
                notInForce(ctx, p);
                return null;
            }
            Procedure.BaseDeadline base = inForce.get();
            try {
                List<DeadlineAdjustment> adjustments = new ArrayList<>(ctx.deadlineAdjustments());
                for (Dossier.ExcludedPeriod e : d.excludedPeriods()) {
                    if (e.to().isAfter(e.from())) {
                        adjustments.add(DeadlineAdjustment.excluded(e.from(), e.to(), excludedReason(e, false),
                                excludedReason(e, true), excludedBasis(ctx, e.kind())));
                    }
                }
                Decision.Routing routing = ctx.part(Decision.Key.ROUTING).orElse(null);
                if (routing != null && routing.transfer() != null && !routing.transfer().counted()) {
                    adjustments.add(DeadlineAdjustment.extend(routing.transfer().limit(),
                            Msg.vi("ROUTING_TRANSFER_REASON", "receiving", routing.receivingUnit().nameVi(), "competent",
                                    routing.competentUnit().nameVi()),
                            Msg.en("ROUTING_TRANSFER_REASON", "receiving", routing.receivingUnit().nameVi(), "competent",
                                    routing.competentUnit().nameVi()),
                            routing.transfer().basis(), null));
                }
                TimeLimit counted = CommitmentSection.countedLimit(p, base, engine);
                // the steps this dossier goes through (the tax authority's only with financial obligations ...),
                // decided on the data the rules saw: the form stage's NFC-normalised, canonical values (a
                // decomposed "Phường" or a date typed 13/02/2026 must not make a step disagree with the rules);
                // without step conditions every step applies and the form is not read
                // with the procedure's plan (steps for every dossier, worked out when it was prepared), the steps are
                // not read unless they must be rescaled
                io.github.motcua.calendar.StepPlan plan = DecisionPipeline.stepPlan(ctx);
                List<io.github.motcua.calendar.InternalStep> steps = plan != null ? StepBudgets.rescaled(plan, counted, adjustments)
                        : StepBudgets.rescaled(p.stepConditions().isEmpty() ? p.steps()
                        : p.stepsFor(new io.github.motcua.rules.vocabulary.Form(ctx.formData(), ctx.asOf(), c -> null)::value),
                        counted, adjustments);
                // one request, built whole: each with... call would copy the record and its lists again
                java.time.Instant received = d.receivedAt().toInstant();
                try {
                    deadline = engine.compute(new DeadlineRequest(received, d.channel(), counted, base.cutOffRule(),
                            adjustments, steps), plan);
                } catch (StepBudgetException e) {
                    // The internal plan (quy trình nội bộ) is the office's, the due instant is the law's: a
                    // dossier received late in the day, or a rule that shortened the limit, leaves the
                    // plan without room. The appointment stands; officers are told the plan does not fit.
                    deadline = engine.compute(new DeadlineRequest(received, d.channel(), counted, base.cutOffRule(),
                            adjustments, List.of()));
                    ctx.note(new Decision.Note(Msg.vi("NOTE_STEPS_DO_NOT_FIT", "step", e.stepId()),
                            Msg.en("NOTE_STEPS_DO_NOT_FIT", "step", e.stepId()), base.basis(), "procedure.yaml: steps"));
                }
            } catch (ParameterNotInForceException e) {
                ctx.fail(Decision.Cause.Code.DEADLINE_FAILED, Msg.vi("CAUSE_DEADLINE_FAILED", "detail", e.messageVi()),
                        Msg.en("CAUSE_DEADLINE_FAILED", "detail", e.getMessage()));
                return null;
            } catch (CalendarException e) {
                // the calendar's problem in each language (its bundle), not its English message twice
                ctx.fail(Decision.Cause.Code.DEADLINE_FAILED, Msg.vi("CAUSE_DEADLINE_FAILED", "detail", e.toProblem().messageVi()),
                        Msg.en("CAUSE_DEADLINE_FAILED", "detail", e.toProblem().messageEn()));
                return null;
            }
            // the appointment counts the province's commitment when the procedure has one: both are named
            Procedure.Commitment c = p.commitment();
            // a trace step names what it applied in one text, Vietnamese (label.trace.*)
            String file = "procedures/" + p.code() + "/procedure.yaml";
            ctx.trace(new Decision.TraceStep(c == null ? traceLabel(DEADLINE_LABELS, "label.trace.deadline", deadline.limit())
                    : traceLabel(MAXIMUM_LABELS, "label.trace.deadlineMaximum", base.limit()),
                    file, base.line(), base.basis(), Decision.TraceStep.Kind.DEADLINE));
            if (c != null) {
                ctx.trace(new Decision.TraceStep(Msg.vi("label.trace.commitment", "limit", c.labelVi()),
                        file, c.line(), c.basis(), Decision.TraceStep.Kind.DEADLINE));
            }
            // issue 18 item 3: a deadline counted over a year without an official schedule says so
            WorkingCalendar calendar = engine.calendar();
            int from = deadline.receiptDay().getYear();
            int to = deadline.due().getYear();
            for (int y = from; y <= to; y++) {
                if (calendar.isComputed(y)) { // the list (and its note) only when some year is computed
                    // the years before y are not: the list from y is the whole span's (one year: just y)
                    ctx.note(computedYearsNote(y == to ? List.of(y) : calendar.computedYears(y, to)));
                    break;
                }
            }
            for (DeadlineAdjustment a : deadline.applied()) {
                DecisionContext.RuleSource r = a.rule() == null ? null : ctx.rule(a.rule()).orElse(null);
                ctx.trace(new Decision.TraceStep(a.rule() != null ? a.rule() : a.kind() + ": " + a.reasonVi(),
                        r == null ? null : r.file(), r == null ? 0 : r.line(), a.basis(), Decision.TraceStep.Kind.DEADLINE));
            }
            return deadline;
        }

        /** The deadline's trace label for each limit, rendered once (a pack has a few limits; every decision names one). */
        private static final Map<TimeLimit, String> DEADLINE_LABELS = new java.util.concurrent.ConcurrentHashMap<>();
        private static final Map<TimeLimit, String> MAXIMUM_LABELS = new java.util.concurrent.ConcurrentHashMap<>();

        private static String traceLabel(Map<TimeLimit, String> labels, String key, TimeLimit limit) {
            String label = labels.get(limit);
            if (label == null) {
                label = Msg.vi(key, "limit", limit.labelVi());
                if (labels.size() < 256) { // bounded: rules' extensions choose the limits
                    labels.putIfAbsent(limit, label);
                }
            }
            return label;
        }

        /** The note for each list of computed years, made once (the same few lists recur at every decision). */
        private static final Map<List<Integer>, Decision.Note> COMPUTED_NOTES = new java.util.concurrent.ConcurrentHashMap<>();

        private static Decision.Note computedYearsNote(List<Integer> years) {
            Decision.Note note = COMPUTED_NOTES.get(years);
            if (note == null) {
                note = new Decision.Note(io.github.motcua.calendar.CalendarReports.computedYearsNote(years, false),
                        io.github.motcua.calendar.CalendarReports.computedYearsNote(years, true), null, "calendar");
                if (COMPUTED_NOTES.size() < 256) { // bounded: a dossier's dates choose the years
                    COMPUTED_NOTES.putIfAbsent(List.copyOf(years), note);
                }
            }
            return note;
        }

        @Override
        public Object toJson(DeadlineResult part) {
            return DecisionSections.deadline(part);
        }

        @Override
        public void text(DeadlineResult part, Locale locale, StringBuilder out) {
            if (vi(locale)) {
                DecisionSections.textVi(part, out);
            } else {
                DecisionSections.textEn(part, out);
            }
        }

        /**
         * {@code deadline: {due: <instant>, workingDays: n}}: the same instant, whatever the offset
         * written; the count of working days on which the clock ran.
         */
        @Override
        public void check(Object expected, Decision d, CaseReport report) {
            Object due = map(expected).get("due");
            if (due != null) {
                if (d.deadline() == null) {
                    report.mismatch("deadline.due", String.valueOf(due), noneVi(d), String.valueOf(due), noneEn(d));
                } else {
                    OffsetDateTime want = OffsetDateTime.parse(due.toString());
                    if (d.deadline().due() == null || !want.toInstant().equals(d.deadline().due().toInstant())) {
                        report.mismatch(String.format(Locale.ROOT, "deadline.due: expected %s, actual %s", want,
                                d.deadline().due()));
                    }
                }
            }
            if (map(expected).get("workingDays") instanceof Number days) {
                String want = String.valueOf(days.intValue());
                if (d.deadline() == null) {
                    report.mismatch("deadline.workingDays", want, noneVi(d), want, noneEn(d));
                } else if (d.deadline().workingDaysCounted() != days.intValue()) {
                    String got = String.valueOf(d.deadline().workingDaysCounted());
                    String dueAt = String.valueOf(d.deadline().due());
                    report.mismatch("deadline.workingDays", want, got + " (" + Msg.vi("cases.due", "due", dueAt) + ")", want,
                            got + " (" + Msg.en("cases.due", "due", dueAt) + ")");
                }
            }
            checkSteps(map(expected).get("steps"), d, report);
        }

        /**
         * {@code deadline.steps}: the steps the dossier goes through, every one in order, and for each
         * the unit, role, due instant, budget in working days and whether it is counted, where given.
         */
        private static void checkSteps(Object expected, Decision d, CaseReport report) {
            if (!(expected instanceof List<?> want)) {
                return;
            }
            List<io.github.motcua.calendar.StepDue> actual = d.deadline() == null ? List.of() : d.deadline().steps();
            List<String> wantIds = new ArrayList<>();
            for (Object o : want) {
                wantIds.add(String.valueOf(map(o).get("id")));
            }
            List<String> actualIds = actual.stream().map(s -> s.step().id()).toList();
            if (!wantIds.equals(actualIds)) {
                report.mismatch(String.format(Locale.ROOT, "deadline.steps: expected %s, actual %s", wantIds, actualIds));
                return;
            }
            for (int i = 0; i < want.size(); i++) {
                Map<String, Object> w = map(want.get(i));
                io.github.motcua.calendar.StepDue a = actual.get(i);
                String id = a.step().id();
                if (w.get("unit") != null && !w.get("unit").equals(a.step().unit())) {
                    report.mismatch(String.format(Locale.ROOT, "deadline.steps[%s].unit: expected %s, actual %s", id,
                            w.get("unit"), a.step().unit()));
                }
                if (w.get("role") != null && !w.get("role").equals(a.step().role())) {
                    report.mismatch(String.format(Locale.ROOT, "deadline.steps[%s].role: expected %s, actual %s", id,
                            w.get("role"), a.step().role()));
                }
                if (w.get("due") != null && !OffsetDateTime.parse(w.get("due").toString()).toInstant()
                        .equals(a.due().toInstant())) {
                    report.mismatch(String.format(Locale.ROOT, "deadline.steps[%s].due: expected %s, actual %s", id,
                            w.get("due"), a.due().toOffsetDateTime()));
                }
                if (w.get("workingDays") instanceof Number n && (a.step().budget().unit() != DeadlineUnit.WORKING_DAYS
                        || a.step().budget().amount() != n.longValue())) {
                    report.mismatch("deadline.steps[" + id + "].workingDays", String.valueOf(n.longValue()),
                            a.step().budget().labelVi(), String.valueOf(n.longValue()), a.step().budget().labelEn());
                }
                if (w.get("counted") instanceof Boolean c && c != a.step().counted()) {
                    report.mismatch(String.format(Locale.ROOT, "deadline.steps[%s].counted: expected %s, actual %s", id,
                            c, a.step().counted()));
                }
            }
        }

        /**
         * DEADLINE_FAILED for a dossier whose as-of date no base limit covers: before the first (or the next)
         * value's {@code validFrom}, or after the last value's {@code validTo}.
         */
        private static void notInForce(DecisionContext ctx, Procedure p) {
            LocalDate asOf = ctx.asOf();
            LocalDate next = null;
            LocalDate ended = null;
            if (p.deadlines() != null) {
                for (io.github.motcua.law.Parameter.Dated<Procedure.BaseDeadline> v : p.deadlines().values()) {
                    if (v.from().isAfter(asOf)) {
                        next = v.from();
                        break;
                    }
                    ended = v.to();
                }
            } else {
                next = p.deadline().validFrom();
            }
            if (next == null && ended != null) {
                ctx.fail(Decision.Cause.Code.DEADLINE_FAILED,
                        Msg.vi("CAUSE_DEADLINE_ENDED", "validTo", ended.toString(), "asOf", asOf.toString()),
                        Msg.en("CAUSE_DEADLINE_ENDED", "validTo", ended.toString(), "asOf", asOf.toString()));
                return;
            }
            String from = String.valueOf(next);
            ctx.fail(Decision.Cause.Code.DEADLINE_FAILED,
                    Msg.vi("CAUSE_DEADLINE_NOT_IN_FORCE", "validFrom", from, "asOf", asOf.toString()),
                    Msg.en("CAUSE_DEADLINE_NOT_IN_FORCE", "validFrom", from, "asOf", asOf.toString()));
        }

        /** The excluded periods' names (decision content, in Vietnamese), read from the bundle once. */
        private static final String SUPPLEMENT = Msg.vi("text.excluded.SUPPLEMENT");
        private static final String FINANCIAL_OBLIGATION = Msg.vi("text.excluded.FINANCIAL_OBLIGATION");
        private static final String POSTING = Msg.vi("text.excluded.POSTING");
        private static final String SUPPLEMENT_EN = Msg.en("text.excluded.SUPPLEMENT");
        private static final String FINANCIAL_OBLIGATION_EN = Msg.en("text.excluded.FINANCIAL_OBLIGATION");
        private static final String POSTING_EN = Msg.en("text.excluded.POSTING");

        /**
         * The kind in the bundle's words, then the reason the dossier gave (one text, in whatever language its
         * sender wrote it: it is the same in both).
         */
        private static String excludedReason(Dossier.ExcludedPeriod e, boolean en) {
            String kind = switch (e.kind()) {
                case "SUPPLEMENT" -> en ? SUPPLEMENT_EN : SUPPLEMENT;
                case "FINANCIAL_OBLIGATION" -> en ? FINANCIAL_OBLIGATION_EN : FINANCIAL_OBLIGATION;
                case "POSTING" -> en ? POSTING_EN : POSTING;
                default -> en ? Msg.en("text.excluded.other", "kind", String.valueOf(e.kind()))
                        : Msg.vi("text.excluded.other", "kind", String.valueOf(e.kind()));
            };
            return e.reason() == null || e.reason().isBlank() ? kind : kind + ": " + e.reason();
        }

        /**
         * The pack's {@code EXCLUDED-<KIND>} basis if it declares one, else the dated parameter
         * {@code deadline.excludedPeriodBasis} in force (the one-stop decree by default, unverified).
         */
        private static LegalBasis excludedBasis(DecisionContext ctx, String kind) {
            LegalBasis b = ctx.bases().get("EXCLUDED-" + kind);
            return b != null ? b : ctx.parameter(DefaultParameters.EXCLUDED_PERIOD_BASIS, LegalBasis.class).value();
        }

        @Override
        public boolean claims(String path) {
            return path.startsWith("calendar/");
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            ProblemSink<PackProblem> problems = ProblemCap.sink();
            Result r = load(files, context, problems);
            return new Result(r.value(), problems.list(), r.warnings());
        }

        /**
         * Its problems bounded as they are made ({@link WithProblemSink}; issue 15 session 23): a calendar/ folder of
         * many files that are not YAML makes one {@code UNKNOWN_FILE} each, so at most {@link ProblemCap#MAX} are kept.
         */
        @Override
        public Result load(Map<String, byte[]> files, Context context, ProblemSink<PackProblem> problems) {
            long before = ProblemSink.found(problems);
            try {
                DeadlineSettings settings = DeadlineSettings.defaults();
                Map<String, Boolean> switches = Map.of();
                byte[] packYaml = context.files().get("pack.yaml");
                if (packYaml != null) {
                    CalendarFile f = new CalendarFile("pack.yaml", packYaml);
                    settings = Calendars.readSettings(f);
                    switches = Calendars.readSwitches(f);
                }
                List<CalendarFile> calendarFiles = new ArrayList<>();
                for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                    if (e.getKey().endsWith(".yaml") || e.getKey().endsWith(".yml")) {
                        calendarFiles.add(new CalendarFile(e.getKey(), e.getValue()));
                    } else {
                        problems.add(Msg.problem(e.getKey(), 0, 0, "UNKNOWN_FILE", "load.calendar.notYaml"));
                    }
                }
                WorkingCalendar calendar = Calendars.load(calendarFiles, switches, context.bases(), settings.officeHours());
                return new Result(ProblemSink.found(problems) == before ? DeadlineEngine.of(calendar, settings) : null, List.of());
            } catch (CalendarFileException e) {
                io.github.motcua.kernel.Problem p = e.toProblem();
                if (p.code().equals(io.github.motcua.kernel.ProblemCode.NOT_UTF8)) {
                    // the kernel's problem as every pack file gets it; pack.yaml's the engine reports itself
                    if (!"pack.yaml".equals(e.file())) {
                        problems.add(PackProblem.of(p));
                    }
                    return new Result(null, List.of());
                }
                // what failed (CALENDAR_UNREADABLE, _MALFORMED, _OUT_OF_RANGE, _NO_SUCH_LUNAR_DATE, ...): CALENDAR before session 12
                problems.add(new PackProblem(e.file(), e.line(), e.column(), e.reason().name(),
                        Msg.vi("load.calendar.file", "detail", e.problem(java.util.Locale.forLanguageTag("vi"))),
                        Msg.en("load.calendar.file", "detail", e.problem())));
            } catch (CalendarException e) {
                io.github.motcua.kernel.Problem p = e.toProblem();
                // pack.yaml's calendar switches naming a switch no holiday list has; anything else stays CALENDAR
                String code = "UNKNOWN_SWITCH".equals(p.key()) ? "CALENDAR_UNKNOWN_SWITCH" : "CALENDAR";
                problems.add(new PackProblem("pack.yaml", 0, 0, code, Msg.vi("load.calendar.file", "detail", p.messageVi()),
                        Msg.en("load.calendar.file", "detail", p.messageEn())));
            }
            return new Result(null, List.of());
        }
    }

    /** A case's "actual" when the decision has no such part: none, with the outcome and its cause (cases.none). */
    static String noneVi(Decision d) {
        return Msg.vi("cases.none", "eligibility", String.valueOf(d.eligibility()),
                "cause", d.cause() == null ? "" : ": " + d.cause().messageVi());
    }

    /** The same in English. */
    static String noneEn(Decision d) {
        return Msg.en("cases.none", "eligibility", String.valueOf(d.eligibility()),
                "cause", d.cause() == null ? "" : ": " + d.cause().messageEn());
    }

    /** {@code exemptions.yaml} and each {@code procedures/<code>/fees.csv|xlsx}: a {@link PackFees}. */
    static final class FeeSection implements DecisionSection<FeeAssessment>, WithoutPackIdentity, WithLoadForms {
        /** The fewest tables to parse a piece of the load is given ({@link FeeTableSpread}); fewer: on the section's thread. */
        private final int tablesPerPiece;

        FeeSection() {
            this(FeeTableSpread.TABLES_PER_PIECE);
        }

        /** @param tablesPerPiece the fewest tables to parse a piece of the load threads' is given (tests: a few) */
        FeeSection(int tablesPerPiece) {
            if (tablesPerPiece < 1) {
                throw new IllegalArgumentException("tablesPerPiece must be positive: [" + tablesPerPiece + "]");
            }
            this.tablesPerPiece = tablesPerPiece;
        }

        @Override
        public String name() {
            return FEES;
        }

        @Override
        public Decision.Key<FeeAssessment> key() {
            return Decision.Key.FEES;
        }

        @Override
        public Stage stage() {
            return Stage.FEES;
        }

        /** exemptions.yaml, each fee table, and {@code procedures/<code>/fees.drl} (tolerated, never compiled). */
        @Override
        public boolean claims(String path) {
            // the patterns only for a name that could match them: no three matchers for each of a pack's files
            return path.equals("exemptions.yaml") || path.startsWith("procedures/") && (path.endsWith("/fees.csv")
                    || path.endsWith("/fees.xlsx") || path.endsWith("/fees.drl") || path.endsWith("/fee-exemptions.csv")
                    || path.endsWith("/fee-exemptions.xlsx")) && (FEE_FILE.matcher(path).matches() || FEE_DRL.matcher(path).matches()
                    || FEE_EXEMPTIONS_FILE.matcher(path).matches());
        }

        /** ELIGIBLE or NOT_ASSESSED with a fee table only: a refused dossier is not charged. */
        @Override
        public FeeAssessment contribute(DecisionContext ctx) {
            if (!scheduled(ctx.eligibility()) || !(ctx.loaded() instanceof PackFees packFees)) {
                return null;
            }
            FeeTable table = packFees.tables().get(ctx.procedure().code());
            if (table == null) {
                return null;
            }
            FeeAssessment fees;
            try {
                fees = table.assess(feeRequest(ctx));
            } catch (ParameterNotInForceException e) {
                ctx.fail(Decision.Cause.Code.FEES_FAILED, Msg.vi("CAUSE_FEES_FAILED", "detail", e.messageVi()),
                        Msg.en("CAUSE_FEES_FAILED", "detail", e.getMessage()));
                return null;
            } catch (FeeException e) {
                // the fee module's problem in each language (its bundle)
                ctx.fail(Decision.Cause.Code.FEES_FAILED, Msg.vi("CAUSE_FEES_FAILED", "detail", e.toProblem().messageVi()),
                        Msg.en("CAUSE_FEES_FAILED", "detail", e.toProblem().messageEn()));
                return null;
            } catch (IllegalArgumentException e) {
                // unexpected: its English text only in the English message
                ctx.fail(Decision.Cause.Code.FEES_FAILED, Msg.vi("CAUSE_FEES_FAILED", "detail", Msg.detailVi(e)),
                        Msg.en("CAUSE_FEES_FAILED", "detail", Msg.detailEn(e)));
                return null;
            }
            for (FeeLine l : fees.lines()) {
                ctx.trace(new Decision.TraceStep(l.item(), table.source(), l.source() == null ? 0 : l.source().line(), l.basis(),
                        Decision.TraceStep.Kind.FEE));
                for (FeeAdjustment a : l.adjustments()) {
                    ctx.trace(new Decision.TraceStep(l.item() + ": " + a.reasonVi(), table.source(), a.source().line(),
                            a.basis(), Decision.TraceStep.Kind.FEE_ADJUSTMENT));
                }
            }
            return fees;
        }

        @Override
        public Object toJson(FeeAssessment part) {
            return DecisionSections.fees(part);
        }

        @Override
        public void text(FeeAssessment part, Locale locale, StringBuilder out) {
            if (vi(locale)) {
                DecisionSections.textVi(part, out);
            } else {
                DecisionSections.textEn(part, out);
            }
        }

        /** {@code fees: {total: đồng, lines: {item: đồng}}}: exact, lines summed per item. */
        @Override
        public void check(Object expected, Decision d, CaseReport report) {
            Map<String, Object> x = map(expected);
            Object total = x.get("total");
            Object lines = x.get("lines");
            if (total == null && lines == null) {
                return;
            }
            if (d.fees() == null) {
                String t = total == null ? null : String.valueOf(total);
                String l = lines == null ? null : new TreeMap<>(map(lines)).toString();
                report.mismatch("fees", feesExpected(Msg::vi, t, l), noneVi(d), feesExpected(Msg::en, t, l), noneEn(d));
                return;
            }
            if (total != null && d.fees().total().dong() != ((Number) total).longValue()) {
                report.mismatch(String.format(Locale.ROOT, "fees.total: expected %d, actual %d", ((Number) total).longValue(),
                        d.fees().total().dong()));
            }
            if (lines != null) {
                Map<String, Long> want = new TreeMap<>();
                map(lines).forEach((k, v) -> want.put(k, ((Number) v).longValue()));
                Map<String, Long> actual = new TreeMap<>();
                for (FeeLine l : d.fees().lines()) {
                    actual.merge(l.item(), l.amount().dong(), Long::sum);
                }
                if (!want.equals(actual)) {
                    report.mismatch(String.format(Locale.ROOT, "fees.lines: expected %s, actual %s", want, actual));
                }
            }
        }

        /** What a case expects of the fees, in one language: its total, its lines, or both (one of them not null). */
        private static String feesExpected(java.util.function.BiFunction<String, String[], String> words, String total,
                String lines) {
            if (lines == null) {
                return words.apply("cases.feesTotal", new String[] {"total", total});
            }
            String l = words.apply("cases.feesLines", new String[] {"lines", lines});
            return total == null ? l : words.apply("cases.feesTotal", new String[] {"total", total}) + ", " + l;
        }

        /**
         * The applicant's categories plus {@code CHILD} (under the age {@code applicant.childUnder} on the
         * as-of date) and {@code ELDERLY} (from the age {@code applicant.elderlyFrom}) from the birth date, the flags of the residence unit, the NFC form data and the
         * rules' fee directives.
         */
        private static FeeRequest feeRequest(DecisionContext ctx) {
            // the applicant's own sets as they are (FeeRequest copies them; a copy of an immutable set is the
            // set itself) unless the birth date adds CHILD or ELDERLY
            Set<String> categories = Set.of();
            Set<String> flags = Set.of();
            LocalDate asOf = ctx.asOf();
            Dossier.Applicant a = ctx.dossier().applicant();
            if (a != null) {
                categories = a.categories();
                if (a.birthDate() != null && !a.birthDate().isAfter(asOf)) {
                    int age = Period.between(a.birthDate(), asOf).getYears();
                    boolean child = age < ctx.parameter(DefaultParameters.CHILD_UNDER, Integer.class).value();
                    boolean elderly = age >= ctx.parameter(DefaultParameters.ELDERLY_FROM, Integer.class).value();
                    if (child || elderly) {
                        categories = new HashSet<>(categories);
                        if (child) {
                            categories.add("CHILD");
                        }
                        if (elderly) {
                            categories.add("ELDERLY");
                        }
                    }
                }
                ReceivingUnit u = a.residenceUnit() == null ? null : ctx.units().get(a.residenceUnit());
                if (u != null) {
                    flags = u.flags();
                }
            }
            return new FeeRequest(ctx.procedure().code(), asOf, ctx.dossier().channel(), categories, flags,
                    FormValues.of(ctx.formData()), ctx.feeDirectives());
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            return load(files, context, null);
        }

        /** @param forms the load's forms ({@link WithLoadForms}), or null: a library of the context's files, on need */
        Result load(Map<String, byte[]> files, Context context, FormFields.Library forms) {
            // bounded as made: millions of broken cells in the fee tables are counted, not kept (ProblemSink)
            ProblemSink<PackProblem> problems = ProblemCap.sink();
            Result r = load(files, context, forms, problems, null);
            return new Result(r.value(), problems.list(), r.warnings());
        }

        /**
         * @param forms    the load's forms ({@link WithLoadForms}), or null: a library of the context's files, on need
         * @param problems where the problems go (the result then has none of its own)
         * @param threads  the load's threads, on which the tables' parse is spread ({@link FeeTableSpread}), or null
         */
        @Override
        public Result load(Map<String, byte[]> files, Context context, FormFields.Library forms, ProblemSink<PackProblem> problems,
                java.util.concurrent.Executor threads) {
            Function<String, Optional<LegalBasis>> bases = id -> Optional.ofNullable(context.bases().get(id));
            ExemptionCatalog catalog = ExemptionCatalog.of(List.of());
            byte[] ex = files.get("exemptions.yaml");
            if (ex != null) {
                // the published schema first: an analyst's typo gets the file's own line and column
                String exText = PackFiles.text("exemptions.yaml", ex, problems);
                YamlDoc doc = exText == null ? null : YamlDoc.parse("exemptions.yaml", exText, problems);
                if (doc == null) {
                    return new Result(null, List.of());
                }
                List<PackProblem> schemaProblems = Schemas.validate("exemptions", doc, "", doc.root());
                if (!schemaProblems.isEmpty()) {
                    problems.addAll(schemaProblems);
                    return new Result(null, List.of());
                }
                ExemptionCatalog.Result r = ExemptionCatalog.parse("exemptions.yaml", new ByteArrayInputStream(ex), bases);
                r.problems().forEach(p -> add(p, problems));
                if (r.catalog() == null) {
                    return new Result(null, List.of());
                }
                catalog = r.catalog();
            }
            return tables(files, context.files(), forms, bases, catalog, problems, null, java.util.Set.of(), threads);
        }

        /**
         * A reload whose pack-wide files (exemptions.yaml, legal bases) are byte-identical to those
         * {@code previous} was loaded from: reuses its catalogue, and its fee table of every procedure
         * in {@code unchanged} (folders byte-identical); parses the rest.
         */
        @Override
        public Result reload(Map<String, byte[]> files, Context context, Object previousValue, java.util.Set<String> unchanged) {
            return reload(files, context, previousValue, unchanged, null);
        }

        /** @param forms the load's forms ({@link WithLoadForms}), or null: a library of the context's files, on need */
        Result reload(Map<String, byte[]> files, Context context, Object previousValue, java.util.Set<String> unchanged,
                FormFields.Library forms) {
            ProblemSink<PackProblem> problems = ProblemCap.sink();
            Result r = reload(files, context, previousValue, unchanged, forms, problems, null);
            return new Result(r.value(), problems.list(), r.warnings());
        }

        /**
         * @param forms    the load's forms ({@link WithLoadForms}), or null: a library of the context's files, on need
         * @param problems where the problems go (the result then has none of its own)
         * @param threads  the load's threads, on which the tables' parse is spread ({@link FeeTableSpread}), or null
         */
        @Override
        public Result reload(Map<String, byte[]> files, Context context, Object previousValue, java.util.Set<String> unchanged,
                FormFields.Library forms, ProblemSink<PackProblem> problems, java.util.concurrent.Executor threads) {
            if (!(previousValue instanceof PackFees previous)) {
                return load(files, context, forms, problems, threads);
            }
            Function<String, Optional<LegalBasis>> bases = id -> Optional.ofNullable(context.bases().get(id));
            return tables(files, context.files(), forms, bases, previous.catalog(), problems, previous, unchanged, threads);
        }

        /**
         * @param packFiles every file of the pack: each new table's quantity cells are checked against its form
         * @param loadForms the load's forms (each procedure form's fields shared with its folder read), or null: the
         *                  shared forms of {@code packFiles} read here once if a table needs them
         */
        private Result tables(Map<String, byte[]> files, Map<String, byte[]> packFiles, FormFields.Library loadForms,
                Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog, ProblemSink<PackProblem> problems,
                PackFees previous, java.util.Set<String> unchanged, java.util.concurrent.Executor threads) {
            // the shared forms, read once if a table needs them (a caller outside the loader; the pieces may ask at once)
            java.util.function.Supplier<FormFields.Library> forms = loadForms != null ? () -> loadForms
                    : new java.util.function.Supplier<>() {
                        private FormFields.Library library;

                        @Override
                        public synchronized FormFields.Library get() {
                            if (library == null) {
                                library = FormFields.Library.of(packFiles);
                            }
                            return library;
                        }
                    };
            List<FeeTableSpread.Table> found = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Matcher m = FEE_FILE.matcher(e.getKey());
                if (!m.matches()) {
                    continue;
                }
                // interned: the very instance the procedure holds (ProcedureReader), so a decision's look-up of its
                // table matches the key by identity and does not read the code's text again
                String code = m.group(1).intern();
                boolean reused = previous != null && unchanged.contains(code) && previous.tables().containsKey(code);
                found.add(new FeeTableSpread.Table(e.getKey(), code, m.group(2), reused));
            }
            // each table as the one loop over them did, in pieces on the load's threads when there are many, the pieces'
            // tables, warnings and problems taken in file order (FeeTableSpread)
            FeeTableSpread.Part all = FeeTableSpread.run(found, tablesPerPiece, threads, problems,
                    (t, part) -> table(files, packFiles, forms, bases, catalog, previous, t, part));
            Map<String, FeeTable> tables = all.tables();
            Map<String, List<PackProblem>> warnings = all.warnings();
            for (String path : files.keySet()) {
                Matcher x = FEE_EXEMPTIONS_FILE.matcher(path);
                if (x.matches() && !files.containsKey("procedures/" + x.group(1) + "/fees.csv")
                        && !files.containsKey("procedures/" + x.group(1) + "/fees.xlsx")) {
                    FeeTables.exemptionsWithoutFees(path).problems().forEach(p -> add(p, problems));
                }
            }
            return new Result(problems.isEmpty() ? new PackFees(catalog, tables, warnings) : null, List.of(),
                    warnings.values().stream().flatMap(List::stream).toList());
        }

        /**
         * One fee table file, as the section's one loop over them took it: the previous table reused (a reload's unchanged
         * folder), a second table of one procedure refused, or the table parsed and its quantity cells checked against
         * the form; into {@code part} (its tables, warnings and problems).
         */
        private static void table(Map<String, byte[]> files, Map<String, byte[]> packFiles,
                java.util.function.Supplier<FormFields.Library> forms, Function<String, Optional<LegalBasis>> bases,
                ExemptionCatalog catalog, PackFees previous, FeeTableSpread.Table t, FeeTableSpread.Part part) {
            String code = t.code();
            ProblemSink<PackProblem> problems = part.problems();
            if (t.reused()) {
                part.tables().put(code, previous.tables().get(code));
                if (previous.warnings().containsKey(code)) {
                    part.warnings().put(code, previous.warnings().get(code));
                }
                return;
            }
            if (part.tables().containsKey(code)) {
                problems.add(Msg.problem(t.path(), 0, 0, "DUPLICATE_FEES", "load.fees.both", "code", code));
                return;
            }
            FeeTableResult r = table(files, t.path(), t.ext(), code, bases, catalog, problems);
            r.problems().forEach(p -> add(p, problems));
            if (!r.warnings().isEmpty()) {
                part.warnings().put(code, r.warnings().stream().map(w -> problem(w)).toList());
            }
            if (r.table() != null) {
                FeeFormChecks.check(code, r.table(), packFiles, forms, problems);
                part.tables().put(code, r.table());
            }
        }

        /** A procedure's fee table, with its light exemption table when the folder has one. */
        private static FeeTableResult table(Map<String, byte[]> files, String path, String ext, String code,
                Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog, List<PackProblem> problems) {
            String exCsv = "procedures/" + code + "/" + FeeTables.EXEMPTIONS_TABLE + ".csv";
            String exXlsx = "procedures/" + code + "/" + FeeTables.EXEMPTIONS_TABLE + ".xlsx";
            String ex = files.containsKey(exCsv) ? exCsv : files.containsKey(exXlsx) ? exXlsx : null;
            if (ex != null && files.containsKey(exCsv) && files.containsKey(exXlsx)) {
                problems.add(Msg.problem(exXlsx, 0, 0, "DUPLICATE_FEES", "load.fees.bothExemptions", "code", code));
            }
            if (ex != null) {
                return FeeTables.parse(path, new ByteArrayInputStream(files.get(path)), ex,
                        new ByteArrayInputStream(files.get(ex)), bases, catalog);
            }
            return ext.equals("csv")
                    ? FeeTables.parseCsv(path, new ByteArrayInputStream(files.get(path)), bases, catalog)
                    : FeeTables.parseXlsx(path, new ByteArrayInputStream(files.get(path)), bases, catalog);
        }

        /**
         * A fee table problem into {@code problems}; a fee table file's {@code FEES_MORE_PROBLEMS} is folded as the count
         * of the problems it did not keep (its value, in digits), which the load's one last problem counts.
         */
        private static void add(FeeTableProblem p, ProblemSink<PackProblem> problems) {
            if (p.code().equals(FeeTables.MORE_PROBLEMS)) {
                problems.fold(Long.parseLong(p.value()), p.file(), p.row(), p.columnNumber());
            } else {
                problems.add(problem(p));
            }
        }

        private static PackProblem problem(FeeTableProblem p) {
            // the fee table's own stable code (e.g. FEES_ROW_CELLS; the kernel's CSV codes for CSV syntax), and the
            // column and value at fault in each language
            String whereVi = p.column().isEmpty() ? "" : Msg.vi("load.fees.where", "column", p.column(), "value", p.value());
            String whereEn = p.column().isEmpty() ? "" : Msg.en("load.fees.where", "column", p.column(), "value", p.value());
            return new PackProblem(p.file(), p.row(), p.columnNumber(), p.code(), p.messageVi() + whereVi, p.messageEn() + whereEn);
        }
    }

    /** {@code forms/**}, {@code templates/**} and each procedure's {@code form.schema.json} and templates: a {@link FormRegistry}. */
    static final class FormSection implements DecisionSection<Decision.FormCheck>, WithoutPackIdentity, WithProblemSink {
        private static final java.util.regex.Pattern FORM_FILE =
                java.util.regex.Pattern.compile("procedures/[^/]+/(form\\.schema\\.json|templates/.+)");
        private final boolean lazy;

        FormSection(boolean lazy) {
            this.lazy = lazy;
        }

        @Override
        public String name() {
            return FORMS;
        }

        @Override
        public Decision.Key<Decision.FormCheck> key() {
            return Decision.Key.FORM;
        }

        @Override
        public Stage stage() {
            return Stage.FORM;
        }

        @Override
        public boolean reusable() {
            return true; // its files plus the unit codes
        }

        /**
         * Validates the dossier's form when the procedure has one; the rules then see the
         * NFC-normalised data. A form with violations fails the decision (FORM_INVALID): nothing is
         * decided on bad data.
         */
        @Override
        public Decision.FormCheck contribute(DecisionContext ctx) {
            String code = ctx.procedure().code();
            if (!(ctx.loaded() instanceof FormRegistry forms) || !forms.hasForm(code)) {
                return Decision.FormCheck.notChecked();
            }
            List<Decision.FormViolation> violations = new ArrayList<>();
            List<io.github.motcua.forms.NormalisedValue> normalised = List.of();
            try {
                FormReport r = forms.validate(code, ctx.dossier().form(), VI);
                normalised = r.normalised();
                for (Violation v : r.violations()) {
                    violations.add(new Decision.FormViolation(v.pointer(), v.labelVi(), v.messageVi(), v.messageEn(),
                            v.labelEn(), v.keyword()));
                }
                ctx.useFormData(r.data());
            } catch (IllegalArgumentException e) {
                // unexpected: its English text only in the English message
                violations.add(new Decision.FormViolation("", null, Msg.vi("FORM_UNREADABLE", "detail", Msg.detailVi(e)),
                        Msg.en("FORM_UNREADABLE", "detail", Msg.detailEn(e)), null, "json"));
            }
            if (!violations.isEmpty()) {
                int n = violations.size();
                // name every field and what is wrong with it: "4 errors" alone sends the officer hunting
                StringBuilder vi = new StringBuilder();
                StringBuilder en = new StringBuilder();
                for (Decision.FormViolation v : violations) {
                    String field = v.path() == null || v.path().isEmpty() ? "" : v.path().substring(1).replace('/', '.');
                    vi.append(vi.length() == 0 ? ": " : "; ").append(field.isEmpty() ? "" : "[" + field + "] ")
                            .append(v.label() == null || v.label().isEmpty() ? "" : v.label() + " — ").append(v.messageVi());
                    String labelEn = v.labelEn() != null ? v.labelEn() : v.label();
                    en.append(en.length() == 0 ? ": " : "; ").append(field.isEmpty() ? "" : "[" + field + "] ")
                            .append(labelEn == null || labelEn.isEmpty() ? "" : labelEn + " — ")
                            .append(v.messageEn() != null ? v.messageEn() : v.messageVi());
                }
                String key = n == 1 ? "CAUSE_FORM_INVALID_ONE" : "CAUSE_FORM_INVALID";
                ctx.fail(Decision.Cause.Code.FORM_INVALID, Msg.vi(key, "count", String.valueOf(n), "fields", vi.toString()),
                        Msg.en(key, "count", String.valueOf(n), "fields", en.toString()));
            }
            return new Decision.FormCheck(true, violations, normalised);
        }

        @Override
        public Object toJson(Decision.FormCheck form) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("checked", form.checked());
            o.put("valid", form.checked() ? form.valid() : null); // not validated is not the same as invalid
            List<Object> fv = new ArrayList<>();
            for (Decision.FormViolation v : form.violations()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("path", v.path());
                x.put("label", v.label());
                x.put("labelEn", v.labelEn());
                x.put("keyword", v.keyword());
                x.put("messageVi", v.messageVi());
                x.put("messageEn", v.messageEn());
                fv.add(x);
            }
            o.put("violations", fv);
            // what the citizen typed and the canonical value decided on, so nothing is changed silently
            List<Object> nv = new ArrayList<>();
            for (io.github.motcua.forms.NormalisedValue n : form.normalised()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("path", n.pointer());
                x.put("typed", n.typed());
                x.put("canonical", n.canonical());
                x.put("format", n.format());
                nv.add(x);
            }
            o.put("normalised", nv);
            return o;
        }

        @Override
        public void text(Decision.FormCheck form, Locale locale, StringBuilder out) {
            if (!form.normalised().isEmpty()) {
                boolean vi = vi(locale);
                out.append(vi ? Msg.vi("TEXT_FORM_NORMALISED") : Msg.en("TEXT_FORM_NORMALISED")).append('\n');
                for (io.github.motcua.forms.NormalisedValue n : form.normalised()) {
                    out.append("  - ").append(n.pointer()).append(": \"").append(n.typed()).append("\" → \"")
                            .append(n.canonical()).append("\"\n");
                }
            }
            if (form.checked() && !form.valid()) {
                boolean vi = vi(locale);
                out.append(vi ? Msg.vi("TEXT_FORM_TO_FIX") : Msg.en("TEXT_FORM_TO_FIX")).append('\n');
                for (Decision.FormViolation v : form.violations()) {
                    String label = vi ? v.label() : (v.labelEn() != null ? v.labelEn() : v.label());
                    out.append("  - ").append(label == null ? v.path() : label).append(": ")
                            .append(vi ? v.messageVi() : v.messageEn()).append('\n');
                }
            }
        }

        /** {@code formValid: true|false}; reported as not checked when the procedure has no form. */
        @Override
        public String expectKey() {
            return "formValid";
        }

        @Override
        public void check(Object expected, Decision d, CaseReport report) {
            if (!(expected instanceof Boolean want)) {
                return;
            }
            if (!d.form().checked()) {
                report.skipped("formValid (" + Msg.vi("cases.noForm") + " / " + Msg.en("cases.noForm") + ")");
            } else if (want != d.form().valid()) {
                StringBuilder vi = new StringBuilder();
                StringBuilder en = new StringBuilder();
                for (Decision.FormViolation v : d.form().violations()) {
                    vi.append(vi.isEmpty() ? "" : "; ").append(v.path()).append(": ").append(v.messageVi());
                    en.append(en.isEmpty() ? "" : "; ").append(v.path()).append(": ")
                            .append(v.messageEn() == null ? v.messageVi() : v.messageEn());
                }
                String got = String.valueOf(d.form().valid());
                report.mismatch("formValid", want.toString(), vi.isEmpty() ? got : got + " [" + vi + "]", want.toString(),
                        en.isEmpty() ? got : got + " [" + en + "]");
            }
        }

        @Override
        public boolean claims(String path) {
            return path.startsWith("forms/") || path.startsWith("templates/") || path.startsWith("procedures/")
                    && (path.endsWith("/form.schema.json") || path.contains("/templates/")) && FORM_FILE.matcher(path).matches();
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            ProblemSink<PackProblem> problems = ProblemCap.sink();
            Result r = load(files, context, problems);
            return new Result(r.value(), problems.list(), r.warnings());
        }

        /**
         * Its files that are not text bounded as they are made ({@link WithProblemSink}; issue 15 session 23): a pack of
         * many form or template files that are not UTF-8 makes one problem each, so at most {@link ProblemCap#MAX} are
         * kept. forms-core refuses a registry with one exception: its one problem goes into the same sink.
         */
        @Override
        public Result load(Map<String, byte[]> files, Context context, ProblemSink<PackProblem> problems) {
            if (files.isEmpty()) {
                return new Result(null, List.of());
            }
            long before = ProblemSink.found(problems);
            Map<String, String> text = new TreeMap<>();
            files.forEach((p, b) -> {
                if (p.endsWith(".json") || p.endsWith(".ftlh")) { // what forms-core reads; it ignores the rest (a logo)
                    text.put(p, PackFiles.text(p, b, problems));
                }
            });
            if (ProblemSink.found(problems) != before) {
                return new Result(null, List.of());
            }
            try {
                FormRegistry registry = Forms.builder().packFiles(text).unitCodes(context.units().keySet()).lazyCompile(lazy).build();
                return new Result(registry, List.of());
            } catch (io.github.motcua.forms.TemplateRefusedException e) {
                // a template outside the sandbox's allowlist, at its line (see docs/forms.md "Templates and the sandbox")
                String file = e.file() != null ? e.file() : files.keySet().iterator().next();
                String where = file + ":" + e.line() + ":" + e.column() + ": ";
                // the detail without forms-core's "cannot load the e-forms": this message words that itself
                io.github.motcua.kernel.Problem d = e.detail();
                String en = d != null ? d.messageEn() : e.getMessage();
                String vi = d != null ? d.messageVi() : e.getMessage();
                en = en.startsWith(where) ? en.substring(where.length()) : en;
                vi = vi.startsWith(where) ? vi.substring(where.length()) : vi;
                problems.add(new PackProblem(file, e.line(), e.column(), "TEMPLATE_REFUSED",
                        Msg.vi("load.forms.templateRefused", "detail", vi), Msg.en("load.forms.templateRefused", "detail", en)));
                return new Result(null, List.of());
            } catch (UnableToLoadFormsException e) {
                String file = e.file() != null ? e.file() : files.keySet().iterator().next();
                // forms-core's problem: "cannot load the e-forms" and the detail, in each language
                io.github.motcua.kernel.Problem p = e.toProblem();
                problems.add(new PackProblem(file, p.line(), p.column(), "FORMS", p.messageVi(), p.messageEn()));
                return new Result(null, List.of());
            } catch (FormsException e) {
                problems.add(new PackProblem(files.keySet().iterator().next(), 0, 0, "FORMS",
                        Msg.vi("load.forms.failed", "detail", e.toProblem().messageVi()), Msg.en("load.forms.failed", "detail", e.getMessage())));
                return new Result(null, List.of());
            }
        }
    }
}
