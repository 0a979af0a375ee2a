package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.NormalisedValue;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 items 4-5 through the whole engine, on the Gia Lai business-household procedure (1.001612):
 * identifiers, phone numbers and dates typed as people type them are decided like their canonical
 * form (the dossier with {@code "0311 916 028"} ended INDETERMINATE with no deadline or fee),
 * and a dossier built in Java with the builders and a {@code LocalDate} form value is decided too.
 */
class TypedInputDecisionTest {
    static final String CODE = "1.001612";
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** The form of the procedure's base case (cases/_base.yaml), with the owner's values given. */
    static Map<String, Object> form(Object birthDate, String phone, String formerTaxCode) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("hoTen", "Lê Thị Hoa");
        owner.put("soDinhDanh", "052185009911");
        owner.put("ngaySinh", birthDate);
        owner.put("gioiTinh", "FEMALE");
        owner.put("soDienThoai", phone);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("chuHo", owner);
        form.put("loaiChuThe", "CA_NHAN");
        form.put("tenHoKinhDoanh", "Hộ kinh doanh Bánh ít lá gai Hoa");
        form.put("diaChiKinhDoanh", Map.of("maXa", "52-phuong-an-nhon", "diaChiChiTiet", "12 Trần Phú"));
        form.put("nganhNghe", "Sản xuất, bán lẻ bánh truyền thống");
        form.put("vonKinhDoanh", 50_000_000);
        form.put("soLaoDong", 3);
        form.put("daDangKyHoKinhDoanhKhac", false);
        if (formerTaxCode != null) {
            form.put("maSoThueCu", formerTaxCode);
        }
        return form;
    }

    static Dossier dossier(Map<String, Object> form) {
        return Dossier.builder(CODE, Channel.DESK, OffsetDateTime.parse("2026-03-09T10:00:00+07:00"))
                .unit("52-phuong-an-nhon")
                .applicant(Dossier.Applicant.builder().personalId("052185009911").fullName("Lê Thị Hoa")
                        .birthDate(LocalDate.of(1985, 5, 5)).sex("FEMALE").categories(Set.of())
                        .residenceUnit("52-phuong-an-nhon").build())
                .form(form).build();
    }

    static void decidedLikeTheCanonicalForm(Decision typed, Decision canonical) {
        assertEquals(Eligibility.ELIGIBLE, typed.eligibility(), () -> typed.cause() + " " + typed.form().violations());
        assertTrue(typed.form().valid(), () -> typed.form().violations().toString());
        assertNotNull(typed.deadline());
        assertEquals(canonical.deadline().due(), typed.deadline().due());
        assertNotNull(typed.fees());
        assertEquals(canonical.fees().total(), typed.fees().total());
        assertEquals(canonical.components(), typed.components());
    }

    @Test
    void decide_taxCodePhoneAndDateAsPeopleTypeThem_decidedLikeTheCanonicalForm() {
        Decision canonical = engine.decide(dossier(form("1985-05-05", "0389123456", "0311916028")));
        assertEquals(Eligibility.ELIGIBLE, canonical.eligibility(), () -> String.valueOf(canonical.cause()));
        for (String taxCode : List.of("0311 916 028", "03.11.916.028")) {
            decidedLikeTheCanonicalForm(engine.decide(dossier(form("05/05/1985", "+84 389 123 456", taxCode))), canonical);
        }
        decidedLikeTheCanonicalForm(engine.decide(dossier(form("1985-05-05", "0389.123.456", "0311 916 028"))), canonical);
    }

    @Test
    void decide_typedValues_decisionKeepsTheTypedTextBesideTheCanonicalValue() {
        Decision d = engine.decide(dossier(form("05/05/1985", "+84 389 123 456", "0311 916 028")));
        assertEquals(List.of(
                new NormalisedValue("/chuHo/ngaySinh", "05/05/1985", "1985-05-05", "date"),
                new NormalisedValue("/chuHo/soDienThoai", "+84 389 123 456", "0389123456", "vn-mobile"),
                new NormalisedValue("/maSoThueCu", "0311 916 028", "0311916028", "vn-tax-code")),
                d.form().normalised().stream().sorted(java.util.Comparator.comparing(NormalisedValue::pointer)).toList());
        String json = d.toJson();
        assertTrue(json.contains("\"path\" : \"/maSoThueCu\"") && json.contains("\"typed\" : \"0311 916 028\"")
                && json.contains("\"canonical\" : \"0311916028\""), json);
        assertTrue(d.toTextVi().contains("  - /maSoThueCu: \"0311 916 028\" → \"0311916028\""), d.toTextVi());
        assertTrue(d.toTextEn().contains("Values read in canonical form"), d.toTextEn());
        Decision canonical = engine.decide(dossier(form("1985-05-05", "0389123456", "0311916028")));
        assertEquals(List.of(), canonical.form().normalised());
    }

    @Test
    void decide_javaDossierWithALocalDateInTheForm_decided() {
        Decision canonical = engine.decide(dossier(form("1985-05-05", "0389123456", null)));
        decidedLikeTheCanonicalForm(engine.decide(dossier(form(LocalDate.of(1985, 5, 5), "0389123456", null))), canonical);
    }

    @Test
    void decide_typedValueThatIsNotATaxCode_stillRefusedAtItsField() {
        Decision d = engine.decide(dossier(form("1985-05-05", "0389123456", "0311 916 02")));
        assertEquals(Eligibility.INDETERMINATE, d.eligibility());
        assertEquals(List.of("/maSoThueCu"), d.form().violations().stream().map(Decision.FormViolation::path).toList());
    }
}
