package io.github.motcua.rules.cases;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.RulesException;
import io.github.motcua.rules.spi.DecisionSection;
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
    private static final Locale VI = Locale.forLanguageTag("vi");
    private CaseRunner() {
    }

    /** Runs every case of the engine's serving pack, in file order. */
    public static List<CaseResult> runAll(Engine engine) {
        java.util.Objects.requireNonNull(engine, "engine");
        List<CaseResult> out = new ArrayList<>();
        for (PackCase c : engine.cases()) {
            out.add(run(engine, c));
        }
        return out;
    }

    /** Runs one case. */
    public static CaseResult run(Engine engine, PackCase c) {
        java.util.Objects.requireNonNull(engine, "engine");
        java.util.Objects.requireNonNull(c, "c");
        Decision d;
        try {
            d = engine.decide(c.dossier());
        } catch (RulesException | IllegalArgumentException e) {
            return new CaseResult(c, null, List.of(CaseTexts.both("cases.decisionFailed") + ": " + io.github.motcua.kernel.Failures.detail(e)), List.of());
        }
        List<String> bad = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        PackCase.Expectation x = c.expect();
        if (x.eligibility() != null && x.eligibility() != d.eligibility()) {
            String got = String.valueOf(d.eligibility());
            bad.add(CaseTexts.mismatch("eligibility", String.valueOf(x.eligibility()),
                    d.cause() == null ? got : got + " (" + d.cause().messageVi() + ")", String.valueOf(x.eligibility()),
                    d.cause() == null ? got : got + " (" + d.cause().messageEn() + ")"));
        }
        if (x.reasons() != null) {
            for (String r : x.reasons()) {
                boolean found = d.reasons().stream().anyMatch(a -> a.messageVi().contains(r)
                        || (a.messageEn() != null && a.messageEn().contains(r)));
                if (!found) {
                    bad.add(CaseTexts.mismatch("reasons", CaseTexts.text(VI, "cases.reasonContaining", "text", r),
                            String.valueOf(d.reasons().stream().map(Decision.Reason::messageVi).toList()),
                            CaseTexts.text(Locale.ENGLISH, "cases.reasonContaining", "text", r),
                            String.valueOf(d.reasons().stream().map(a -> english(a.messageVi(), a.messageEn())).toList())));
                }
            }
        }
        if (x.notes() != null) {
            for (String r : x.notes()) {
                boolean found = d.notes().stream().anyMatch(a -> a.messageVi().contains(r)
                        || (a.messageEn() != null && a.messageEn().contains(r)));
                if (!found) {
                    bad.add(CaseTexts.mismatch("notes", CaseTexts.text(VI, "cases.noteContaining", "text", r),
                            String.valueOf(d.notes().stream().map(Decision.Note::messageVi).toList()),
                            CaseTexts.text(Locale.ENGLISH, "cases.noteContaining", "text", r),
                            String.valueOf(d.notes().stream().map(a -> english(a.messageVi(), a.messageEn())).toList())));
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
                bad.add(CaseTexts.mismatch("components.oneOf", expected.toString(), actual.toString(), expected.toString(),
                        actual.toString()));
            }
        }
        // every other expectation belongs to the decision section that claims its key
        DecisionSection.CaseReport report = new DecisionSection.CaseReport() {
            @Override
            public void mismatch(String message) {
                bad.add(CaseResult.bilingual(message));
            }

            @Override
            public void mismatch(String part, String expectedVi, String actualVi, String expectedEn, String actualEn) {
                bad.add(CaseTexts.mismatch(part, expectedVi, actualVi, expectedEn, actualEn));
            }

            @Override
            public void skipped(String message) {
                skipped.add(message);
            }
        };
        for (DecisionSection<?> s : engine.decisionSections()) {
            String key = s.expectKey();
            if (key != null && x.parts().containsKey(key)) {
                s.check(x.parts().get(key), d, report);
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
            bad.add(CaseTexts.mismatch(part, want.toString(), got.toString(), want.toString(), got.toString()));
        }
    }

    /** A reason's or note's English, or its Vietnamese when the rule gave none. */
    private static String english(String vi, String en) {
        return en == null || en.isEmpty() ? vi : en;
    }
}
