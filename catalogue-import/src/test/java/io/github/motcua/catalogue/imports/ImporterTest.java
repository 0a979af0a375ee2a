package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ImporterTest {
    @TempDir
    Path tmp;

    private static JsonNode national(Path pack, String code) throws Exception {
        return Layers.readYaml(pack.resolve("procedures").resolve(code).resolve("national.yaml"));
    }

    @Test
    void everySharedRecordImportsAndThePackLoadsWithoutProblems() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.records()));
        assertTrue(r.ok(), r.text());
        assertTrue(r.written());
        assertEquals(21, r.records());
        assertEquals(21, r.imported().size());
        assertFalse(r.review().isEmpty());
        try (Engine engine = Motcua.engine().build()) {
            var load = engine.load(pack);
            assertTrue(load.ok(), load.problems().toString());
            assertEquals(21, engine.catalog().size());
            assertTrue(engine.catalog().stream().allMatch(Procedure::importedUnreviewed));
        }
        // the record with no legal basis still imports, with a review item
        assertTrue(r.review().stream().anyMatch(i -> i.code().equals("1.004045") && i.field().equals("/legalBasisesDetails")));
        // a repeated case code still imports: both cases kept
        JsonNode cases = national(pack, "1.008882").get("cases");
        assertEquals(2, cases.size());
        assertEquals(cases.get(0).get("code").asString(), cases.get(1).get("code").asString());
    }

    @Test
    void reImportingTheSameRecordsChangesNothingAndReportsNoDiff() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        assertTrue(Importer.into(pack).importRecords(List.of(ImportFixtures.records())).ok());
        String before = ImportFixtures.digest(pack);
        ImportReport again = Importer.into(pack).importRecords(List.of(ImportFixtures.records()));
        assertTrue(again.ok(), again.text());
        assertTrue(again.changes().isEmpty(), again.text());
        assertEquals(before, ImportFixtures.digest(pack), "same records, same bytes");
        ImportReport check = Importer.into(pack).check(List.of(ImportFixtures.record("1.004327")));
        assertTrue(check.ok(), check.text());
        assertTrue(check.changes().stream().allMatch(c -> c.kind() == Change.Kind.NOT_IN_IMPORT), check.text());
        assertEquals(20, check.changes().size());
    }

    @Test
    void valuesThatCannotBeReadExactlyAreUnknownNeverZero() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.records()));
        assertTrue(r.ok(), r.text());
        // 10 USD at a representative mission: not đồng
        JsonNode fees815 = national(pack, "2.000815").get("fees");
        for (JsonNode f : fees815) {
            assertEquals("UNKNOWN", f.get("status").asString(), f.toString());
            assertNull(f.get("amount"));
        }
        assertTrue(r.review().stream().anyMatch(i -> i.code().equals("2.000815") && i.why().contains("not đồng")));
        // a 0 fee whose description names 22.500.000 đồng is not free
        for (JsonNode f : national(pack, "1.003058").get("fees")) {
            assertEquals("UNKNOWN", f.get("status").asString());
            assertEquals("0", f.get("value").asString());
        }
        // 500.000 service fee whose description points to a circular: unknown; the 0 fee beside it, without text: 0
        JsonNode fees377 = national(pack, "1.013377").get("fees");
        assertTrue(fees377.valueStream().anyMatch(f -> f.get("type").asString().equals("SERVICE_FEE")
                && f.get("status").asString().equals("UNKNOWN") && f.get("value").asString().equals("500000")));
        assertTrue(fees377.valueStream().anyMatch(f -> f.get("type").asString().equals("FEE")
                && f.get("status").asString().equals("KNOWN") && f.get("amount").asLong() == 0));
        // unit OTHER: unknown deadline, and the engine's procedure has no deadline (not 0)
        for (JsonNode d : national(pack, "1.003702").get("deadlines")) {
            assertEquals("UNKNOWN", d.get("unit").asString());
            assertNull(d.get("amount"));
        }
        // no fee listed at all: unknown, not free
        for (JsonNode f : national(pack, "1.004327").get("fees")) {
            assertEquals("UNKNOWN", f.get("status").asString());
        }
        // required=false on every component is unknown, never optional
        for (JsonNode c : national(pack, "1.008672").get("components")) {
            assertEquals("UNKNOWN", c.get("required").asString());
        }
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            Procedure p = engine.catalog().stream().filter(x -> x.code().equals("1.003702")).findFirst().orElseThrow();
            assertNull(p.deadline());
            Procedure diff = engine.catalog().stream().filter(x -> x.code().equals("1.012787")).findFirst().orElseThrow();
            assertNull(diff.deadline(), "desk 18 and online 8 working days: no single deadline");
        }
    }

    @Test
    void everyTextIsNfcAndTheReportListsRecordFieldRawAndWhy() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.record("2.000815")));
        assertTrue(r.ok(), r.text());
        String text = Files.readString(pack.resolve("procedures/2.000815/national.yaml"), StandardCharsets.UTF_8);
        assertFalse(text.contains("\u0309"), "decomposed hook above left in the text");
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC));
        assertTrue(text.contains("bổ sung bởi Nghị định số 07/2025/NĐ-CP"));
        String bases = Files.readString(pack.resolve("legal-bases/national.yaml"), StandardCharsets.UTF_8);
        assertTrue(bases.contains("QG-257-2016-TT-BTC"), bases);
        String json = r.json();
        JsonNode j = Records.JSON.readTree(json);
        JsonNode first = j.get("review").get(0);
        for (String k : List.of("record", "code", "field", "raw", "why")) {
            assertNotNull(first.get(k), k);
        }
        assertTrue(first.get("record").asString().endsWith("2.000815.json"));
        assertTrue(r.text().contains("REVIEW 2.000815"));
    }

    @Test
    void anImportedProcedureDecidesNotAssessedWithComponentsAndDeadline() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        assertTrue(Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363"))).ok());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            Decision d = engine.decide("""
                    {"procedure": "1.000363", "channel": "DESK", "receivedAt": "2026-03-02T09:00:00+07:00"}""");
            assertEquals(Eligibility.NOT_ASSESSED, d.eligibility(), () -> String.valueOf(d.cause()));
            assertEquals(4, d.components().size());
            assertNotNull(d.deadline(), "5 working days");
            assertEquals("2026-03-09T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
            String notes = d.notes().stream().map(Decision.Note::messageVi).collect(Collectors.joining("\n"));
            assertTrue(notes.contains("chưa được rà soát"), notes);
            assertTrue(notes.contains("Chưa đánh giá điều kiện"), notes);
            assertTrue(d.toJson().contains("\"eligibility\" : \"NOT_ASSESSED\"") || d.toJson().contains("\"eligibility\":\"NOT_ASSESSED\""),
                    d.toJson());
        }
    }

    @Test
    void aFractionalDeadlineIsKeptExactlyAndConvertedWithThePacksOfficeHours() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectory(tmp.resolve("in"));
        ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000001",
                "[" + ImportFixtures.method("DIRECT", "6.25", "WORKING_DAY", "[]") + "]", ""));
        ImportFixtures.write(in, "b.json", ImportFixtures.record("9.000002",
                "[" + ImportFixtures.method("DIRECT", "6.4", "WORKING_DAY", "[{\"type\":\"FEE\",\"value\":50000}]") + "]", ""));
        ImportReport r = Importer.into(pack).importRecords(List.of(in));
        assertTrue(r.ok(), r.text());
        JsonNode d = national(pack, "9.000001").get("deadlines").get(0);
        assertEquals("6.25", d.get("amount").asString());
        assertEquals("WORKING_DAYS", d.get("unit").asString());
        // Gia Lai's working day: 07:30-11:30 and 13:30-17:00 = 7 h 30 min; 0.25 of it = 1 h 52 min 30 s
        assertTrue(d.get("converted").asString().startsWith("6 ngày làm việc + 1 giờ 52 phút 30 giây"), d.toString());
        JsonNode b = national(pack, "9.000002");
        assertEquals("KNOWN", b.get("fees").get(0).get("status").asString());
        assertEquals(50000, b.get("fees").get(0).get("amount").asLong());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            // 6.25 days = 46 h 52 min 30 s: not whole working hours, so the engine gets no deadline (never a rounded one)
            assertNull(engine.catalog().stream().filter(x -> x.code().equals("9.000001")).findFirst().orElseThrow().deadline());
            // 6.4 days = 48 h exactly: counted as 48 working hours
            var p = engine.catalog().stream().filter(x -> x.code().equals("9.000002")).findFirst().orElseThrow();
            assertEquals(48, p.deadline().limit().amount());
            assertEquals("WORKING_HOURS", p.deadline().limit().unit().name());
        }
    }
    /**
     * A record whose deadline is negative (-5 working days) is a typing slip in the national database: the value awaits
     * review as a negative deadline, in both languages, with the amount — never "0 is not a deadline" — and the
     * procedure gets no deadline (neither 0 nor 5).
     */
    @Test
    void aNegativeDeadline_isReviewedAsNegative_notAsZero() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectory(tmp.resolve("in"));
        ImportFixtures.write(in, "neg.json", ImportFixtures.record("9.000003",
                "[" + ImportFixtures.method("DIRECT", "-5", "WORKING_DAY", "[]") + "]", ""));
        ImportFixtures.write(in, "zero.json", ImportFixtures.record("9.000004",
                "[" + ImportFixtures.method("DIRECT", "0", "WORKING_DAY", "[]") + "]", ""));
        ImportReport r = Importer.into(pack).importRecords(List.of(in));
        assertTrue(r.ok(), r.text());
        ReviewItem neg = r.review().stream().filter(i -> i.code().equals("9.000003")
                && i.field().equals("/executionMethods/0/processingTimeUnit")).findFirst().orElseThrow();
        assertTrue(neg.why().startsWith("Thời hạn âm (-5 WORKING_DAY): thời hạn giải quyết không thể là số âm"), neg.why());
        assertTrue(neg.why().contains("/ a negative deadline (-5 WORKING_DAY) is not a time limit"), neg.why());
        assertFalse(neg.why().contains("0 is not a deadline"), neg.why());
        assertEquals("UNKNOWN", national(pack, "9.000003").get("deadlines").get(0).get("unit").asString());
        ReviewItem zero = r.review().stream().filter(i -> i.code().equals("9.000004")
                && i.field().equals("/executionMethods/0/processingTimeUnit")).findFirst().orElseThrow();
        assertTrue(zero.why().contains("0 is not a deadline"), zero.why());
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            assertNull(engine.catalog().stream().filter(x -> x.code().equals("9.000003")).findFirst().orElseThrow().deadline());
        }
    }
}
