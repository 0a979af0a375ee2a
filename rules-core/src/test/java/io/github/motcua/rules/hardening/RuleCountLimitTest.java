package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drools' executable model writes at most 999 rules of one package (a procedure) into one class; past that it spreads
 * them over several classes joined by a {@code RulesSupplier}, a shape the bytecode verifier refuses. A procedure with
 * more rules that compile to code was therefore refused only after the whole of it had been generated and compiled by
 * javac (about 20 s of CPU and 0.75 GB for 1,000 rules on this machine, growing with the rules an 8 MB file holds,
 * and in the serving JVM on a reload), with a refusal that blamed its first rule for using
 * {@code org.drools.model.RulesSupplier}. It is now refused before anything is generated, naming the count and the
 * limit; rules as data (no class at all) have no such limit.
 *
 * <p>Drools also splits a rule into one branch per combination of the {@code or}s between its patterns when it builds the
 * KieBase: twenty {@code (A or B)} joined by {@code and}, a 20-line rule, were 2^20 branches and an
 * {@code OutOfMemoryError} (the CLI's {@code check} exited 70, "internal error"; a reload would have spent the serving
 * JVM's heap). A rule over 64 branches is refused at its line, a procedure over 4,096 at its folder, before anything
 * is generated.
 */
class RuleCountLimitTest {
    static final String EXTRA = "procedures/1.001193/extra.drl";

    @TempDir
    Path dir;

    /** {@code n} rules; {@code when} is formatted with the rule's index. */
    static String rules(int n, String when) {
        StringBuilder sb = new StringBuilder("// nhiều quy tắc\n");
        for (int i = 0; i < n; i++) {
            sb.append("rule \"Quy tắc số ").append(i).append("\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  ")
                    .append(String.format(java.util.Locale.ROOT, when, i)).append("\nthen\n  decision.note(\"ghi chú ")
                    .append(i).append("\");\nend\n\n");
        }
        return sb.toString();
    }

    /** {@code matches} keeps a rule on the code path (generated, compiled, verified classes). */
    static String codeRules(int n) {
        return rules(n, "Form( text(\"treEm.hoTen\") matches \"^X%d.*\" )");
    }

    static String dump(java.util.List<PackProblem> ps) {
        return ps.stream().map(PackProblem::toString).collect(java.util.stream.Collectors.joining("\n"));
    }

    static void assertTooMany(java.util.List<PackProblem> problems) {
        assertEquals(1, problems.size(), dump(problems));
        PackProblem p = problems.get(0);
        assertEquals("DRL_TOO_MANY_RULES", p.code(), dump(problems));
        assertEquals("procedures/1.001193", p.file(), "the procedure's folder (two rule files)");
        assertTrue(p.messageVi().startsWith("Thủ tục có ") && p.messageVi().contains("999"), p.messageVi());
        assertTrue(p.messageEn().contains("999"), p.messageEn());
        assertFalse(p.messageVi().contains("RulesSupplier"), p.messageVi());
    }

    @Test
    void load_moreRulesThanOneGeneratedClassHolds_refusedBeforeAnythingIsGenerated() {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), codeRules(1000));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTooMany(r.problems());
        }
    }

    @Test
    void reload_withTooManyRules_refusedAndTheOldPackKeepsServing() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), codeRules(3));
        try (Engine e = Motcua.engine().build()) {
            assertTrue(e.load(p).ok());
            String before = e.pack().orElseThrow().sha256();
            HardeningPacks.write(p.resolve(EXTRA), codeRules(1000));
            ReloadResult r = e.reload(p).get();
            assertFalse(r.swapped());
            assertTooMany(r.problems());
            assertEquals(before, e.pack().orElseThrow().sha256());
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"X2 A\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("ghi chú 2")), d.notes().toString());
        }
    }

    @Test
    void load_asManyRulesAsData_notLimited() {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), rules(1000, "Form( text(\"treEm.hoTen\") == \"X%d\" )"));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r.problems()));
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"X999\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("ghi chú 999")), d.notes().toString());
        }
    }

    /** A rule whose condition is {@code groups} parts {@code (A or B)} joined by {@code and}: 2^groups branches. */
    static String orRule(String name, int groups) {
        StringBuilder when = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            when.append("( Form( bool(\"laCon\") == true ) or Form( text(\"treEm.hoTen\") == \"X").append(i).append("\" ) )\n  ");
        }
        return "rule \"" + name + "\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  " + when + "\nthen\n  decision.note(\"" + name + "\");\nend\n\n";
    }

    @Test
    void load_ruleWhoseOrsMultiplyPastTheLimit_refusedAtItsLine_evenTheOneThatRanOutOfMemory() {
        for (int groups : new int[] {7, 20}) {
            Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack" + groups));
            HardeningPacks.write(p.resolve(EXTRA), "// nhân nhánh\n" + orRule("Nhân nhánh", groups));
            try (Engine e = Motcua.engine().build()) {
                LoadResult r = e.load(p);
                assertFalse(r.ok());
                assertEquals(1, r.problems().size(), dump(r.problems()));
                PackProblem q = r.problems().get(0);
                assertEquals("DRL_TOO_MANY_BRANCHES", q.code(), dump(r.problems()));
                assertEquals(EXTRA, q.file());
                assertEquals(2, q.line(), "the rule's line");
                String count = groups == 7 ? "128" : "> 1000000";
                assertTrue(q.messageVi().startsWith("Điều kiện của quy tắc [Nhân nhánh] tách thành " + count + " nhánh"), q.messageVi());
                assertTrue(q.messageVi().contains("quá giới hạn 64"), q.messageVi());
                assertTrue(q.messageEn().contains("splits into " + count + " branches"), q.messageEn());
            }
        }
    }

    @Test
    void load_ruleAtTheBranchLimit_loadsAndDecides_butAProcedurePastItsTotalIsRefused() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), "// nhân nhánh\n" + orRule("Sáu nhóm", 6));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r.problems()));
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"laCon\":true}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("Sáu nhóm")), d.notes().toString());

            StringBuilder many = new StringBuilder("// nhân nhánh\n");
            for (int i = 0; i < 65; i++) {
                many.append(orRule("Sáu nhóm " + i, 6));
            }
            HardeningPacks.write(p.resolve(EXTRA), many.toString());
            ReloadResult rr = e.reload(p).get();
            assertFalse(rr.swapped());
            assertEquals(1, rr.problems().size(), dump(rr.problems()));
            PackProblem q = rr.problems().get(0);
            assertEquals("DRL_TOO_MANY_BRANCHES", q.code(), dump(rr.problems()));
            assertEquals("procedures/1.001193", q.file());
            // 65 × 64, and one each for the procedure's own five rules
            assertTrue(q.messageVi().contains("tách thành 4165 nhánh") && q.messageVi().contains("quá giới hạn 4096"), q.messageVi());
            Decision again = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"laCon\":true}"));
            assertTrue(again.notes().stream().anyMatch(n -> n.messageVi().equals("Sáu nhóm")), "the old pack serves: " + again.notes());
        }
    }
}
