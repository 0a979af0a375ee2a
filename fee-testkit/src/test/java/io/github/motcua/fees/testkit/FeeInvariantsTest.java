package io.github.motcua.fees.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeKind;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.FeeSource;
import io.github.motcua.fees.Money;
import io.github.motcua.law.LegalBasis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Each invariant catches the broken oracle it is meant for, and prints a case YAML that parses. */
class FeeInvariantsTest {

    static final LegalBasis B = LegalBasis.of("T", "Thông tư thử");

    static Map<String, Object> dossier(String channel, Map<String, Object> form) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("procedure", "2.000815");
        d.put("channel", channel);
        d.put("receivedAt", "2026-02-13T09:30:00+07:00");
        d.put("asOf", "2026-02-13");
        d.put("applicant", Map.of("categories", List.of()));
        d.put("form", form);
        return d;
    }

    static FeeAssessment flat(long amount) {
        return FeeAssessment.of(List.of(FeeLine.builder().item("ban-sao").descriptionVi("Bản sao").descriptionEn("Copy")
                .amount(Money.of(amount)).basis(B).build()));
    }

    @Test
    void onlineNotDearer_onlineCostsMore_violationWithCaseYaml() {
        FeeOracle dearerOnline = d -> flat("ONLINE".equals(d.get("channel")) ? 10_000 : 5_000);
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.checkAll(dearerOnline, dossier("DESK", Map.of("soTrang", 5))));
        assertEquals("online-not-dearer", v.invariant());
        JsonNode c = new YAMLMapper().readTree(v.caseYaml()).get(0);
        assertTrue(c.get("name").asString().contains("online-not-dearer"));
        assertEquals("ONLINE", c.get("dossier").get("channel").asString());
        assertTrue(c.get("dossier").get("procedure").isString(), "a procedure code must not read back as a number");
        assertEquals("2.000815", c.get("dossier").get("procedure").asString());
        assertTrue(v.caseYaml().contains("\"2026-02-13\""), v.caseYaml());
        assertEquals(5, c.get("dossier").get("form").get("soTrang").asInt());
        assertEquals(10_000, c.get("expect").get("fees").get("total").asLong());
        assertEquals(10_000, c.get("expect").get("fees").get("lines").get("ban-sao").asLong());
        assertTrue(v.getMessage().contains("- name:"), v.getMessage());
        // the words from the kit's bundle, Vietnamese first, as they were written inline
        assertTrue(v.getMessage().startsWith("Bất biến phí bị vi phạm / fee invariant violated: [online-not-dearer]\n"
                + "Nộp trực tuyến 10000 > nộp trực tiếp 5000 / online dearer than at the desk\nCa kiểm thử / case to paste:\n"),
                v.getMessage());
        assertTrue(v.caseYaml().contains("# expect.fees = giá trị quan sát được, hãy sửa thành mức thu đúng luật trước khi dán"
                + " / observed values: correct them to the lawful amounts before pasting\n"), v.caseYaml());
    }

    @Test
    void deterministic_feeChangesBetweenCalls_violation() {
        AtomicLong n = new AtomicLong(1000);
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.checkAll(d -> flat(n.incrementAndGet()), dossier("DESK", Map.of())));
        assertEquals("deterministic", v.invariant());
    }

    @Test
    void quantityMonotonic_feeFallsWithMorePages_violation() {
        FeeOracle falling = d -> {
            long pages = ((Number) ((Map<?, ?>) d.get("form")).get("soTrang")).longValue();
            return flat(Math.max(0, 10_000 - pages));
        };
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.quantityMonotonic(falling, dossier("DESK", Map.of("soTrang", 3)), "soTrang"));
        assertEquals("quantity-monotonic", v.invariant());
        assertTrue(v.caseYaml().contains("soTrang: 4"), v.caseYaml());
    }

    @Test
    void unreadFieldsIrrelevant_feeDependsOnAName_violation() {
        FeeOracle readsName = d -> flat(((Map<?, ?>) d.get("form")).containsKey("hoTen") ? 2_000 : 1_000);
        Map<String, Object> d = dossier("DESK", Map.of("soTrang", 1, "hoTen", "Lê Thị Ánh"));
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.unreadFieldsIrrelevant(readsName, d, Set.of("soTrang")));
        assertEquals("unread-fields-irrelevant", v.invariant());
        assertDoesNotThrow(() -> FeeInvariants.unreadFieldsIrrelevant(readsName, d, Set.of("soTrang", "hoTen")));
    }

    @Test
    void capNeverExceeded_lineAboveItsCap_violation() {
        FeeLine over = FeeLine.builder().item("ban-sao").descriptionVi("Bản sao").descriptionEn("Copy")
                .quantity(300).amount(Money.of(302_000)).basis(B).kind(FeeKind.PHI).capPerCopy(Money.of(200_000))
                .source(FeeSource.rule("t")).build();
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.capNeverExceeded(FeeAssessment.of(List.of(over)), dossier("DESK", Map.of())));
        assertEquals("cap-never-exceeded", v.invariant());
    }

    @Test
    void exemptedLineIsZero_exemptedButCharged_violation() {
        FeeAdjustment ex = new FeeAdjustment(FeeAdjustment.Kind.EXEMPT, 100, Money.ZERO, "Trẻ em", "Child", B, FeeSource.rule("t"));
        FeeLine charged = FeeLine.builder().item("llt").descriptionVi("Phí").descriptionEn("Fee")
                .amount(Money.of(200_000)).basis(B).kind(FeeKind.PHI).adjustment(ex).source(FeeSource.rule("t")).build();
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.exemptedLineIsZero(FeeAssessment.of(List.of(charged)), dossier("DESK", Map.of())));
        assertEquals("exempted-line-zero", v.invariant());
    }

    @Test
    void totalIsSum_adjustmentsDoNotAddUp_violation() {
        FeeAdjustment half = new FeeAdjustment(FeeAdjustment.Kind.REDUCE, 50, Money.of(100), "Giảm", "Cut", B, FeeSource.rule("t"));
        FeeLine wrong = FeeLine.builder().item("x").descriptionVi("Phí").descriptionEn("Fee").amount(Money.of(500))
                .gross(Money.of(1_000)).basis(B).kind(FeeKind.PHI).adjustment(half).source(FeeSource.rule("t")).build();
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class,
                () -> FeeInvariants.totalIsSum(FeeAssessment.of(List.of(wrong)), dossier("DESK", Map.of())));
        assertEquals("total-is-sum", v.invariant());
    }

    @Test
    void checkAll_oracleThrows_violationNotRawException() {
        FeeInvariantViolation v = assertThrows(FeeInvariantViolation.class, () -> FeeInvariants.checkAll(d -> {
            throw new IllegalStateException("boom");
        }, dossier("DESK", Map.of())));
        assertEquals("no-exception", v.invariant());
        assertTrue(v.getMessage().contains("boom"));
    }
}
