package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken records: a typed problem naming the record, and the pack left exactly as it was. */
class BadInputTest {
    @TempDir
    Path tmp;

    private ImportProblem refusedAlone(String fileName, String json) throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        String before = ImportFixtures.digest(pack);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path good = ImportFixtures.record("1.000363");
        Path bad = ImportFixtures.write(in, fileName, json);
        ImportReport r = Importer.into(pack).importRecords(List.of(good, bad));
        assertFalse(r.ok());
        assertFalse(r.written());
        assertEquals(before, ImportFixtures.digest(pack), "the pack changed although a record was refused");
        assertEquals(1, r.refused().size(), r.text());
        ImportProblem p = r.refused().get(0);
        assertTrue(p.record().endsWith(fileName), p.record());
        assertTrue(r.text().contains("REFUSED"));
        assertTrue(r.json().contains("\"kind\" : \"" + p.kind() + "\""), r.json());
        return p;
    }

    @Test
    void malformedJsonIsRefusedNamingTheFile() throws Exception {
        assertEquals(ImportProblem.Kind.MALFORMED_JSON, refusedAlone("broken.json", "{\"code\": \"1.2\", ").kind());
    }

    @Test
    void duplicateKeysInsideARecordAreMalformed() throws Exception {
        assertEquals(ImportProblem.Kind.MALFORMED_JSON,
                refusedAlone("dup.json", "{\"code\": \"9.1\", \"code\": \"9.2\", \"name\": \"x\"}").kind());
    }

    @Test
    void aMissingCodeOrNameIsRefused() throws Exception {
        assertEquals(ImportProblem.Kind.MISSING_FIELD, refusedAlone("nocode.json", "{\"name\": \"Thủ tục\"}").kind());
    }

    @Test
    void aMistypedFieldIsRefusedWithItsPointer() throws Exception {
        ImportProblem p = refusedAlone("typed.json", ImportFixtures.record("9.000010",
                "[" + ImportFixtures.method("DIRECT", "\"5\"", "WORKING_DAY", "[]") + "]", ""));
        assertEquals(ImportProblem.Kind.WRONG_TYPE, p.kind());
        assertEquals("/executionMethods/0/processingTime", p.field());
        assertEquals("9.000010", p.code());
    }

    @Test
    void aCodeWithPathCharactersIsRefused() throws Exception {
        ImportProblem p = refusedAlone("escape.json", ImportFixtures.record("../x", "[]", ""));
        assertEquals(ImportProblem.Kind.BAD_CODE, p.kind());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void anEnormousTextFieldIsRefused() throws Exception {
        String huge = "a".repeat(RecordMapper.MAX_TEXT + 1);
        ImportProblem p = refusedAlone("huge.json", ImportFixtures.record("9.000011", "[]",
                ", \"requirementsAndConditions\": \"" + huge + "\""));
        assertEquals(ImportProblem.Kind.TEXT_TOO_LONG, p.kind());
        assertEquals("/requirementsAndConditions", p.field());
    }

    @Test
    void twoRecordsWithTheSameCodeAreBothRefused() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        String before = ImportFixtures.digest(pack);
        Path in = Files.createDirectories(tmp.resolve("in"));
        ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000012", "[]", ""));
        ImportFixtures.write(in, "b.json", ImportFixtures.record("9.000012", "[]", ""));
        ImportReport r = Importer.into(pack).importRecords(List.of(in));
        assertEquals(ImportProblem.Kind.DUPLICATE_CODE, r.refused().get(0).kind());
        assertTrue(r.refused().get(0).record().endsWith("b.json"));
        assertTrue(r.imported().isEmpty());
        assertEquals(before, ImportFixtures.digest(pack));
    }

    @Test
    void skipRefusedImportsTheGoodRecordsOnly() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path bad = ImportFixtures.write(in, "bad.json", "[1, 2]");
        ImportReport r = Importer.into(pack).skipRefused(true).importRecords(List.of(ImportFixtures.record("1.000363"), bad));
        assertFalse(r.ok());
        assertEquals(2, r.refused().size(), "each element of the array that is not a record");
        assertTrue(r.written());
        assertTrue(Files.isRegularFile(pack.resolve("procedures/1.000363/national.yaml")));
    }

    @Test
    void htmlAndScriptsInTextAreKeptAsTextNotInterpreted() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path f = ImportFixtures.write(in, "html.json", ImportFixtures.record("9.000013", "[]", "")
                .replace("Thủ tục thử 9.000013", "<script>alert(1)</script> Thủ tục"));
        ImportReport r = Importer.into(pack).importRecords(List.of(f));
        assertTrue(r.ok(), r.text());
        String y = Files.readString(pack.resolve("procedures/9.000013/procedure.yaml"));
        assertTrue(y.contains("<script>alert(1)</script> Thủ tục"), "kept verbatim; guides and the desk escape it");
    }
}
