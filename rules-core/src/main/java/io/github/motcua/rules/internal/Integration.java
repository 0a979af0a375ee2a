package io.github.motcua.rules.internal;

import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.StepBudgetException;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeException;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FormValues;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Violation;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.vocabulary.Unit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes a decision whole: validates the form first (forms-core), runs the rules on the NFC-normalised
 * data, then for an ELIGIBLE outcome computes the deadline (calendar) and the fees (fee-rules), and
 * adds every adjustment, fee line and exemption to the trace with its legal basis. Stateless, so
 * thread-safe.
 */
final class Integration {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    /** Age under which the applicant is a child (trẻ em), Luật Trẻ em 2016 Art. 1. */
    static final int CHILD_UNDER = 16;
    /** Age from which the applicant is elderly (người cao tuổi), Luật Người cao tuổi 2009 Art. 2. */
    static final int ELDERLY_FROM = 60;
    /**
     * The basis of an excluded period given with the dossier when the pack declares no
     * {@code EXCLUDED-<KIND>} basis: the one-stop decree, unverified (the article was not checked).
     */
    static final LegalBasis EXCLUDED_DEFAULT = new LegalBasis("ND118-2025-THOI-GIAN-KHONG-TINH",
            "Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
            null, null, null, null, LocalDate.of(2025, 7, 1), null, false,
            "[MEMORY] time to supplement the dossier, fulfil financial obligations or post publicly is not counted in the time limit; article not verified");

    private Integration() {
    }

    static DeadlineEngine deadlines(LoadedPack pack) {
        return pack.sections().get(BuiltInSections.CALENDAR) instanceof DeadlineEngine d ? d : null;
    }

    static BuiltInSections.PackFees fees(LoadedPack pack) {
        return pack.sections().get(BuiltInSections.FEES) instanceof BuiltInSections.PackFees f ? f : null;
    }

    static FormRegistry forms(LoadedPack pack) {
        return pack.sections().get(BuiltInSections.FORMS) instanceof FormRegistry f ? f : null;
    }

    static Decision decide(LoadedPack pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier d, Clock clock,
            int firingLimit) {
        Procedure p = cp.procedure();
        if (d.unit() != null && !unitFacts.containsKey(d.unit())) {
            // an unknown receiving unit is a bad dossier, whatever its form: the evaluator throws for it
            return Evaluator.decide(pack.info(), unitFacts, cp, d, clock, firingLimit);
        }
        Decision.Routing routing = Routing.route(pack, p, d, d.form());
        if (!routing.accepted()) {
            return wrongUnit(pack, cp, d, routing, clock);
        }
        Decision.Commitment[] commitment = new Decision.Commitment[1];
        Decision out = decideAccepted(pack, unitFacts, cp, d, clock, firingLimit, routing, commitment);
        // a rule that replaced the base limit (another variant of the procedure) leaves the commitment behind
        boolean replaced = out.deadline() != null && out.deadline().applied().stream()
                .anyMatch(a -> a.kind() == DeadlineAdjustment.Kind.REPLACE);
        if (routing.transfer() != null || routing.receivingUnit() != null && routing.competentUnit() != null
                && !routing.receivingUnit().code().equals(routing.competentUnit().code())) {
            List<Decision.TraceStep> trace = new ArrayList<>(out.trace());
            trace.add(new Decision.TraceStep(routing.messageVi(), routing.provinceBoundaryFree() != null ? "pack.yaml"
                    : "procedures/" + p.code() + "/procedure.yaml", 0, routing.basis(), Decision.TraceStep.ROUTING));
            out = new Decision(out.procedure(), out.eligibility(), out.reasons(), out.components(), out.form(), out.deadline(),
                    out.fees(), out.deadlineAdjustments(), out.feeDirectives(), out.notes(), trace, out.cause(), out.provenance());
        }
        return out.with(out.deadline() == null || replaced ? null : commitment[0], routing);
    }

    /** Not received here: neither scheduled nor charged; the routing says where to file. */
    private static Decision wrongUnit(LoadedPack pack, CompiledProcedure cp, Dossier d, Decision.Routing routing,
            Clock clock) {
        LocalDate asOf = d.asOf() != null ? d.asOf()
                : d.receivedAt().atZoneSameInstant(pack.info().zone()).toLocalDate();
        Decision.Provenance prov = new Decision.Provenance(pack.info().id(), pack.info().version(), pack.info().sha256(),
                asOf, clock.instant());
        List<Decision.TraceStep> trace = List.of(new Decision.TraceStep(routing.messageVi(),
                "procedures/" + cp.procedure().code() + "/procedure.yaml", 0, routing.basis(), Decision.TraceStep.ROUTING));
        List<Decision.Note> notes = List.of(new Decision.Note(routing.messageVi(), routing.messageEn(), routing.basis(),
                "procedure.yaml: competence"));
        return new Decision(cp.procedure().code(), Eligibility.WRONG_UNIT, List.of(),
                Evaluator.catalogueRequired(cp.procedure()), Decision.FormReport.notChecked(), null, null, List.of(),
                List.of(), notes, trace, null, prov, null, routing);
    }

