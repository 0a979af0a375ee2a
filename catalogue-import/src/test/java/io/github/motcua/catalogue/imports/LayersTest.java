package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysts' work survives a re-import; the re-import prints a diff; --check changes nothing and reports drift. */
class LayersTest {
    @TempDir
    Path tmp;

    private static String rec(String time, String fee) {
        return ImportFixtures.record("9.000020", "[" + ImportFixtures.method("DIRECT", time, "WORKING_DAY",
                "[{\"type\":\"FEE\",\"value\":" + fee + "}]") + "]", "");
    }

    @Test
    void reImportKeepsOverridesRulesAndCasesAndPrintsTheDiff() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path f = ImportFixtures.write(in, "r.json", rec("15", "50000"));
        ImportReport first = Importer.into(pack).importRecords(List.of(f));
        assertTrue(first.ok(), first.text());
        assertTrue(first.changes().stream().anyMatch(c -> c.kind() == Change.Kind.ADDED && c.code().equals("9.000020")));
        Path folder = pack.resolve("procedures/9.000020");
        // the province committed 10 working days (a local decision), recorded against the official 15
        Files.writeString(folder.resolve("local.yaml"), """
                overrides:
                  - field: deadline
                    value: { amount: 10, unit: WORKING_DAYS }
                    official: { amount: 15, unit: WORKING_DAYS }
                    reason: "Tỉnh cam kết rút ngắn thời hạn"
                    basis: QD-TEST-2026
                """, StandardCharsets.UTF_8);
        String rule = "rule \"Người dưới 18 tuổi không được đề nghị\"\n  @basis(\"QD-TEST-2026\")\nwhen\n"
                + "  Applicant( age >= 0, age < 18 )\nthen\n  decision.ineligible(\"Chưa đủ 18 tuổi\");\nend\n";
        Files.writeString(folder.resolve("rules.drl"), rule, StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("cases"));
        Files.writeString(folder.resolve("cases/co-ban.yaml"), """
                - name: "Hồ sơ nộp trực tiếp"
                  dossier: { channel: DESK, receivedAt: "2026-03-02T09:00:00+07:00" }
                  expect: { eligibility: ELIGIBLE }
                """, StandardCharsets.UTF_8);
        // the national record changes: 12 working days, fee 60.000
        ImportFixtures.write(in, "r.json", rec("12", "60000"));
        ImportReport second = Importer.into(pack).importRecords(List.of(f));
        assertTrue(second.ok(), second.text());
        assertTrue(second.changes().stream().anyMatch(c -> c.kind() == Change.Kind.CHANGED && c.what().equals("deadline.DESK")
                && c.before().equals("15 WORKING_DAYS") && c.after().equals("12 WORKING_DAYS")), second.text());
        assertTrue(second.changes().stream().anyMatch(c -> c.kind() == Change.Kind.CHANGED && c.what().equals("fees.DESK")
                && c.after().equals("FEE 60000")), second.text());
        assertTrue(second.changes().stream().anyMatch(c -> c.kind() == Change.Kind.OVERRIDE_CONFLICT && c.what().equals("deadline")),
                second.text());
        assertEquals(rule, Files.readString(folder.resolve("rules.drl"), StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(folder.resolve("local.yaml")));
        assertTrue(Files.isRegularFile(folder.resolve("cases/co-ban.yaml")));
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            var p = engine.catalog().stream().filter(x -> x.code().equals("9.000020")).findFirst().orElseThrow();
            assertEquals(10, p.deadline().limit().amount(), "the override wins over the national 12");
            assertEquals("QD-TEST-2026", p.deadline().basis().id());
            var d = engine.decide("{\"procedure\": \"9.000020\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
            assertEquals("ELIGIBLE", d.eligibility().name(), "a procedure with a rule is assessed");
        }
    }

    @Test
    void anOverrideWithoutReasonOrBasisIsRefused() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path f = ImportFixtures.write(in, "r.json", rec("15", "0"));
        assertTrue(Importer.into(pack).importRecords(List.of(f)).ok());
        Files.writeString(pack.resolve("procedures/9.000020/local.yaml"),
                "overrides:\n  - { field: boundaryFree, value: false }\n", StandardCharsets.UTF_8);
        ImportReport r = Importer.into(pack).importRecords(List.of(f));
        assertFalse(r.ok());
        assertEquals(ImportProblem.Kind.BAD_OVERRIDE, r.refused().get(0).kind());
    }

    @Test
    void checkChangesNothingAndReportsDriftOfAHandWrittenProcedure() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path folder = Files.createDirectories(pack.resolve("procedures/2.000884"));
        Files.writeString(folder.resolve("procedure.yaml"), """
                code: "2.000884"
                name: { vi: "Chứng thực chữ ký" }
                level: COMMUNE
                channels: [DESK]
                onlineLevel: NONE
                boundaryFree: true
                legalBases: [ND118-2025]
                deadline: { amount: 0, unit: SAME_DAY }
                components:
                  - { id: giay-to, name: { vi: "Giấy tờ tùy thân" }, form: ORIGINAL }
                """, StandardCharsets.UTF_8);
        String before = ImportFixtures.digest(pack);
        ImportReport r = Importer.into(pack).check(List.of(ImportFixtures.record("2.000884")));
        assertTrue(r.ok(), r.text());
        assertFalse(r.written());
        assertEquals(before, ImportFixtures.digest(pack));
        List<String> drift = r.changes().stream().filter(c -> c.kind() == Change.Kind.DRIFT).map(Change::what).toList();
        assertTrue(drift.containsAll(List.of("deadline.DESK", "fees.DESK", "components", "legalBases", "phiDiaGioi")), drift.toString());
        assertTrue(r.json().contains("\"kind\" : \"DRIFT\""));
    }
}
