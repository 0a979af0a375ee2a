package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import io.github.motcua.dossier.ApplicantCategory;
import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.ParameterNotInForceException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kernel message exists in Vietnamese and English with the same arguments (STYLE habit 13), every
 * key pack-core's code names is in the bundle and none is unused; the labels and words moved into the
 * bundle render as they were written inline.
 */
class MessageBundlesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua");
    /** A problem code (the key of its message), or a label or citation word. */
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern LABEL = Pattern.compile("\"((?:label|citation)\\.[A-Za-z0-9_.]+)\"");
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void kernelBundle_sameKeysAndPlaceholdersInBothLanguages_exactlyTheKeysTheCodeNames() {
        assertEquals(List.of(), Messages.check(Messages.KERNEL));
        BundleKeys.assertExactlyTheKeysUsed(Messages.KERNEL, BundleKeys.named(SOURCES, true, CODE, LABEL), 30);
    }

    @Test
    void channelAndCategoryLabels_inBothLanguages() {
        assertEquals("Trực tiếp", Channel.DESK.labelVi());
        assertEquals("At the desk", Channel.DESK.labelEn());
        assertEquals("Bưu chính công ích", Channel.POST.label(VI));
        assertEquals("Online", Channel.ONLINE.label(Locale.ENGLISH));
        assertEquals("Trực tuyến", Channel.ONLINE.label(Locale.ROOT), "any language but English is Vietnamese");
        assertEquals("Người có công với cách mạng", ApplicantCategory.MERITORIOUS.labelVi());
        assertEquals("Person with merit to the revolution", ApplicantCategory.MERITORIOUS.labelEn());
        assertEquals("Học sinh, sinh viên", ApplicantCategory.STUDENT.label(VI));
        assertEquals("Martyr's relative", ApplicantCategory.MARTYR_RELATIVE.label(Locale.ENGLISH));
        for (ApplicantCategory c : ApplicantCategory.values()) {
            assertNotEquals(c.labelVi(), c.labelEn(), c.name());
        }
    }

    @Test
    void citation_wordsFromTheBundle_inVietnameseAndEnglishOrder() {
        LegalBasis full = new LegalBasis("LHT", "Luật Hộ tịch 60/2014/QH13", "11", "1", "a", null, null, null, false, null);
        assertEquals("Điểm a khoản 1 Điều 11 Luật Hộ tịch 60/2014/QH13 (chưa xác minh)", full.citationVi());
        assertEquals("Luật Hộ tịch 60/2014/QH13, Art. 11(1)(a) (unverified)", full.citationEn());
        assertEquals(full.citationEn(), full.citation(Locale.ENGLISH));
        assertEquals(full.citationVi(), full.citation(VI));
        LegalBasis clause = new LegalBasis("X", "Nghị định 118/2025/NĐ-CP", null, "2", null, null, null, null, true, null);
        assertEquals("Khoản 2 Nghị định 118/2025/NĐ-CP", clause.citationVi());
        assertEquals("Nghị định 118/2025/NĐ-CP", clause.citationEn());
        assertEquals("Luật Phí và lệ phí", LegalBasis.of("P", "Luật Phí và lệ phí").citationVi());
    }

    @Test
    void warningWord_inBothLanguages() {
        Problem w = Problem.of("units.yaml", 3, 5, ProblemCode.DUPLICATE_KEY, "key", "xa-1").asWarning();
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] cảnh báo: Khóa [xa-1] xuất hiện hai lần (chỉ được ghi một lần)", w.format(VI));
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] warning: " + w.messageEn(), w.format(Locale.ENGLISH));
    }

    @Test
    void parameterNotInForce_isTranslated_withItsCode() {
        ParameterNotInForceException e = new ParameterNotInForceException("applicant.childUnder", LocalDate.of(2000, 1, 1),
                LocalDate.of(2017, 6, 1));
        Problem p = e.toProblem();
        assertEquals("PARAMETER_NOT_IN_FORCE", p.code().name());
        assertEquals("Tham số [applicant.childUnder] không có giá trị hiệu lực vào ngày [2000-01-01] (giá trị đầu tiên từ ngày [2017-06-01])",
                p.messageVi());
        assertEquals(e.getMessage(), p.messageEn());
        assertEquals(p.messageVi(), e.messageVi());
    }

    @Test
    void fill_keepsBracesThatAreNoPlaceholder_andAPlaceholderWithoutArgument() {
        assertEquals("{x y} 3 {z} {", Messages.fill("{x y} {a} {z} {", Map.of("a", "3")));
        assertEquals("{{{a}}}", Messages.fill("{{{b}}}", Map.of("b", "{a}")));
        assertEquals("a}b", Messages.fill("a}b", Map.of("a", "1")));
    }

    @Test
    void everyKernelProblemCode_hasAMessage() throws IllegalAccessException {
        for (Field f : ProblemCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ProblemCode.class) {
                String code = ((ProblemCode) f.get(null)).name();
                assertTrue(Messages.has(Messages.KERNEL, code), code);
            }
        }
    }

    @Test
    void render_withNamesAndValues_fillsThePlaceholders_andRefusesAnOddList() {
        String bundle = "io/github/motcua/kernel/bundlekeys/t";
        assertEquals("một 3", Messages.render(bundle, "T_ONE", java.util.Locale.forLanguageTag("vi"), "x", 3));
        assertEquals("one 3", Messages.render(bundle, "T_ONE", java.util.Locale.ENGLISH, "x", 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Messages.render(bundle, "T_ONE", java.util.Locale.ENGLISH, "x"));
    }
}
