package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeLine;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar, fee tables and forms wired into decisions. Birth registration in the test pack:
 * received Monday 02/3/2026 09:00; a placeholder fee of 8,000 đ waived within 60 days of the birth
 * (Luật Hộ tịch Art. 11(1)(b)).
 */
class IntegrationTest {
    static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,charge,"
            + "channel,categories,percent,stacks,validFrom,validTo,basis,verified,note\n";
    static final String FEES = HEADER
            + "RATE,le-phi-khai-sinh,LE_PHI,Lệ phí đăng ký khai sinh,Birth registration fee,FLAT,8000,,,,,,,,,,,,,LHT-2014-D11,,\n";
    static final String FORM = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"giayChungSinh\"],\"properties\":{\"giayChungSinh\":{\"type\":\"string\",\"title\":\"Giấy chứng sinh\","
            + "\"enum\":[\"CO\",\"KHONG_CO\"]},\"nguoiLamChung\":{\"type\":\"string\"},\"noiSinh\":{\"type\":\"string\"},\"treEm\":{\"type\":\"object\"}}}";

    @TempDir
    Path dir;

    Path pack(String fees) {
        Path p = TestPacks.copy("ho-tich", dir);
        if (fees != null) {
            TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), fees);
        }
        return p;
    }

    @Nested
    class Fees {
        @Test
        void decide_bornTenDaysBefore_ruleExemptionZeroesTheLineAndIsTracedWithItsBasis() {
            try (Engine e = TestPacks.loaded(pack(FEES))) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2026-02-20\"}}"));
                assertEquals(0, d.fees().total().dong());
                FeeLine l = d.fees().line("le-phi-khai-sinh").orElseThrow();
                assertEquals(8000, l.gross().dong());
                assertEquals(1, l.adjustments().size());
                assertTrue(d.trace().stream().anyMatch(t -> t.kind().equals(Decision.TraceStep.FEE_ADJUSTMENT)
                        && t.basis().id().equals("LHT-2014-D11")), () -> d.trace().toString());
                assertTrue(d.toTextVi().contains("Tổng cộng: 0 đ"), d.toTextVi());
            }
        }

        @Test
        void decide_bornNinetyOneDaysBefore_pays8000() {
            try (Engine e = TestPacks.loaded(pack(FEES))) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2025-12-01\"}}"));
                assertEquals(8000, d.fees().total().dong());
                assertTrue(d.toTextVi().contains("Tổng cộng: 8.000 đ"), d.toTextVi());
                assertTrue(d.toTextVi().contains("Lệ phí đăng ký khai sinh (8.000 đ/trường hợp): 8.000 đ"), d.toTextVi());
                // the English summary: English name, tariff and amounts (was the Vietnamese "8.000 đ" and no tariff)
                assertTrue(d.toTextEn().contains("Birth registration fee (VND 8,000 per case): VND 8,000"), d.toTextEn());
                assertTrue(d.toTextEn().contains("Total: VND 8,000"), d.toTextEn());
                assertTrue(e.feeTable("1.001193").isPresent());
            }
        }

        @Test
        void decide_noRateInForceOnTheDate_isIndeterminateWithTheCauseNotAStackTrace() {
            String later = FEES.replace(",,,,,,,,,,,,,LHT-2014-D11", ",,,,,,,,,,,2027-01-01,,LHT-2014-D11");
            try (Engine e = TestPacks.loaded(pack(later))) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
                assertEquals(Eligibility.INDETERMINATE, d.eligibility());
                assertEquals(Decision.Cause.Code.FEES_FAILED, d.cause().code());
                assertTrue(d.cause().messageVi().startsWith("Không tính được phí, lệ phí"), d.cause().messageVi());
                assertNull(d.fees());
                assertNull(d.deadline());
            }
        }
    }

    @Nested
    class Loading {
        @Test
        void load_feeTableWithUnknownBasis_isAProblemWithFileAndLine() {
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(pack(FEES.replace("LHT-2014-D11", "KHONG-CO")));
                assertFalse(r.ok());
                PackProblem p = r.problems().get(0);
                assertEquals("procedures/1.001193/fees.csv", p.file());
                assertEquals(2, p.line());
                assertTrue(p.messageVi().contains("KHONG-CO"), p.toString());
            }
        }

        @Test
        void reload_brokenFeeTable_keepsTheOldPackAndItsFees() throws Exception {
            Path p = pack(FEES);
            try (Engine e = TestPacks.loaded(p)) {
                TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), FEES.replace("8000", "-5"));
                ReloadResult r = e.reload(p).get(60, TimeUnit.SECONDS);
                assertFalse(r.swapped());
                assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("procedures/1.001193/fees.csv")), r.problems()::toString);
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2025-12-01\"}}"));
                assertEquals(8000, d.fees().total().dong());
            }
        }

        @Test
        void load_badCalendarFile_isAProblemNamingTheFile() {
            Path p = pack(null);
            TestPacks.write(p.resolve("calendar/2026.yaml"), "kind: schedule\nyear: nam-hai-nghin\n");
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(p);
                assertFalse(r.ok());
                assertEquals("calendar/2026.yaml", r.problems().get(0).file());
                assertTrue(r.problems().get(0).line() > 0, r.problems().get(0)::toString);
            }
        }
    }

    @Nested
    class Forms {
        @Test
        void decide_missingRequiredField_isFormInvalidWithCountAndCatalogueComponents() {
            Path p = pack(null);
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM);
            try (Engine e = TestPacks.loaded(p)) {
                Decision d = e.decide(TestPacks.birth("{}"));
                assertEquals(Eligibility.INDETERMINATE, d.eligibility());
                assertEquals(Decision.Cause.Code.FORM_INVALID, d.cause().code());
                // the cause names the field and what is wrong, not only how many
                assertEquals("Tờ khai có 1 lỗi cần sửa: [giayChungSinh] Giấy chứng sinh — " + d.form().violations().get(0).messageVi(),
                        d.cause().messageVi());
                assertTrue(d.cause().messageEn().startsWith("The form has 1 error to fix: [giayChungSinh] "), d.cause().messageEn());
                assertEquals(1, d.form().violations().size());
                assertEquals("Giấy chứng sinh", d.form().violations().get(0).label());
                assertEquals("required", d.form().violations().get(0).keyword());
                assertEquals(java.util.List.of("to-khai"), d.components().stream().map(RequiredComponent::id).toList());
                assertTrue(d.toJson().contains("\"FORM_INVALID\""));
                // receipt runs before the form: a decision stopped by its form keeps its routing part
                assertTrue(d.routing() != null && d.routing().accepted(), String.valueOf(d.routing()));
            }
        }

        @Test
        void decide_decomposedVietnameseInTheForm_rulesSeeItNormalisedToNfc() {
            Path p = pack(null);
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM);
            TestPacks.write(p.resolve("procedures/1.001193/noi-sinh.drl"), "rule \"Sinh tại Phường Pleiku\"\n"
                    + "  @basis(\"LHT-2014-D16\")\nwhen\n  Form( text(\"noiSinh\") == \"Phường Pleiku\" )\nthen\n"
                    + "  decision.note(\"Nơi sinh: Phường Pleiku\");\nend\n");
            String nfd = java.text.Normalizer.normalize("Phường Pleiku", java.text.Normalizer.Form.NFD);
            try (Engine e = TestPacks.loaded(p)) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"noiSinh\":\"" + nfd + "\"}"));
                assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("Nơi sinh: Phường Pleiku")),
                        () -> d.notes().toString());
            }
        }

        /**
         * A step's {@code when} is decided on the same data as the rules: text the citizen's device sent
         * decomposed (NFD) and a date typed day-first match the pack's NFC text and ISO date, as they do
         * for the rules; before, the steps read the raw form and silently dropped both steps.
         */
        @Test
        void decide_stepConditions_seeTheNormalisedFormAsTheRulesDo() {
            Path p = pack(null);
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM.replace("\"treEm\":{\"type\":\"object\"}",
                    "\"treEm\":{\"type\":\"object\"},\"ngayHen\":{\"type\":\"string\",\"format\":\"date\"}"));
            TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), y -> y
                    .replace("budget: { amount: 1, unit: WORKING_HOURS } }",
                            "budget: { amount: 1, unit: WORKING_HOURS }, when: { field: ngayHen, equals: \"2026-02-13\" } }")
                    .replace("budget: { amount: 2, unit: WORKING_HOURS } }",
                            "budget: { amount: 2, unit: WORKING_HOURS }, when: { field: noiSinh, equals: \"Phường Pleiku\" } }"));
            TestPacks.write(p.resolve("procedures/1.001193/noi-sinh.drl"), "rule \"Sinh tại Phường Pleiku\"\n"
                    + "  @basis(\"LHT-2014-D16\")\nwhen\n  Form( text(\"noiSinh\") == \"Phường Pleiku\", text(\"ngayHen\") == \"2026-02-13\" )\n"
                    + "then\n  decision.note(\"Nơi sinh: Phường Pleiku\");\nend\n");
            String nfd = java.text.Normalizer.normalize("Phường Pleiku", java.text.Normalizer.Form.NFD);
            try (Engine e = TestPacks.loaded(p)) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"noiSinh\":\"" + nfd
                        + "\",\"ngayHen\":\"13/02/2026\"}"));
                assertEquals(Eligibility.ELIGIBLE, d.eligibility(), String.valueOf(d.cause()));
                assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().equals("Nơi sinh: Phường Pleiku")),
                        () -> "the rules see the normalised values: " + d.notes());
                assertEquals(java.util.List.of("tiep-nhan", "giai-quyet"),
                        d.deadline().steps().stream().map(s -> s.step().id()).toList(), "the steps see them too");
                // and a value that really differs still drops its step
                Decision other = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"noiSinh\":\"Phường Diên Hồng\","
                        + "\"ngayHen\":\"13/02/2026\"}"));
                assertEquals(java.util.List.of("tiep-nhan"), other.deadline().steps().stream().map(s -> s.step().id()).toList());
            }
        }

        @Test
        void decide_validForm_isCheckedAndTheRulesRun() {
            Path p = pack(null);
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM);
            try (Engine e = TestPacks.loaded(p)) {
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
                assertEquals(Eligibility.ELIGIBLE, d.eligibility());
                assertTrue(d.form().checked());
                assertTrue(d.form().valid());
                assertTrue(d.component("giay-chung-sinh").isPresent());
            }
        }
    }
}
