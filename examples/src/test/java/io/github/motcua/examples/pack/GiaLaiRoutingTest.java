package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.testing.PackFolders;
import io.github.motcua.rules.ReceivingUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 on the Gia Lai pack: receipt and routing (the province's boundary-free rule over each
 * procedure's flag, the competent unit, the distinct WRONG_UNIT outcome with where to file), and the
 * province's committed time beside the law's maximum.
 */
class GiaLaiRoutingTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static Engine load(Path pack) {
        Engine e = Motcua.engine().clock(CLOCK).build();
        e.load(pack).orThrow();
        return e;
    }

    static String dossier(String name, UnaryOperator<String> change) {
        return change.apply(GiaLaiDecisionsTest.dossier(name));
    }

    /** A copy of the Gia Lai pack with edits, for the cases the real pack cannot show. */
    Path copy() {
        return PackFolders.copy(GiaLaiCasesTest.PACK, dir);
    }

    static void edit(Path file, UnaryOperator<String> change) {
        PackFolders.edit(file, change);
    }

    /** The pack without the province's rule, and birth registration not boundary-free by its own flag. */
    Path withoutProvinceRule() {
        Path p = copy();
        edit(p.resolve("pack.yaml"), s -> s.replace("  boundaryFree: true\n", ""));
        edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s.replace("boundaryFree: true", "boundaryFree: false"));
        edit(p.resolve("procedures/GL.LLTP.01/procedure.yaml"), s -> s.replace("boundaryFree: true", "boundaryFree: false"));
        return p;
    }

    @Nested
    class RealPack {
        @Test
        void birthFiledAwayFromResidence_isAcceptedByTheProvinceRuleAndTransferred() {
            try (Engine e = load(GiaLaiCasesTest.PACK)) {
                // a Pleiku resident registers a birth at the Ia O commune desk
                Decision d = e.decide(dossier("khai-sinh-sau-15-gio", s -> s.replace(
                        "\"residenceUnit\": \"52-xa-ia-o\"", "\"residenceUnit\": \"52-phuong-pleiku\"")));
                assertEquals(Eligibility.ELIGIBLE, d.eligibility());
                Decision.Routing r = d.routing();
                assertTrue(r.accepted());
                assertEquals("52-xa-ia-o", r.receivingUnit().code());
                assertEquals("52-phuong-pleiku", r.competentUnit().code());
                assertEquals("RESIDENCE", r.competenceBy());
                assertEquals(Boolean.TRUE, r.provinceBoundaryFree());
                assertTrue(r.procedureBoundaryFree());
                assertEquals("GL-2025-PHI-DIA-GIOI", r.basis().id());
                assertEquals(1, r.transfer().limit().amount());
                assertTrue(r.transfer().counted(), "the pack counts the transfer inside the time limit");
                // counted inside: the appointment is the one the case expects without routing
                assertEquals("2026-02-23T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
                assertTrue(d.trace().stream().anyMatch(t -> t.kind().equals(Decision.TraceStep.ROUTING)), d.trace().toString());
                // issue 19 item 3: the province's rule is cited at the line of routing: in pack.yaml, not line 0
                Decision.TraceStep step = d.trace().stream().filter(t -> t.kind().equals(Decision.TraceStep.ROUTING))
                        .findFirst().orElseThrow();
                assertEquals("pack.yaml", step.file());
                assertEquals(keyLine("pack.yaml", "routing:"), step.line(), step.toString());
                JsonNode j = JSON.readTree(d.toJson()).get("routing");
                assertEquals("52-xa-ia-o", j.get("receivingUnit").get("code").asString());
                assertEquals("52-phuong-pleiku", j.get("competentUnit").get("code").asString());
                assertTrue(j.get("accepted").asBoolean());
                assertTrue(j.get("boundaryFree").get("province").asBoolean());
                assertTrue(j.get("fileAt").isNull());
            }
        }

        @Test
        void receiptSlipAndControlSheet_nameTheReceivingAndTheCompetentUnit() {
            try (Engine e = load(GiaLaiCasesTest.PACK)) {
                io.github.motcua.rules.Dossier dossier = io.github.motcua.rules.Dossier.fromJson(
                        GiaLaiDecisionsTest.dossier("dat-dai-xa-kho-khan"));
                Decision d = e.decide(dossier);
                io.github.motcua.rules.Procedure p = e.catalog().stream().filter(x -> x.code().equals(d.procedure()))
                        .findFirst().orElseThrow();
                io.github.motcua.forms.document.DocumentHeader h = new io.github.motcua.forms.document.DocumentHeader(
                        "UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai",
                        java.time.LocalDate.of(2026, 3, 2), "HS-2026-0002", p.name().vi(),
                        io.github.motcua.forms.document.Addressee.named("Kpă Long"));
                java.util.Locale vi = java.util.Locale.forLanguageTag("vi-VN");
                String slip = e.forms().orElseThrow().documents().render(io.github.motcua.rules.DecisionDocuments.receiptSlip(
                        d, p, io.github.motcua.rules.DecisionDocuments.ReceiptDetails.of(h, dossier, "Trần Thị C")), vi);
                assertTrue(slip.contains("Đơn vị tiếp nhận: Trung tâm Phục vụ hành chính công tỉnh Gia Lai – cơ sở 69 Hùng Vương"), slip);
                assertTrue(slip.contains("Cơ quan có thẩm quyền giải quyết: Xã Ia Mơ"), slip);
                String sheet = e.forms().orElseThrow().documents().render(io.github.motcua.rules.DecisionDocuments.controlSheet(
                        d, h, dossier.receivedAt()), vi);
                assertTrue(sheet.contains("Cơ quan có thẩm quyền giải quyết: Xã Ia Mơ"), sheet);
            }
        }

        @Test
        void contractsAreBoundaryFree_evenThoughThePackOnceSaidOtherwise() {
            try (Engine e = load(GiaLaiCasesTest.PACK)) {
                assertTrue(e.catalog().stream().filter(p -> p.code().equals("2.001035")).findFirst().orElseThrow().boundaryFree());
            }
        }

        @Test
        void unitCatalogue_coversThe135CommuneLevelUnitsAndMarksEachUnverified() {
            try (Engine e = load(GiaLaiCasesTest.PACK)) {
                long communes = e.units().stream().filter(u -> u.kind().equals("COMMUNE")).count();
                long wards = e.units().stream().filter(u -> u.kind().equals("WARD")).count();
                // 110 communes and 25 wards, plus Ia Tách and Krông Pa kept for old dossiers (not among the 135)
                assertEquals(112, communes);
                assertEquals(25, wards);
                assertTrue(e.units().stream().noneMatch(ReceivingUnit::verified), "no unit code is official");
                assertTrue(e.units().stream().anyMatch(u -> u.code().equals("52-xa-ia-puch") && u.flags().contains("BORDER")));
                assertTrue(e.units().stream().anyMatch(u -> u.kind().equals("PROVINCIAL_DEPARTMENT")));
                assertEquals("127 Hai Bà Trưng, phường Quy Nhơn, tỉnh Gia Lai", e.units().stream()
                        .filter(u -> u.code().equals("52-tthcc-quy-nhon")).findFirst().orElseThrow().address());
            }
        }
    }

    @Nested
    class NotBoundaryFree {
        @Test
        void birthAtTheWrongCommune_isWrongUnitNotIneligible_andNamesWhereToFile() {
            try (Engine e = load(withoutProvinceRule())) {
                Decision d = e.decide(dossier("khai-sinh-sau-15-gio", s -> s.replace(
                        "\"residenceUnit\": \"52-xa-ia-o\"", "\"residenceUnit\": \"52-phuong-pleiku\"")));
                assertEquals(Eligibility.WRONG_UNIT, d.eligibility());
                assertTrue(d.reasons().isEmpty(), "nothing says the citizen may not do it");
                assertNull(d.deadline(), "not received: no appointment");
                assertNull(d.fees(), "not received: nothing charged");
                Decision.Routing r = d.routing();
                assertFalse(r.accepted());
                assertNull(r.provinceBoundaryFree());
                assertFalse(r.boundaryFree());
                assertEquals("52-phuong-pleiku", r.fileAt().code());
                assertTrue(r.messageVi().contains("Đề nghị nộp hồ sơ tại Phường Pleiku"), r.messageVi());
                JsonNode j = JSON.readTree(d.toJson());
                assertEquals("WRONG_UNIT", j.get("eligibility").asString());
                assertEquals("52-phuong-pleiku", j.get("routing").get("fileAt").get("code").asString());
                assertTrue(d.toTextVi().contains("KHÔNG TIẾP NHẬN TẠI ĐƠN VỊ NÀY"), d.toTextVi());
                // issue 19 item 3: the competence rule is cited at its line in procedure.yaml, not line 0
                Decision.TraceStep step = d.trace().stream().filter(t -> t.kind().equals(Decision.TraceStep.ROUTING))
                        .findFirst().orElseThrow();
                assertEquals("procedures/1.001193/procedure.yaml", step.file());
                assertEquals(competenceLine("1.001193"), step.line(), step.toString());
            }
        }

        @Test
        void birthAtTheResidenceCommune_isAcceptedWithoutTransfer() {
            try (Engine e = load(withoutProvinceRule())) {
                Decision d = e.decide(GiaLaiDecisionsTest.dossier("khai-sinh-sau-15-gio"));
                assertEquals(Eligibility.ELIGIBLE, d.eligibility());
                assertTrue(d.routing().accepted());
                assertNull(d.routing().transfer());
            }
        }

        @Test
        void judicialRecordAtACommune_isSentToTheProvincialCentreWithItsSourcedAddress() {
            try (Engine e = load(withoutProvinceRule())) {
                // filed online but addressed to a commune: online dossiers are routed the same way
                Decision d = e.decide(dossier("ly-lich-tu-phap-sinh-vien", s -> s.replace(
                        "\"unit\": \"52-tthcc-quy-nhon\"", "\"unit\": \"52-xa-ia-o\"")));
                assertEquals(Eligibility.WRONG_UNIT, d.eligibility());
                assertEquals("52-so-tu-phap", d.routing().competentUnit().code());
                // either site of the provincial centre receives for the department; the first in code order is named
                assertEquals("52-tthcc-pleiku", d.routing().fileAt().code());
                assertEquals("69 Hùng Vương, phường Pleiku, tỉnh Gia Lai", d.routing().fileAt().address());
                assertTrue(d.routing().messageVi().contains("địa chỉ: 69 Hùng Vương"), d.routing().messageVi());
                // and at the centre it is received for the department
                Decision ok = e.decide(GiaLaiDecisionsTest.dossier("ly-lich-tu-phap-sinh-vien"));
                assertEquals(Eligibility.ELIGIBLE, ok.eligibility());
                assertTrue(ok.routing().accepted());
            }
        }

        @Test
        void provinceRuleFalse_winsOverAProceduresTrueFlag_andBothAreShown() {
            Path p = copy();
            edit(p.resolve("pack.yaml"), s -> s.replace("  boundaryFree: true\n", "  boundaryFree: false\n"));
            try (Engine e = load(p)) {
                Decision d = e.decide(dossier("khai-sinh-sau-15-gio", s -> s.replace(
                        "\"residenceUnit\": \"52-xa-ia-o\"", "\"residenceUnit\": \"52-phuong-pleiku\"")));
                assertEquals(Eligibility.WRONG_UNIT, d.eligibility());
                assertTrue(d.routing().procedureBoundaryFree());
                assertEquals(Boolean.FALSE, d.routing().provinceBoundaryFree());
            }
        }
    }

    @Nested
    class Commitment {
        /** A test commitment (NOT a Gia Lai figure: none was found) on first land registration. */
        Path withCommitment(String commitment) {
            Path p = copy();
            edit(p.resolve("procedures/1.013978/procedure.yaml"), s -> s.replace(
                    "deadline: { amount: 17, unit: WORKING_DAYS, basis: ND101-2024-DD-LAN-DAU }",
                    "deadline: { amount: 17, unit: WORKING_DAYS, basis: ND101-2024-DD-LAN-DAU }\n" + commitment));
            return p;
        }

        @Test
        void appointmentCountsTheCommitment_andTheDecisionShowsBoth() {
            try (Engine max = load(GiaLaiCasesTest.PACK);
                    Engine e = load(withCommitment("commitment: { amount: 7.5, unit: WORKING_DAYS, note: \"test\" }"))) {
                Decision law = max.decide(landDossier());
                Decision d = e.decide(landDossier());
                assertTrue(d.deadline().due().isBefore(law.deadline().due()), d.deadline().due() + " vs " + law.deadline().due());
                Decision.Commitment c = d.commitment();
                assertEquals(17, c.maximum().amount());
                assertEquals(new BigDecimal("7.5"), c.amount());
                assertEquals("7,5 ngày làm việc", c.labelVi());
                // 7.5 days of 7 h 30 (07:30–11:30, 13:30–17:00) = 56.25 h, rounded up to 57 working hours
                assertEquals(57, c.counted().amount());
                assertEquals(new BigDecimal("55.9"), c.cutPercent());
                JsonNode j = JSON.readTree(d.toJson()).get("commitment");
                assertEquals(17, j.get("maximum").get("amount").asInt());
                assertEquals("7,5 ngày làm việc", j.get("committed").get("labelVi").asString());
                assertNull(law.commitment(), "no commitment in the real pack: none was published that we found");
            }
        }

        /** Issue 14 item 4: the steps' budgets add up to the commitment where one is published. */
        @Test
        void aWholeDayCommitment_rescalesTheCountedStepsToAddUpToIt_andTheLastEndsAtTheAppointment() {
            try (Engine e = load(withCommitment("commitment: { amount: 10, unit: WORKING_DAYS, note: \"test\" }"))) {
                Decision d = e.decide(landDossier());
                java.util.List<io.github.motcua.calendar.StepDue> steps = d.deadline().steps();
                // the committed 10 working days + 3 for the certificate: 1-3-11-1-1 (17) becomes 1-2-8-1-1 (13)
                assertEquals(java.util.List.of(1L, 2L, 8L, 1L, 1L), steps.stream().map(s -> s.step().budget().amount()).toList());
                assertEquals(d.deadline().due(), steps.get(steps.size() - 1).due());
                assertTrue(d.notes().stream().noneMatch(n -> n.messageEn().contains("do not fit")), d.notes().toString());
            }
        }

        @Test
        void catalogue_showsTheMaximumAndTheCommitmentWithTheCutInPercent() {
            try (Engine e = load(withCommitment("commitment: { amount: 7.5, unit: WORKING_DAYS }"))) {
                io.github.motcua.examples.catalog.Catalogue c = io.github.motcua.examples.catalog.Catalogues.catalogue(e,
                        e::feeTable, java.time.LocalDate.of(2026, 3, 1));
                io.github.motcua.examples.catalog.CatalogueEntry land = c.boundaryFree().stream()
                        .filter(x -> x.code().equals("1.013978")).findFirst().orElseThrow();
                assertEquals("tối đa 17 ngày làm việc theo quy định; tỉnh cam kết 7,5 ngày làm việc (giảm 55,9%)",
                        land.deadlineLabel(false));
                assertTrue(land.deadlineLabel(true).contains("55.9% shorter"), land.deadlineLabel(true));
            }
        }

        /** A step's condition naming a field the form lacks would silently drop the tax authority's step. */
        @Test
        void check_refusesAStepConditionOnAFieldTheFormDoesNotDeclare() {
            Path p = copy();
            edit(p.resolve("procedures/1.013978/procedure.yaml"), s -> s.replace(
                    "when: { field: canXacDinhNghiaVuTaiChinh, equals: true }", "when: { field: canXacDinhNghiaVuTaiChin, equals: true }"));
            try (Engine e = Motcua.engine().build()) {
                LoadResult r = e.load(p);
                assertFalse(r.ok());
                assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("STEP_UNKNOWN_FIELD")
                        && x.file().equals("procedures/1.013978/procedure.yaml") && x.line() > 0
                        && x.messageVi().contains("canXacDinhNghiaVuTaiChinh")), r.problems().toString());
            }
        }

        @Test
        void check_refusesACommitmentLongerThanTheMaximum() {
            try (Engine e = Motcua.engine().build()) {
                LoadResult r = e.load(withCommitment("commitment: { amount: 18, unit: WORKING_DAYS }"));
                assertFalse(r.ok());
                assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("COMMITMENT_EXCEEDS_MAXIMUM")
                        && x.file().equals("procedures/1.013978/procedure.yaml") && x.line() > 0), r.problems().toString());
            }
        }

        private String landDossier() {
            return """
                    {"procedure":"1.013978","channel":"DESK","receivedAt":"2026-03-02T09:00:00+07:00","unit":"52-phuong-pleiku",
                     "applicant":{"personalId":"064075001122","fullName":"Kpă Long","birthDate":"1975-07-07","sex":"MALE",
                     "categories":[],"residenceUnit":"52-phuong-pleiku"},
                     "form":%s}""".formatted(landForm());
        }

        private String landForm() {
            try {
                // the form of the pack's own case (its base dossier's form with the case's changes merged in),
                // so the dossier stays valid as the form evolves
                JsonNode base = io.github.motcua.examples.pack.GiaLaiRoutingTest.YAML.readTree(
                        Files.readString(GiaLaiCasesTest.PACK.resolve("procedures/1.013978/cases/_base.yaml")));
                JsonNode cases = io.github.motcua.examples.pack.GiaLaiRoutingTest.YAML.readTree(
                        Files.readString(GiaLaiCasesTest.PACK.resolve("procedures/1.013978/cases/phuong-do-thi.yaml")));
                JsonNode form = base.get("dossier").get("form").deepCopy();
                merge((tools.jackson.databind.node.ObjectNode) form, cases.get(0).get("dossier").get("form"));
                return JSON.writeValueAsString(form);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The cases' deep merge: a case's value replaces the base's, a null removes it. */
    static void merge(tools.jackson.databind.node.ObjectNode into, JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            return;
        }
        for (var e : changes.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                into.remove(e.getKey());
            } else if (v.isObject() && into.get(e.getKey()) instanceof tools.jackson.databind.node.ObjectNode o) {
                merge(o, v);
            } else {
                into.set(e.getKey(), v);
            }
        }
    }

    static final tools.jackson.dataformat.yaml.YAMLMapper YAML = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();

    /** The line of {@code competence:} in the Gia Lai procedure.yaml of {@code code}. */
    static int competenceLine(String code) {
        return keyLine("procedures/" + code + "/procedure.yaml", "competence:");
    }

    /** The 1-based line of the Gia Lai pack file that starts with {@code prefix}. */
    static int keyLine(String file, String prefix) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(GiaLaiCasesTest.PACK.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no " + prefix + " in " + file);
    }
}
