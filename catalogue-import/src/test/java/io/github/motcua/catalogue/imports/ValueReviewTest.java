package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 3: every imported value carries its provenance and its own trust marking. An analyst marks
 * one value reviewed (the desk deadline) while the online deadline and the fees stay unverified, and the
 * decision names exactly the values still unreviewed.
 */
class ValueReviewTest {
    @TempDir
    Path tmp;

    private static final String FEES = "[{\"type\":\"FEE\",\"value\":50000}]";

    private Path imported() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        ImportFixtures.write(in, "r.json", ImportFixtures.record("9.000030", "[" + ImportFixtures.method("DIRECT", "15", "WORKING_DAY", FEES)
                + "," + ImportFixtures.method("ONLINE", "15", "WORKING_DAY", FEES) + "]", ""));
        ImportReport r = Importer.into(pack).importRecords(List.of(in));
        assertTrue(r.ok(), r.text());
        return pack;
    }

    private static Procedure procedure(Engine engine) {
        return engine.catalog().stream().filter(x -> x.code().equals("9.000030")).findFirst().orElseThrow();
    }

    private static String notes(Decision d) {
        return d.notes().stream().map(Decision.Note::messageVi).collect(Collectors.joining("\n"));
    }

    @Test
    void everyImportedValueNamesWhereItWasReadAndStartsUnreviewed() throws Exception {
        Path pack = imported();
        JsonNode src = Layers.readYaml(pack.resolve("procedures/9.000030/procedure.yaml")).get("source");
        List<String> values = new java.util.ArrayList<>();
        src.get("values").forEach(v -> {
            values.add(v.get("value").asString());
            assertFalse(v.get("verified").asBoolean(), v.toString());
            assertFalse(v.get("from").asString().isBlank(), v.toString());
        });
        // boundaryFree is the province's rule in the test pack (import.yaml), not an imported value
        assertTrue(values.containsAll(List.of("name", "field", "level", "agency", "channels", "onlineLevel", "legalBases",
                "deadline.DESK", "deadline.ONLINE", "fees.DESK", "fees.ONLINE", "components")), values.toString());
        assertEquals("/executionMethods/0", src.get("values").get(values.indexOf("deadline.DESK")).get("from").asString());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            Procedure p = procedure(engine);
            assertTrue(p.importedUnreviewed());
            Decision d = engine.decide("{\"procedure\": \"9.000030\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
            assertTrue(notes(d).contains("Giá trị chưa rà soát: tên thủ tục, lĩnh vực"), notes(d));
            assertTrue(notes(d).contains("thời hạn (nộp trực tiếp)"), notes(d));
        }
    }

    @Test
    void oneValueReviewed_theDeskDeadline_whileTheFeesStayUnverified_andTheDecisionNamesExactlyTheRest() throws Exception {
        Path pack = imported();
        Path folder = pack.resolve("procedures/9.000030");
        Files.writeString(folder.resolve("local.yaml"), """
                review:
                  values:
                    deadline.DESK: { verified: true, note: "Đối chiếu QĐ 1/QĐ-TEST: 15 ngày làm việc khi nộp trực tiếp" }
                """, StandardCharsets.UTF_8);
        ImportReport r = Importer.into(pack).importRecords(List.of(tmp.resolve("in")));
        assertTrue(r.ok(), r.text());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            Procedure p = procedure(engine);
            Procedure.Source s = p.source();
            assertTrue(s.value("deadline.DESK").orElseThrow().verified());
            assertEquals("Đối chiếu QĐ 1/QĐ-TEST: 15 ngày làm việc khi nộp trực tiếp", s.value("deadline.DESK").orElseThrow().note());
            assertFalse(s.value("deadline.ONLINE").orElseThrow().verified());
            assertFalse(s.value("fees.DESK").orElseThrow().verified());
            assertFalse(s.verified(), "the procedure is reviewed only when every value is");
            assertTrue(p.importedUnreviewed());
            Decision d = engine.decide("{\"procedure\": \"9.000030\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
            String n = notes(d);
            assertFalse(n.contains("thời hạn (nộp trực tiếp)"), n);
            assertTrue(n.contains("thời hạn (nộp trực tuyến)"), n);
            assertTrue(n.contains("phí, lệ phí (nộp trực tiếp)"), n);
            // the fee lines the record states stay unverified
            assertTrue(d.fees().lines().stream().noneMatch(l -> l.verified()), d.toJson());
            assertTrue(d.notes().stream().map(Decision.Note::messageEn).anyMatch(x -> x.contains("Values not reviewed: name")),
                    d.toJson());
        }
    }

    @Test
    void everyValueReviewed_theProcedureIsReviewed_andNoMarkRemains() throws Exception {
        Path pack = imported();
        Path folder = pack.resolve("procedures/9.000030");
        Files.delete(folder.resolve("fees.csv"));
        // the analysts own the fee table: its rows are theirs, so the fees are no longer imported values
        Files.writeString(folder.resolve("fees.csv"), "item,kind,nameVi,rate,basis,verified,note\n"
                + "le-phi,LE_PHI,Lệ phí thử,50000,QG-99-2026-ND-CP,false,chưa có văn bản\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("local.yaml"), """
                review:
                  verified: true
                  note: "Đối chiếu QĐ 1/QĐ-TEST"
                """, StandardCharsets.UTF_8);
        ImportReport r = Importer.into(pack).importRecords(List.of(tmp.resolve("in")));
        assertTrue(r.ok(), r.text());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            Procedure p = procedure(engine);
            assertTrue(p.source().verified());
            assertFalse(p.importedUnreviewed());
            assertTrue(p.source().values().stream().noneMatch(v -> v.value().startsWith("fees")), p.source().values().toString());
            Decision d = engine.decide("{\"procedure\": \"9.000030\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
            assertFalse(notes(d).contains("chưa được rà soát"), notes(d));
        }
    }

    @Test
    void aReviewOfAnUnknownValue_orOfImportedFees_orWithoutANote_isRefusedAndNothingIsWritten() throws Exception {
        Path pack = imported();
        Path local = pack.resolve("procedures/9.000030/local.yaml");
        String before = ImportFixtures.digest(pack);
        for (String review : List.of(
                "review:\n  values:\n    deadline.POST: { verified: true, note: \"x\" }\n",
                "review:\n  values:\n    fees: { verified: true, note: \"đã đối chiếu\" }\n",
                "review:\n  values:\n    deadline.DESK: { verified: true }\n")) {
            Files.writeString(local, review, StandardCharsets.UTF_8);
            String withLocal = ImportFixtures.digest(pack);
            ImportReport r = Importer.into(pack).importRecords(List.of(tmp.resolve("in")));
            assertFalse(r.ok(), review);
            assertEquals(ImportProblem.Kind.BAD_OVERRIDE, r.refused().get(0).kind(), review);
            assertTrue(r.refused().get(0).field().startsWith("local.yaml/review/values/"), r.refused().get(0).field());
            assertEquals(withLocal, ImportFixtures.digest(pack), "nothing written: " + review);
        }
        assertTrue(Importer.into(pack).importRecords(List.of(tmp.resolve("in"))).refused().get(0).messageEn()
                .contains("needs verified"));
        Files.delete(local);
        assertEquals(before, ImportFixtures.digest(pack));
    }
}
