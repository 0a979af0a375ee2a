package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision's rules have a time budget (pack.yaml {@code rules.decisionBudgetMs}) enforced by the
 * engine, not the rules: a rule that keeps re-firing ends INDETERMINATE with cause TIME_BUDGET long
 * before a generous firing limit, and the engine keeps deciding.
 */
class DecisionBudgetTest {
    static final String EXTRA = "procedures/1.001193/extra.drl";

    @TempDir
    Path dir;

    Path pack(String budget) {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        if (budget != null) {
            HardeningPacks.edit(p.resolve("pack.yaml"), s -> s + "\nrules:\n  decisionBudgetMs: " + budget + "\n");
        }
        HardeningPacks.write(p.resolve(EXTRA), "rule \"Lặp mãi\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  $d : Dossier()\nthen\n"
                + "  decision.note(\"lặp\");\n  update($d);\nend\n");
        return p;
    }

    @Test
    void decide_rulesPastTheirBudget_areHaltedAsIndeterminateWithTimeBudget() {
        try (Engine e = Motcua.engine().firingLimit(Integer.MAX_VALUE - 1).build()) {
            e.load(pack("1")).orThrow();
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(Eligibility.INDETERMINATE, d.eligibility());
            assertEquals(io.github.motcua.rules.Decision.Cause.Code.TIME_BUDGET, d.cause().code(), d.cause().toString());
            assertEquals("Lặp mãi", d.cause().rule());
            assertEquals(EXTRA, d.cause().file());
            assertTrue(d.cause().messageEn().contains("time budget (1 ms)"), d.cause().messageEn());
            // the engine is not harmed: the next decision is decided the same way
            assertEquals(io.github.motcua.rules.Decision.Cause.Code.TIME_BUDGET, e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).cause().code());
        }
    }

    @Test
    void decide_withinTheDefaultBudget_theFiringLimitStillStopsALoop() {
        try (Engine e = Motcua.engine().firingLimit(50).build()) {
            e.load(pack(null)).orThrow();
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(io.github.motcua.rules.Decision.Cause.Code.FIRING_LIMIT, d.cause().code());
        }
    }

    @Test
    void load_budgetOutOfRange_isAProblemAtPackYaml() {
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(pack("0"));
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("pack.yaml")), r.problems().toString());
        }
    }
}
