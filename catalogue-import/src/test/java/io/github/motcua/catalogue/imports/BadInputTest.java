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

    /**
     * An analyst who edits a record by hand and leaves a comma before the closing brace reads, in Vietnamese, what is
     * wrong and where (line, column) — never the JSON parser's English — and the English half says the same in English.
     */
    @Test
    void malformedJson_vietnameseInPlainWordsAtLineAndColumn_noParserEnglish() throws Exception {
        ImportProblem p = refusedAlone("comma.json", "{\"code\": \"9.1\",\n \"name\": \"Thủ tục\",\n}");
        assertEquals(ImportProblem.Kind.MALFORMED_JSON, p.kind());
        assertEquals("JSON không hợp lệ ở dòng 3, cột 1: Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau mục cuối cùng",
                p.messageVi());
        assertEquals("malformed JSON at line 3, column 1: a comma too many before }: delete the comma after the last entry",
                p.messageEn());
        List<ImportProblem> problems = new java.util.ArrayList<>();
        Records.parse("cut.json", "{\"code\": \"1.2\", ", new java.util.ArrayList<>(), problems);
        ImportProblem cut = problems.get(0);
        assertTrue(cut.messageVi().startsWith("JSON không hợp lệ ở dòng 1, cột "), cut.messageVi());
        assertTrue(cut.messageVi().contains("JSON bị cắt ngang"), cut.messageVi());
        for (String parserWord : List.of("Unexpected", "expecting", "end-of-input", "code 125")) {
            assertFalse(p.messageVi().contains(parserWord) || cut.messageVi().contains(parserWord), parserWord);
        }
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

    /** A record file over the kernel reader's limit (8 MB, the one limit of every file read): typed, in both languages, before it is parsed. */
    @Test
    void aRecordFileOverTheReadersLimitIsRefused() throws Exception {
        long max = io.github.motcua.kernel.PackReader.Limits.DEFAULT.maxFileBytes();
        assertEquals(max, Records.LIMITS.maxFileBytes());
        String big = "[" + " ".repeat((int) max) + "]";
        ImportProblem p = refusedAlone("big.json", big);
        assertEquals(ImportProblem.Kind.TEXT_TOO_LONG, p.kind());
        assertEquals("Tệp quá lớn (tối đa " + max + " byte)", p.messageVi());
        assertTrue(p.messageEn().contains(String.valueOf(max)), p.messageEn());
        io.github.motcua.kernel.Problem k = p.toProblem();
        assertEquals("TEXT_TOO_LONG", k.code().name());
        assertTrue(k.file().endsWith("big.json"), k.file());
        assertEquals(p.messageEn(), k.messageEn());
    }

    /** The refusals' words come from the bundle, exactly as they were written inline; the kernel problem carries code and pointer. */
    @Test
    void aRefusalReadsTheSameInBothLanguages_andIsAKernelProblem() throws Exception {
        ImportProblem p = refusedAlone("escape2.json", ImportFixtures.record("../y", "[]", ""));
        assertEquals("Mã thủ tục [../y] không dùng được làm tên thư mục (ký tự đường dẫn)", p.messageVi());
        assertEquals("procedure code [../y] is not a safe folder name (path characters)", p.messageEn());
        io.github.motcua.kernel.Problem k = p.toProblem();
        assertEquals("BAD_CODE", k.code().name());
        assertEquals("/code", k.pointer());
        assertEquals(p.messageVi(), k.messageVi());
    }

    @Test
    void anEmptyFileIsRefusedInBothLanguages() throws Exception {
        ImportProblem e = refusedAlone("empty.json", "");
        assertEquals("Tệp rỗng", e.messageVi());
        assertEquals("empty file", e.messageEn());
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
