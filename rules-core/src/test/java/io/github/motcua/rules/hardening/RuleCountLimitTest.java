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

    /** Past the code limit, rules as data still load (they have only the limit of all rules, below). */
    @Test
    void load_asManyRulesAsData_pastTheCodeLimit_loads() {
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

    /**
     * The text checks of a rule file found each rule's first line by counting line feeds from the top, and each
     * literal by a search through all of a file's literals: work quadratic in the rules of a file (20,000 rules of a
     * 2.4 MB file took 52 s of CPU at load, 60,000 of a 7 MB file minutes). They now look both up (measured in
     * docs/security.md); what they report, and where, is unchanged: here at the last of 1,990 rules (5,000 until
     * session 18, when a procedure's rules were limited to 2,000).
     */
    @Test
    void load_manyRules_aMistakeInTheLastIsStillFoundAtItsLine() {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        String many = rules(1990, "Form( text(\"treEm.hoTen\") == \"X%d\" )");
        long lines = many.chars().filter(c -> c == '\n').count();
        HardeningPacks.write(p.resolve(EXTRA), many + "rule \"Thiếu dấu chấm phẩy\"\n  @basis(\"LHT-2014-D16\")\nwhen\n"
                + "  Form( text(\"treEm.hoTen\") == \"Y\" )\nthen\n  decision.note(\"thiếu\")\nend\n");
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertEquals(1, r.problems().size(), dump(r.problems()));
            PackProblem q = r.problems().get(0);
            assertEquals("DRL_MISSING_SEMICOLON", q.code(), dump(r.problems()));
            assertEquals(EXTRA, q.file());
            assertEquals(lines + 6, q.line(), "the line of the action");
        }
    }

    /**
     * Rules as data had no count limit of their own: 60,000 in one procedure held 441 MB live while the procedure was
     * prepared (1.7 GB resident with the default collector). A procedure may now hold 2,000 rules in all; past that
     * it is refused at the rule file that passes the limit, before anything is parsed — rules as data, DRL and
     * decision tables alike — and a reload keeps the old pack.
     */
    @Test
    void load_moreDataRulesThanAProcedureMayHold_refusedAtTheFileThatPassesTheLimit() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        String data = "Form( text(\"treEm.hoTen\") == \"X%d\" )";
        HardeningPacks.write(p.resolve(EXTRA), rules(1990, data)); // with the procedure's own 5: 1,995
        try (Engine e = Motcua.engine().build()) {
            assertTrue(e.load(p).ok(), "under the limit");
            String before = e.pack().orElseThrow().sha256();
            HardeningPacks.write(p.resolve("procedures/1.001193/more.drl"), rules(11, data).replace("Quy tắc số", "Quy tắc thêm"));
            ReloadResult r = e.reload(p).get();
            assertFalse(r.swapped());
            assertEquals(1, r.problems().size(), dump(r.problems()));
            PackProblem q = r.problems().get(0);
            assertEquals("DRL_TOO_MANY_RULES", q.code());
            assertEquals("procedures/1.001193/more.drl", q.file(), "the file that passes the limit (files in name order)");
            assertTrue(q.messageVi().startsWith("Thủ tục có quá 2000 quy tắc (đếm được 2001 đến tệp này"), q.messageVi());
            assertTrue(q.messageEn().startsWith("the procedure has more than 2000 rules (2001 counted up to this file"), q.messageEn());
            assertEquals(before, e.pack().orElseThrow().sha256(), "the old pack serves");
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"X1989\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("ghi chú 1989")), d.notes().toString());
        }
        // one file over the limit on its own, on a first load
        HardeningPacks.write(p.resolve(EXTRA), rules(2001, data));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertEquals("DRL_TOO_MANY_RULES", r.problems().get(0).code(), dump(r.problems()));
            assertEquals(EXTRA, r.problems().get(0).file());
            assertTrue(e.pack().isEmpty());
        }
    }

    /**
     * The whole pack is limited too, to 50,000 rules (about 2.3 times a province's catalogue written out): 26 procedures
     * of 1,955 rules each, every one under the procedure limit, are refused together, naming the count.
     */
    @Test
    void load_moreRulesThanAPackMayHold_refused() throws Exception {
        Path p = packOf26();
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem q = r.problems().stream().filter(x -> x.code().equals("DRL_TOO_MANY_RULES")).findFirst()
                    .orElseThrow(() -> new AssertionError(dump(r.problems())));
            assertEquals("procedures", q.file());
            assertTrue(q.messageVi().startsWith("Bộ quy tắc có ") && q.messageVi().endsWith("quá giới hạn 50000 một bộ quy tắc"),
                    q.messageVi());
            assertTrue(e.pack().isEmpty());
        }
    }

    /**
     * With {@code lazyParse(true)} the folders are read at their first use or in the background: the one whose read
     * takes the pack past 50,000 rules is quarantined (its decisions refused, {@code compiled()} naming it), the others
     * serve.
     */
    @Test
    void lazyParse_theFolderThatTakesThePackPastTheRuleLimit_quarantined() throws Exception {
        Path p = packOf26();
        try (Engine e = Motcua.engine().lazyCompile(true).lazyParse(true).build()) {
            assertTrue(e.load(p).ok(), "the folders are read later");
            java.util.List<PackProblem> all = e.compiled().get(120, java.util.concurrent.TimeUnit.SECONDS);
            java.util.List<PackProblem> many = all.stream().filter(x -> x.code().equals("DRL_TOO_MANY_RULES")).toList();
            assertEquals(1, many.size(), "25 of the 26 fit with the other procedure's rules: " + dump(all));
            assertTrue(many.get(0).file().startsWith("procedures/"), many.get(0).file());
            assertTrue(many.get(0).messageEn().endsWith("over the limit of 50000 a pack"), many.get(0).messageEn());
        }
    }

    /** {@code n} lines that read as rule headers inside a block comment: no rule, but each line starts like one. */
    static String commentedHeaders(int n) {
        StringBuilder sb = new StringBuilder("/* quy tắc cũ, đã bỏ:\n");
        for (int i = 0; i < n; i++) {
            sb.append("rule \"Cũ ").append(i).append("\"\n");
        }
        return sb.append("*/\n").toString();
    }

    /**
     * The load first adds up a bound above each text's rule count (the lines that start like a rule header, comments
     * included) and counts exactly only past a limit: rule headers in a comment neither refuse a folder or a pack under
     * the limits (here 1,995 rules with 10 commented headers, and 50,001 commented headers in a folder, past both limits
     * as a bound), nor change the count a refusal reports (2,001, not 2,011).
     */
    @Test
    void commentedRuleHeaders_countNoRule_forTheLimitsOrTheirProblems() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        String data = "Form( text(\"treEm.hoTen\") == \"X%d\" )";
        HardeningPacks.write(p.resolve(EXTRA), commentedHeaders(10) + rules(1990, data)); // with the procedure's own 5: 1,995
        HardeningPacks.write(p.resolve("procedures/1.001193/old.drl"), commentedHeaders(50_001));
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r.problems()));
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"X1989\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("ghi chú 1989")), d.notes().toString());
            assertEquals(1995, e.rules("1.001193").size(), "the rules as parsed");
        }
        java.nio.file.Files.delete(p.resolve("procedures/1.001193/old.drl"));
        HardeningPacks.write(p.resolve("procedures/1.001193/more.drl"), commentedHeaders(10)
                + rules(11, data).replace("Quy tắc số", "Quy tắc thêm"));
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertEquals(1, r.problems().size(), dump(r.problems()));
            PackProblem q = r.problems().get(0);
            assertEquals("DRL_TOO_MANY_RULES", q.code());
            assertEquals("procedures/1.001193/more.drl", q.file());
            assertTrue(q.messageVi().startsWith("Thủ tục có quá 2000 quy tắc (đếm được 2001 đến tệp này"), q.messageVi());
        }
    }

    /** The pack's count a refusal reports is the rules' count, commented headers aside. */
    @Test
    void load_moreRulesThanAPackMayHold_theCountReportedIsTheRules() throws Exception {
        Path p = packOf26();
        String plain; // "Bộ quy tắc có 50835 quy tắc …" (26 × 1,955 and the pack's other procedures' rules)
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            plain = e.load(p).problems().stream().filter(x -> x.code().equals("DRL_TOO_MANY_RULES")).findFirst()
                    .orElseThrow().messageVi();
        }
        HardeningPacks.write(p.resolve("procedures/9.000003/old.drl"), commentedHeaders(500));
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem q = r.problems().stream().filter(x -> x.code().equals("DRL_TOO_MANY_RULES")).findFirst()
                    .orElseThrow(() -> new AssertionError(dump(r.problems())));
            assertEquals(plain, q.messageVi());
        }
    }

    /** The ho-tich pack with procedure 1.001193 and 25 copies of it, each with 1,955 rules: 50,830 and a few more. */
    private Path packOf26() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        String data = "Form( text(\"treEm.hoTen\") == \"X%d\" )";
        HardeningPacks.write(p.resolve(EXTRA), rules(1950, data));
        Path birth = p.resolve("procedures/1.001193");
        for (int i = 0; i < 25; i++) {
            String code = String.format(java.util.Locale.ROOT, "9.%06d", i);
            Path copy = java.nio.file.Files.createDirectories(p.resolve("procedures/" + code));
            for (String f : new String[] {"procedure.yaml", "rules.drl", "extra.drl"}) {
                java.nio.file.Files.copy(birth.resolve(f), copy.resolve(f));
            }
            HardeningPacks.edit(copy.resolve("procedure.yaml"), t -> t.replace("code: \"1.001193\"", "code: \"" + code + "\""));
        }
        return p;
    }
}
