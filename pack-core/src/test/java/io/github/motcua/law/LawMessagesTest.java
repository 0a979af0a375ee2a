package io.github.motcua.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.Problem;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The citation words and the parameter exception's message come from the kernel bundle, Vietnamese and English. */
class LawMessagesTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

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
}
