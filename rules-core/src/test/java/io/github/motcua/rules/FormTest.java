package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.internal.DossierJson;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import io.github.motcua.rules.vocabulary.VocabularyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed access to form fields and applicant facts. */
class FormTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    static final Unit IA_O = new Unit("52-xa-ia-o", "Xã Ia O", "COMMUNE", Set.of("DISADVANTAGED"));
    static final Form FORM = new Form(DossierJson.deepCopy(Map.of(
            "thuaDat", Map.of("maXa", "52-xa-ia-o", "dienTich", new BigDecimal("120.5")),
            "conCai", List.of(Map.of("hoTen", "A"), Map.of("hoTen", "B")),
            "treEm", Map.of("ngaySinh", "2026-01-01"),
            "soTrang", 5, "ten", "Nguyễn Văn A", "uyQuyen", true)), AS_OF, c -> c.equals(IA_O.getCode()) ? IA_O : null);

    @Test
    void accessors_readTypedValuesByPath() {
        assertEquals("Nguyễn Văn A", FORM.text("ten"));
        assertEquals(5L, FORM.integer("soTrang"));
        assertEquals(new BigDecimal("120.5"), FORM.decimal("thuaDat.dienTich"));
        assertEquals(Boolean.TRUE, FORM.bool("uyQuyen"));
        assertEquals(LocalDate.of(2026, 1, 1), FORM.date("treEm.ngaySinh"));
        assertEquals(60L, FORM.ageInDays("treEm.ngaySinh")); // 31 days of January + 28 of February + 1
        assertEquals(0, FORM.ageInYears("treEm.ngaySinh"));
        assertEquals(2, FORM.count("conCai"));
        assertEquals("B", FORM.text("conCai.1.hoTen"));
        assertTrue(FORM.has("thuaDat.maXa"));
        assertTrue(FORM.unitHasFlag("thuaDat.maXa", "DISADVANTAGED"));
        assertFalse(FORM.unitHasFlag("thuaDat.maXa", "BORDER"));
    }

    @Test
    void accessors_missingField_readAsNullOrZero() {
        assertNull(FORM.text("khong.co"));
        assertNull(FORM.integer("khong"));
        assertEquals(0, FORM.count("khong"));
        assertFalse(FORM.has("khong"));
        assertFalse(FORM.unitHasFlag("khong", "BORDER"));
    }

    @Test
    void accessors_wrongType_throwNamingTheField() {
        VocabularyException e = assertThrows(VocabularyException.class, () -> FORM.integer("ten"));
        assertTrue(e.messageVi().contains("[ten]"));
        // the words from the bundle (vocabulary.wrongType, vocabulary.type.integer), as they were written inline
        assertTrue(e.messageVi().startsWith("Trường [ten] không phải số nguyên: ["), e.messageVi());
        assertTrue(e.getMessage().startsWith("field [ten] is not a whole number: ["), e.getMessage());
        assertThrows(VocabularyException.class, () -> FORM.date("ten"));
        assertThrows(VocabularyException.class, () -> FORM.bool("soTrang"));
        assertThrows(VocabularyException.class, () -> FORM.count("ten"));
    }

    @Test
    void applicant_age_isFullYearsOnAsOf_andDerivesChildAndElderly() {
        Applicant sixteenTomorrow = new Applicant(null, null, LocalDate.of(2010, 3, 3), null, Set.of(), null, AS_OF);
        assertEquals(15, sixteenTomorrow.getAge());
        assertTrue(sixteenTomorrow.hasCategory("CHILD")); // Luật Trẻ em 2016 Art. 1: under 16
        Applicant sixty = new Applicant(null, null, LocalDate.of(1966, 3, 2), null, Set.of(), null, AS_OF);
        assertTrue(sixty.hasCategory("ELDERLY")); // Luật Người cao tuổi Art. 2: from 60
        Applicant leap = new Applicant(null, null, LocalDate.of(2008, 2, 29), null, Set.of(), null, LocalDate.of(2026, 2, 28));
        assertEquals(18, leap.getAge()); // BLDS 2015 Art. 148 (unverified): the year ends on 28 February
        assertEquals(-1, new Applicant(null, null, null, null, Set.of(), null, AS_OF).getAge());
    }
}