    /**
     * The internal steps with their budgets rescaled to the time the dossier really has: when every
     * budget and the limit are in working days and extensions in working days apply (e.g. +10 for a
     * disadvantaged commune), each budget grows in proportion so they add up to limit + extensions
     * (largest remainders first, ties to the earlier step). A rule that replaces the limit rescales to
     * the replacement. Otherwise the steps are returned unchanged.
     */
    static List<io.github.motcua.calendar.InternalStep> rescaled(List<io.github.motcua.calendar.InternalStep> steps,
            io.github.motcua.calendar.TimeLimit base, List<DeadlineAdjustment> adjustments) {
        if (steps.isEmpty()) {
            return steps;
        }
        io.github.motcua.calendar.TimeLimit limit = base;
        long extra = 0;
        for (DeadlineAdjustment a : adjustments) {
            if (a.kind() == DeadlineAdjustment.Kind.REPLACE && a.limit() != null) {
                limit = a.limit();
                extra = 0;
            } else if (a.kind() == DeadlineAdjustment.Kind.EXTEND && a.limit() != null) {
                if (a.limit().unit() != io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS) {
                    return steps;
                }
                extra += a.limit().amount();
            }
        }
        if (limit.unit() != io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS) {
            return steps;
        }
        long sum = 0;
        for (io.github.motcua.calendar.InternalStep st : steps) {
            if (st.budget().unit() != io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS) {
                return steps;
            }
            sum += st.budget().amount();
        }
        long total = limit.amount() + extra;
        if (sum == total || sum == 0) {
            return steps;
        }
        long[] parts = new long[steps.size()];
        long[] rem = new long[steps.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            long b = steps.get(i).budget().amount();
            parts[i] = Math.max(1, b * total / sum);
            rem[i] = b * total % sum;
            given += parts[i];
        }
        while (given < total) { // hand out the rest by largest remainder
            int best = 0;
            for (int i = 1; i < parts.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            parts[best]++;
            rem[best] = -1;
            given++;
        }
        while (given > total) { // a shortened limit: take from the largest budget, keeping at least 1
            int best = 0;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i] > parts[best]) {
                    best = i;
                }
            }
            if (parts[best] <= 1) {
                return steps; // cannot fit: the deadline engine reports it
            }
            parts[best]--;
            given--;
        }
        List<io.github.motcua.calendar.InternalStep> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            io.github.motcua.calendar.InternalStep st = steps.get(i);
            out.add(new io.github.motcua.calendar.InternalStep(st.id(), st.role(), st.nameVi(),
                    io.github.motcua.calendar.TimeLimit.workingDays(parts[i])));
        }
        return out;
    }

    /** The time limit the appointment counts: the province's commitment when set, else the law's maximum. */
    static io.github.motcua.calendar.TimeLimit baseLimit(Procedure p, DeadlineEngine engine, Decision.Commitment[] out) {
        Procedure.Commitment c = p.commitment();
        if (c == null) {
            return p.deadline().limit();
        }
        io.github.motcua.calendar.TimeLimit counted = c.limit(engine.settings().officeHours().minutesPerDay());
        out[0] = new Decision.Commitment(p.deadline().limit(), p.deadline().basis(), c.amount(), c.unit(), c.labelVi(),
                counted, c.cutPercent(p.deadline().limit()), c.basis(), c.note());
        return counted;
    }

    private static Decision decideAccepted(LoadedPack pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier d,
            Clock clock, int firingLimit, Decision.Routing routing, Decision.Commitment[] commitment) {
        Procedure p = cp.procedure();
        FormRegistry forms = forms(pack);
        Decision.FormReport formReport = Decision.FormReport.notChecked();
        Map<String, Object> formData = d.form();
        if (forms != null && forms.hasForm(p.code())) {
            List<Decision.FormViolation> violations = new ArrayList<>();
            try {
                FormReport r = forms.validate(p.code(), d.form(), VI);
                for (Violation v : r.violations()) {
                    violations.add(new Decision.FormViolation(v.pointer(), v.labelVi(), v.messageVi(), v.messageEn(),
                            v.labelEn(), v.keyword()));
                }
                formData = r.data();
            } catch (IllegalArgumentException e) {
                violations.add(new Decision.FormViolation("", null, "Dữ liệu tờ khai không đọc được: " + e.getMessage(),
                        "the form data cannot be read: " + e.getMessage(), null, "json"));
            }
            formReport = new Decision.FormReport(true, violations);
            if (!violations.isEmpty()) {
                return formInvalid(pack, cp, d, formReport, clock);
            }
        }
        Decision ruled = Evaluator.decide(pack.info(), unitFacts, cp, d, formData, clock, firingLimit, pack.decisionBudget());
        // No rule at all: nobody assessed the conditions. The catalogue part (components, deadline, fees) still
        // holds, but the outcome must not read as ELIGIBLE (an unreviewed import, docs/import.md).
        Eligibility outcome = ruled.eligibility() == Eligibility.ELIGIBLE && cp.rules().isEmpty()
                ? Eligibility.NOT_ASSESSED : ruled.eligibility();
        if (ruled.eligibility() != Eligibility.ELIGIBLE) {
            // INELIGIBLE: a refused dossier is neither scheduled nor charged; INDETERMINATE: unknown.
            return with(ruled, formReport, null, null, ruled.trace(), ruled.eligibility(), ruled.cause());
        }
        List<Decision.TraceStep> trace = new ArrayList<>(ruled.trace());
        List<Decision.Note> notes = new ArrayList<>(ruled.notes());
        if (outcome == Eligibility.NOT_ASSESSED) {
            notes.add(new Decision.Note("Chưa đánh giá điều kiện thực hiện: thủ tục chưa có quy tắc kiểm tra điều kiện",
                    "conditions not assessed: the procedure has no eligibility rules", null, "procedure.yaml"));
        }
        if (p.importedUnreviewed()) {
            Procedure.Source s = p.source();
            notes.add(new Decision.Note(String.format(Locale.ROOT,
                    "Thông tin thủ tục được nhập từ Cơ sở dữ liệu quốc gia về thủ tục hành chính (mã %s, cập nhật %s%s) và chưa được rà soát; đối chiếu văn bản chính thức",
                    s.code(), s.updatedAt(), s.decision() == null ? "" : ", công bố tại " + s.decision()),
                    String.format(Locale.ROOT,
                    "imported from the national database of administrative procedures (code %s, updated %s%s), not reviewed yet: check the official text",
                    s.code(), s.updatedAt(), s.decision() == null ? "" : ", published by " + s.decision()),
                    null, "national.yaml"));
        }
        DeadlineResult deadline = null;
        DeadlineEngine engine = deadlines(pack);
        if (engine != null && p.deadline() != null) {
            try {
                List<DeadlineAdjustment> adjustments = new ArrayList<>(ruled.deadlineAdjustments());
                for (Dossier.ExcludedPeriod e : d.excludedPeriods()) {
                    if (e.to().isAfter(e.from())) {
                        adjustments.add(DeadlineAdjustment.excluded(e.from(), e.to(), excludedReason(e),
                                excludedBasis(pack, e.kind())));
                    }
                }
                if (routing.transfer() != null && !routing.transfer().counted()) {
                    adjustments.add(DeadlineAdjustment.extend(routing.transfer().limit(),
                            "Thời gian luân chuyển hồ sơ từ " + routing.receivingUnit().nameVi() + " đến "
                                    + routing.competentUnit().nameVi() + " (không tính trong thời hạn giải quyết)",
                            routing.transfer().basis(), null));
                }
                DeadlineRequest req = DeadlineRequest.of(d.receivedAt().toInstant(), d.channel(), baseLimit(p, engine, commitment))
                        .withCutOff(p.deadline().cutOff()).withAdjustments(adjustments);
                try {
                    deadline = engine.compute(req.withSteps(rescaled(p.steps(), req.base(), adjustments)));
                } catch (StepBudgetException e) {
                    // The internal plan (quy trình nội bộ) is the office's, the due instant is the law's: a
                    // dossier received late in the day, or a rule that shortened the limit, leaves the
                    // plan without room. The appointment stands; officers are told the plan does not fit.
                    deadline = engine.compute(req);
                    notes.add(new Decision.Note(String.format(Locale.ROOT,
                            "Các bước xử lý nội bộ không đủ thời gian trong thời hạn (bước [%s]); cần điều chỉnh phân công để trả đúng hẹn",
                            e.stepId()), String.format(Locale.ROOT,
                            "the internal steps do not fit in the time limit (step [%s]); reassign work to return on time",
                            e.stepId()), p.deadline().basis(), "procedure.yaml: steps"));
                }
                trace.add(new Decision.TraceStep("thời hạn " + (commitment[0] == null ? deadline.limit().labelVi()
                        : p.deadline().limit().labelVi() + " (tối đa theo quy định)"), p.deadline() == null ? null
                        : "procedures/" + p.code() + "/procedure.yaml", 0, p.deadline().basis(), Decision.TraceStep.DEADLINE));
                if (commitment[0] != null) {
                    trace.add(new Decision.TraceStep("thời gian cam kết của tỉnh " + commitment[0].labelVi(),
                            "procedures/" + p.code() + "/procedure.yaml", 0, commitment[0].basis(), Decision.TraceStep.DEADLINE));
                }
                for (DeadlineAdjustment a : deadline.applied()) {
                    trace.add(new Decision.TraceStep(a.rule() != null ? a.rule() : a.kind() + ": " + a.reasonVi(),
                            a.rule() != null ? ruleFile(cp, a.rule()) : null, a.rule() != null ? ruleLine(cp, a.rule()) : 0,
                            a.basis(), Decision.TraceStep.DEADLINE));
                }
            } catch (CalendarException e) {
                return failed(ruled, formReport, trace, "DEADLINE_FAILED",
                        "Không tính được ngày hẹn trả kết quả: " + e.getMessage(),
                        "the deadline cannot be computed: " + e.getMessage());
            }
        }
        FeeAssessment fees = null;
        BuiltInSections.PackFees packFees = fees(pack);
        FeeTable table = packFees == null ? null : packFees.tables().get(p.code());
        if (table != null) {
            try {
                fees = table.assess(feeRequest(pack, d, ruled.provenance().asOf(), formData, ruled));
                for (FeeLine l : fees.lines()) {
                    trace.add(new Decision.TraceStep(l.item(), table.source(), row(l.source()), l.basis(),
                            Decision.TraceStep.FEE));
                    for (FeeAdjustment a : l.adjustments()) {
                        trace.add(new Decision.TraceStep(l.item() + ": " + a.reasonVi(), table.source(), row(a.source()),
                                a.basis(), Decision.TraceStep.FEE_ADJUSTMENT));
                    }
                }
            } catch (FeeException | IllegalArgumentException e) {
                return failed(ruled, formReport, trace, "FEES_FAILED", "Không tính được phí, lệ phí: " + e.getMessage(),
                        "the fees cannot be computed: " + e.getMessage());
            }
        }
        Decision whole = with(ruled, formReport, deadline, fees, trace, outcome, null);
        return notes.size() == ruled.notes().size() ? whole : new Decision(whole.procedure(), whole.eligibility(),
                whole.reasons(), whole.components(), whole.form(), whole.deadline(), whole.fees(),
                whole.deadlineAdjustments(), whole.feeDirectives(), notes, whole.trace(), null, whole.provenance());
    }

    /** The decision of a dossier that named the procedure by an alias: a note names both codes. */
    static Decision aliased(Decision d, Procedure.Alias alias) {
        List<Decision.Note> notes = new ArrayList<>(d.notes());
        notes.add(new Decision.Note(String.format(Locale.ROOT,
                "Hồ sơ ghi mã thủ tục cũ [%s]; đã giải quyết theo mã thủ tục [%s]%s", alias.code(), d.procedure(),
                alias.note() == null ? "" : " (" + alias.note() + ")"), String.format(Locale.ROOT,
                "the dossier names the old procedure code [%s]; decided as procedure [%s]", alias.code(), d.procedure()),
                null, "procedure.yaml: aliases"));
        return new Decision(d.procedure(), d.eligibility(), d.reasons(), d.components(), d.form(), d.deadline(), d.fees(),
                d.deadlineAdjustments(), d.feeDirectives(), notes, d.trace(), d.cause(), d.provenance());
    }

    private static Decision formInvalid(LoadedPack pack, CompiledProcedure cp, Dossier d, Decision.FormReport form,
            Clock clock) {
        LocalDate asOf = d.asOf() != null ? d.asOf()
                : d.receivedAt().atZoneSameInstant(pack.info().zone()).toLocalDate();
        int n = form.violations().size();
        // name every field and what is wrong with it: "4 errors" alone sends the officer hunting
        StringBuilder vi = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Decision.FormViolation v : form.violations()) {
            String field = v.path() == null || v.path().isEmpty() ? "" : v.path().substring(1).replace('/', '.');
            vi.append(vi.length() == 0 ? ": " : "; ").append(field.isEmpty() ? "" : "[" + field + "] ")
                    .append(v.label() == null || v.label().isEmpty() ? "" : v.label() + " — ").append(v.messageVi());
            String labelEn = v.labelEn() != null ? v.labelEn() : v.label();
            en.append(en.length() == 0 ? ": " : "; ").append(field.isEmpty() ? "" : "[" + field + "] ")
                    .append(labelEn == null || labelEn.isEmpty() ? "" : labelEn + " — ")
                    .append(v.messageEn() != null ? v.messageEn() : v.messageVi());
        }
        Decision.Cause cause = new Decision.Cause("FORM_INVALID", null, null, 0,
                String.format(Locale.ROOT, "Tờ khai có %d lỗi cần sửa%s", n, vi),
                String.format(Locale.ROOT, "The form has %d %s to fix%s", n, n == 1 ? "error" : "errors", en));
        Decision.Provenance prov = new Decision.Provenance(pack.info().id(), pack.info().version(), pack.info().sha256(),
                asOf, clock.instant());
        return new Decision(cp.procedure().code(), Eligibility.INDETERMINATE, List.of(),
                Evaluator.catalogueRequired(cp.procedure()), form, null, null, List.of(), List.of(), List.of(), List.of(),
                cause, prov);
    }

    private static Decision failed(Decision ruled, Decision.FormReport form, List<Decision.TraceStep> trace, String code,
            String vi, String en) {
        return with(ruled, form, null, null, trace, Eligibility.INDETERMINATE,
                new Decision.Cause(code, null, null, 0, vi, en));
    }

    private static Decision with(Decision r, Decision.FormReport form, DeadlineResult deadline, FeeAssessment fees,
            List<Decision.TraceStep> trace, Eligibility eligibility, Decision.Cause cause) {
        return new Decision(r.procedure(), eligibility, r.reasons(), r.components(), form, deadline, fees,
                r.deadlineAdjustments(), r.feeDirectives(), r.notes(), trace, cause, r.provenance());
    }

    static FeeRequest feeRequest(LoadedPack pack, Dossier d, LocalDate asOf, Map<String, Object> formData, Decision ruled) {
        Set<String> categories = new HashSet<>();
        Set<String> flags = new HashSet<>();
        Dossier.Applicant a = d.applicant();
        if (a != null) {
            categories.addAll(a.categories());
            if (a.birthDate() != null && !a.birthDate().isAfter(asOf)) {
                int age = Period.between(a.birthDate(), asOf).getYears();
                if (age < CHILD_UNDER) {
                    categories.add("CHILD");
                }
                if (age >= ELDERLY_FROM) {
                    categories.add("ELDERLY");
                }
            }
            ReceivingUnit u = a.residenceUnit() == null ? null : pack.units().get(a.residenceUnit());
            if (u != null) {
                flags.addAll(u.flags());
            }
        }
        return new FeeRequest(ruled.procedure(), asOf, d.channel(), categories, flags, FormValues.of(formData),
                ruled.feeDirectives());
    }

    private static String excludedReason(Dossier.ExcludedPeriod e) {
        String kind = switch (e.kind()) {
            case "SUPPLEMENT" -> "Thời gian bổ sung, hoàn thiện hồ sơ";
            case "FINANCIAL_OBLIGATION" -> "Thời gian thực hiện nghĩa vụ tài chính";
            case "POSTING" -> "Thời gian niêm yết công khai";
            default -> "Thời gian không tính vào thời hạn giải quyết (" + e.kind() + ")";
        };
        return e.reason() == null || e.reason().isBlank() ? kind : kind + ": " + e.reason();
    }

    /** The pack's {@code EXCLUDED-<KIND>} basis if it declares one, else {@link #EXCLUDED_DEFAULT}. */
    private static LegalBasis excludedBasis(LoadedPack pack, String kind) {
        LegalBasis b = pack.bases().get("EXCLUDED-" + kind);
        return b != null ? b : EXCLUDED_DEFAULT;
    }

    private static String ruleFile(CompiledProcedure cp, String rule) {
        CompiledProcedure.RuleInfo r = cp.rules().get(rule);
        return r == null ? null : r.file();
    }

    private static int ruleLine(CompiledProcedure cp, String rule) {
        CompiledProcedure.RuleInfo r = cp.rules().get(rule);
        return r == null ? 0 : r.line();
    }

    /** The row of a fee source such as {@code "procedures/x/fees.csv:4"}, or 0. */
    private static int row(String source) {
        if (source == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)").matcher(source);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
