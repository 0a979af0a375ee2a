package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.UnableToLoadPackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a rule compiles to is verified before any of it runs: code that passes the text linter and
 * the descriptor restriction (reflection without a forbidden word, a loop, unbounded growth) is
 * refused on its bytecode at the rule's file and line, in eager loads, lazy compiles and reloads,
 * and the payload (a marker file) is never created. Rule-side regex runs through the bounded matcher.
 */
class RuleVerificationTest {
    static final String EXTRA = "procedures/1.001193/extra.drl";
    static final String BASIS = "@basis(\"LHT-2014-D16\")";

    @TempDir
    Path dir;

    static String payload(Path marker) {
        return RuleRestrictionTest.payload(marker);
    }

    static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\n  " + BASIS + "\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
    }

    Path pack(String drl) {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), drl);
        return p;
    }

    static String dump(List<PackProblem> ps) {
        return ps.stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    /** name, DRL with MARKER. The refused rule is always on line 2 of extra.drl (after a comment line). */
    static Stream<Arguments> refusedCode() {
        return Stream.of(
                Arguments.of("reflection in a consequence", rule("r1", "Form()", "decision.note(\"x\");\n  MARKER;")),
                Arguments.of("reflection in a condition", rule("r1", "Form( MARKER != null )", "decision.note(\"x\");")),
                Arguments.of("reflection in a bound variable", rule("r1", "Form( $x : Applicant.class.getClassLoader() )", "decision.note(\"x\");")),
                Arguments.of("a loop in a consequence", rule("r1", "Form()", "while (true) { } ")),
                Arguments.of("a for loop in a consequence", rule("r1", "Form()", "for (long i = 0; i >= 0; i++) { decision.note(\"x\"); }")),
                Arguments.of("a huge string", rule("r1", "Form()", "decision.note(\"x\".repeat(100000000));")),
                Arguments.of("a regex outside the bounded matcher", rule("r1", "Form( text(\"a\") != null, text(\"a\").replaceAll(\"(a+)+\", \"\") == \"\" )", "decision.note(\"x\");")),
                Arguments.of("a lambda calling reflection", rule("r1", "Form()", "Runnable run = () -> Applicant.class.getClassLoader(); run.run();")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCode")
    void load_codeOutsideTheAllowlist_isRefusedAtTheRuleAndNothingRuns(String name, String drl) {
        Path marker = dir.resolve("marker");
        Path p = pack("// extra\n" + drl.replace("MARKER", payload(marker)));
        try (Engine e = Motcua.engine().firingLimit(200).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok(), name);
            PackProblem refused = r.problems().stream()
                    .filter(x -> x.code().equals("DRL_REFUSED_CODE") || x.code().startsWith("LINT_")).findFirst()
                    .orElseThrow(() -> new AssertionError(dump(r.problems())));
            assertEquals(EXTRA, refused.file(), dump(r.problems()));
            assertEquals(2, refused.line(), dump(r.problems()));
        }
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void load_reflectionWithoutAForbiddenWord_isRefusedByTheVerifierNotTheLinter() {
        Path marker = dir.resolve("marker");
        Path p = pack("// extra\n" + rule("r1", "Form()", "decision.note(\"x\");\n  " + payload(marker) + ";"));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            PackProblem refused = r.problems().stream().filter(x -> x.code().equals("DRL_REFUSED_CODE")).findFirst()
                    .orElseThrow(() -> new AssertionError(dump(r.problems())));
            assertTrue(refused.messageEn().startsWith("rule [r1] uses code that is not allowed"), refused.messageEn());
            assertTrue(refused.messageVi().startsWith("Quy tắc [r1] dùng mã không được phép"), refused.messageVi());
            // the verifier's reason in each language (load.bytecode.why.*, load.bytecode.hint.*), nothing quoted
            assertTrue(refused.messageEn().endsWith("is not allowed in rules (reflection and class loading)"), refused.messageEn());
            assertTrue(refused.messageVi().endsWith("trong quy tắc (phản chiếu và nạp lớp)"), refused.messageVi());
            assertFalse(refused.messageVi().contains("not allowed"), refused.messageVi());
        }
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void lazyCompile_reflectionRule_isQuarantinedAndNeverRuns_otherProceduresServe() {
        Path marker = dir.resolve("marker");
        Path p = pack(rule("r1", "Form()", "decision.note(\"x\");\n  " + payload(marker) + ";"));
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            assertTrue(e.load(p).ok());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class,
                    () -> e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")));
            assertTrue(x.problems().stream().anyMatch(q -> q.code().equals("DRL_REFUSED_CODE")), dump(x.problems()));
            Decision other = e.decide("{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                    + "\"form\":{\"chong\":{\"ngaySinh\":\"1990-01-01\"},\"vo\":{\"ngaySinh\":\"1990-01-01\"},\"haiBenCoMat\":true}}");
            assertNotNull(other.eligibility());
            List<PackProblem> warm = e.compiled().join();
            assertTrue(warm.stream().anyMatch(q -> q.code().equals("DRL_REFUSED_CODE")), dump(warm));
        }
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void reload_ofARuleThatWouldRunCode_isRefusedAndTheOldPackKeepsServing() throws Exception {
        Path marker = dir.resolve("marker");
        Path p = pack(rule("r1", "Form()", "decision.note(\"bản cũ\");"));
        try (Engine e = Motcua.engine().build()) {
            assertTrue(e.load(p).ok());
            String before = e.pack().orElseThrow().sha256();
            HardeningPacks.write(p.resolve(EXTRA), rule("r1", "Form()", "decision.note(\"bản mới\");\n  " + payload(marker) + ";"));
            ReloadResult r = e.reload(p).get();
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(q -> q.code().equals("DRL_REFUSED_CODE") && q.file().equals(EXTRA)),
                    dump(r.problems()));
            assertEquals(before, e.pack().orElseThrow().sha256());
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().contains("bản cũ")), d.notes().toString());
        }
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void decide_catastrophicRegexOnALongValue_isIndeterminateWithRegexBudget() {
        Path p = pack(rule("r1", "Form( text(\"treEm.hoTen\") matches \"^(([A-Z]+)+)+ [0-9]$\" )", "decision.note(\"khớp\");"));
        try (Engine e = Motcua.engine().build()) {
            e.load(p).orThrow();
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"" + "A".repeat(40) + "!\"}}"));
            assertEquals(Eligibility.INDETERMINATE, d.eligibility());
            assertEquals(io.github.motcua.rules.Decision.Cause.Code.REGEX_BUDGET, d.cause().code(), d.cause().toString());
            assertEquals("r1", d.cause().rule());
            assertEquals(EXTRA, d.cause().file());
        }
    }

    @Test
    void decide_ordinaryRegex_stillMatches() {
        Path p = pack(rule("r1", "Form( text(\"treEm.hoTen\") matches \"^[A-Z ]+$\", text(\"treEm.hoTen\") not matches \"^X.*\" )", "decision.note(\"khớp\");"));
        try (Engine e = Motcua.engine().build()) {
            e.load(p).orThrow();
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"NGUYEN VAN A\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("khớp")), d.toString());
            Decision no = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"nguyen\"}}"));
            assertFalse(no.notes().stream().anyMatch(n -> n.messageVi().equals("khớp")), no.toString());
        }
    }

    @ParameterizedTest(name = "invalid literal regex {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"^[0-9{12$", "(ab", "a{2,1}", "\\\\k<ten>"})
    void check_invalidLiteralRegex_isRefusedAtItsRuleNotAtDecisionTime(String regex) {
        String literal = "\"" + regex + "\"";
        Path p = pack("// một quy tắc có mẫu sai\n" + rule("r1", "Form( text(\"treEm.hoTen\") not matches " + literal + " )", "decision.note(\"x\");"));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok(), "an invalid pattern must be refused when the pack is checked");
            PackProblem q = r.problems().stream().filter(x -> x.code().equals("DRL_INVALID_REGEX")).findFirst()
                    .orElseThrow(() -> new AssertionError(dump(r.problems())));
            assertEquals(EXTRA, q.file());
            assertEquals(5, q.line(), q.toString());
            assertTrue(q.messageVi().contains("không hợp lệ") && q.messageEn().contains("not valid"), q.toString());
        }
    }

    @Test
    void check_validLiteralRegexWithEscapes_isAccepted() {
        Path p = pack(rule("r1", "Form( text(\"treEm.hoTen\") matches \"^[A-Z]\\\\s\\\\d{2}\\\"?$\" )", "decision.note(\"khớp\");"));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r.problems()));
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"hoTen\":\"A 12\\\"\"}}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("khớp")), d.toString());
        }
    }
}
