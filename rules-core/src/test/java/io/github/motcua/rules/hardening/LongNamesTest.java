package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An absurdly long name or text in a rule file — a paragraph pasted as a rule's name, a whole decree pasted into
 * {@code @basis} — is refused at its own line with {@code LINT_TOO_LONG}, in Vietnamese then English, before anything
 * is compiled. A 30,000-character Vietnamese rule name on the code path was refused by the Java compiler, in its
 * English, at line 0 ("The type generates a string that requires more than 65535 bytes to encode in Utf8 format in the
 * constant pool"); on the data path it was accepted. Names up to 1,000 characters and texts up to 8,192 load as before.
 */
class LongNamesTest {
    static final String EXTRA = "procedures/1.001193/extra.drl";

    @TempDir
    Path dir;

    /** A rule that takes the code path (a binding), so that the compiler would see it. */
    static String rule(String name, String header, String note) {
        return "// một quy tắc\n\nrule \"" + name + "\"\n  @basis(\"LHT-2014-D16\")\n" + header + "when\n"
                + "  $f : Form( text(\"giayChungSinh\") == \"CO\" )\nthen\n  decision.note(\"" + note + "\");\nend\n";
    }

    private List<PackProblem> load(String drl) {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack" + drl.hashCode()));
        HardeningPacks.write(p.resolve(EXTRA), drl);
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            return r.problems();
        }
    }

    private static PackProblem theOne(List<PackProblem> ps) {
        assertEquals(1, ps.size(), RuleCountLimitTest.dump(ps));
        PackProblem p = ps.get(0);
        assertEquals("LINT_TOO_LONG", p.code(), RuleCountLimitTest.dump(ps));
        assertEquals(EXTRA, p.file());
        assertFalse(p.messageVi().contains("65535") || p.messageVi().contains("constant pool"), p.messageVi());
        assertTrue(p.messageVi().length() < 400 && p.messageEn().length() < 400, "the text is not quoted back whole");
        return p;
    }

    @Test
    void aRuleNameOf30000Characters_refusedAtTheRulesLine_inVietnameseThenEnglish() {
        PackProblem p = theOne(load(rule("Hồ sơ lưu trữ ".repeat(2143) + "ab", "", "x")));
        assertEquals(3, p.line());
        assertEquals(1, p.column());
        assertTrue(p.messageVi().startsWith("Tên quy tắc dài 30.004 ký tự, quá giới hạn 1.000 ký tự [Hồ sơ lưu trữ Hồ sơ"),
                p.messageVi());
        assertTrue(p.messageEn().startsWith("the rule's name has 30,004 characters, over the limit of 1,000"), p.messageEn());
    }

    @Test
    void aRuleNameOf30000Letters_onTheDataPath_refusedToo() {
        String drl = rule("ữ".repeat(30_000), "", "x").replace("$f : ", "");
        assertEquals(3, theOne(load(drl)).line());
    }

    @Test
    void aBasisOf30000Characters_refusedAtTheAnnotation() {
        String drl = rule("Quy tắc", "", "x").replace("@basis(\"LHT-2014-D16\")", "@basis(\"" + "Nghị định ".repeat(3000) + "\")");
        PackProblem p = theOne(load(drl));
        assertEquals(4, p.line());
        assertTrue(p.messageVi().startsWith("Giá trị của @basis dài 30.000 ký tự"), p.messageVi());
        assertTrue(p.messageVi().contains("legal-bases/*.yaml"), p.messageVi());
    }

    @Test
    void anAgendaGroupOf30000Characters_refusedAtItsLine() {
        PackProblem p = theOne(load(rule("Quy tắc", "  agenda-group \"" + "nhóm ".repeat(6000) + "\"\n", "x")));
        assertEquals(5, p.line());
        assertTrue(p.messageVi().startsWith("Giá trị ở phần đầu quy tắc dài 30.000 ký tự"), p.messageVi());
    }

    @Test
    void aNoteOf30000Characters_refusedAtItsLine() {
        PackProblem p = theOne(load(rule("Quy tắc", "", "Ghi chú rất dài ".repeat(1875))));
        assertEquals(8, p.line());
        assertTrue(p.messageVi().startsWith("Chuỗi dài 30.000 ký tự, quá giới hạn 8.192 ký tự"), p.messageVi());
    }

    @Test
    void namesAndTextsAtTheLimits_loadAndDecideAsBefore() {
        String name = "Tên ".repeat(250);
        String note = "ghi ".repeat(2048);
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("limits"));
        HardeningPacks.write(p.resolve(EXTRA), rule(name, "", note));
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), RuleCountLimitTest.dump(r.problems()));
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals(note)), d.notes().toString());
        }
    }
}
