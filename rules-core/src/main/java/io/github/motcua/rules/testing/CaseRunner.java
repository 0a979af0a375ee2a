package io.github.motcua.rules.testing;

import io.github.motcua.fees.FeeLine;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.RulesException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs analysts' cases (cases/*.yaml) against an engine and compares only the parts each case
 * names. Needs no JUnit (the command line uses it); {@code PackTests} (artifact rules-testing) wraps it for JUnit 5.
 *
 * <p>Thread-safe (stateless).
 */
public final class CaseRunner {
    private CaseRunner() {
    }

    /** Runs every case of the engine's serving pack, in file order. */
    public static List<CaseResult> runAll(Engine engine) {
        List<CaseResult> out = new ArrayList<>();
        for (PackCase c : engine.cases()) {
            out.add(run(engine, c));
        }
        return out;
    }

    /** Runs one case. */
    public static CaseResult run(Engine engine, PackCase c) {
        Decision d;
        try {
            d = engine.decide(c.dossier());
        } catch (RulesException | IllegalArgumentException e) {
            return new CaseResult(c, null, List.of("quyết định lỗi / decision failed: " + e.getMessage()), List.of());
        }
        List<String> bad = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        PackCase.Expectation x = c.expect();
        if (x.eligibility() != null && x.eligibility() != d.eligibility()) {
            bad.add(String.format(Locale.ROOT, "eligibility: expected %s, actual %s%s", x.eligibility(), d.eligibility(),
                    d.cause() == null ? "" : " (" + d.cause().messageVi() + ")"));
        }
        if (x.reasons() != null) {
            for (String r : x.reasons()) {
                boolean found = d.reasons().stream().anyMatch(a -> a.messageVi().contains(r)
                        || (a.messageEn() != null && a.messageEn().contains(r)));
                if (!found) {
                    bad.add(String.format(Locale.ROOT, "reasons: expected one containing [%s], actual %s", r,
                            d.reasons().stream().map(Decision.Reason::messageVi).toList()));
                }
            }
        }
        if (x.notes() != null) {
            for (String r : x.notes()) {
                boolean found = d.notes().stream().anyMatch(a -> a.messageVi().contains(r)
                        || (a.messageEn() != null && a.messageEn().contains(r)));
                if (!found) {
                    bad.add(String.format(Locale.ROOT, "notes: expected one containing [%s], actual %s", r,
                            d.notes().stream().map(Decision.Note::messageVi).toList()));
                }
            }
        }
        compareIds("components.required", x.required(), d, RequiredComponent.ComponentStatus.REQUIRED, bad);
        compareIds("components.waived", x.waived(), d, RequiredComponent.ComponentStatus.WAIVED, bad);
        compareIds("components.optional", x.optional(), d, RequiredComponent.ComponentStatus.OPTIONAL, bad);
        if (x.oneOf() != null) {
            Map<String, Set<String>> expected = new TreeMap<>();
            x.oneOf().forEach((g, ids) -> expected.put(g, new TreeSet<>(ids)));
            Map<String, Set<String>> actual = new TreeMap<>();
            for (RequiredComponent rc : d.components()) {
                if (rc.status() == RequiredComponent.ComponentStatus.ONE_OF) {
                    actual.computeIfAbsent(rc.group(), k -> new TreeSet<>()).add(rc.id());
                }
            }
            if (!expected.equals(actual)) {
                bad.add(String.format(Locale.ROOT, "components.oneOf: expected %s, actual %s", expected, actual));
            }
        }
        if (x.deadlineDue() != null) {
            if (d.deadline() == null) {
                bad.add(String.format(Locale.ROOT, "deadline.due: expected %s, actual none (%s%s)", x.deadlineDue(),
                        d.eligibility(), d.cause() == null ? "" : ": " + d.cause().messageVi()));
            } else {
                OffsetDateTime want = OffsetDateTime.parse(x.deadlineDue());
                if (d.deadline().due() == null || !want.toInstant().equals(d.deadline().due().toInstant())) {
                    bad.add(String.format(Locale.ROOT, "deadline.due: expected %s, actual %s", want, d.deadline().due()));
                }
            }
        }
        if (x.deadlineWorkingDays() != null) {
            if (d.deadline() == null) {
                bad.add(String.format(Locale.ROOT, "deadline.workingDays: expected %d, actual none (%s%s)", x.deadlineWorkingDays(),
                        d.eligibility(), d.cause() == null ? "" : ": " + d.cause().messageVi()));
            } else if (d.deadline().workingDaysCounted() != x.deadlineWorkingDays()) {
                bad.add(String.format(Locale.ROOT, "deadline.workingDays: expected %d, actual %d (due %s)", x.deadlineWorkingDays(),
                        d.deadline().workingDaysCounted(), d.deadline().due()));
            }
        }
        if (x.feesTotal() != null || x.feeLines() != null) {
            if (d.fees() == null) {
                bad.add(String.format(Locale.ROOT, "fees: expected total %s lines %s, actual none (%s%s)", x.feesTotal(),
                        x.feeLines(), d.eligibility(), d.cause() == null ? "" : ": " + d.cause().messageVi()));
            } else {
                if (x.feesTotal() != null && d.fees().total().dong() != x.feesTotal()) {
                    bad.add(String.format(Locale.ROOT, "fees.total: expected %d, actual %d", x.feesTotal(), d.fees().total().dong()));
                }
                if (x.feeLines() != null) {
                    Map<String, Long> actual = new TreeMap<>();
                    for (FeeLine l : d.fees().lines()) {
                        actual.merge(l.item(), l.amount().dong(), Long::sum);
                    }
                    if (!new TreeMap<>(x.feeLines()).equals(actual)) {
                        bad.add(String.format(Locale.ROOT, "fees.lines: expected %s, actual %s", new TreeMap<>(x.feeLines()), actual));
                    }
                }
            }
        }
        if (x.formValid() != null) {
            if (!d.form().checked()) {
                skipped.add("formValid (thủ tục không có tờ khai điện tử / the procedure has no form.schema.json)");
            } else if (x.formValid() != d.form().valid()) {
                bad.add(String.format(Locale.ROOT, "formValid: expected %s, actual %s %s", x.formValid(), d.form().valid(),
                        d.form().violations()));
            }
        }
        return new CaseResult(c, d, bad, skipped);
    }

    private static void compareIds(String part, List<String> expected, Decision d,
            RequiredComponent.ComponentStatus status, List<String> bad) {
        if (expected == null) {
            return;
        }
        Set<String> want = new TreeSet<>(expected);
        Set<String> got = new TreeSet<>();
        for (RequiredComponent rc : d.components()) {
            if (rc.status() == status) {
                got.add(rc.id());
            }
        }
        if (!want.equals(got)) {
            bad.add(String.format(Locale.ROOT, "%s: expected %s, actual %s", part, want, got));
        }
    }
}
