package io.github.motcua.examples.cli;

import static io.github.motcua.examples.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.cli.Cli.Run;
import io.github.motcua.kernel.ZipBombs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 (sec-edge): hostile pack content and dossiers give the documented exit codes, never a stack trace. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class HostileInputCommandTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    /** About 3 MB that inflates to 3 GB. */
    static byte[] bomb() {
        return ZipBombs.zip(List.of(
                ZipBombs.deflated("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8)),
                new ZipBombs.Raw(SHEET, 8, ZipBombs.deflatedRepeat((byte) ' ', 3000), 3000L * 1024 * 1024)), 0);
    }

    @Test
    void check_feeTableBomb_exitsTwoNamingTheFile(@TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Files.write(pack.resolve("procedures/1.001193/fees.xlsx"), bomb());
        Run r = run("check", pack.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("procedures/1.001193/fees.xlsx"), r.out());
        assertTrue(r.out().contains("inflates to 3145728000 bytes"), r.out());
        assertTrue(!r.err().contains("OutOfMemoryError") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void check_templateOutsideAllowlist_exitsTwoWithFileAndLine(@TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Files.createDirectories(pack.resolve("templates"));
        Files.writeString(pack.resolve("templates/receipt.ftlh"), "<#-- x -->\n${\"\"?left_pad(2000000000)}");
        Run r = run("check", pack.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("templates/receipt.ftlh:2:"), r.out());
        assertTrue(r.out().contains("[TEMPLATE_REFUSED]"), r.out());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "a key twice in the form  | {\"giayChungSinh\":\"KHONG\",\"giayChungSinh\":\"CO\"} | /form/giayChungSinh: ",
        "a number no double holds | {\"soBan\":1e309}                                     | /form/soBan: ",
    })
    void decide_dossierRefusedOneWay_exitsThree(String what, String form, String pointer, @TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Path dossier = Files.writeString(dir.resolve("hs.json"), "{\"procedure\":\"1.001193\",\"channel\":\"DESK\","
                + "\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":" + form + "}", StandardCharsets.UTF_8);
        Run r = run("decide", pack.toString(), dossier.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(pointer), r.err());
        assertTrue(!r.err().contains("\tat ") && !r.err().contains("tools.jackson"), r.err());
    }

    @Test
    void calendarDaysOff_calendarFileLinkedOutside_exitsTwoWithoutPrintingIt(@TempDir Path dir, @TempDir Path outside)
            throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path secret = outside.resolve("2026.yaml");
        Files.copy(pack.resolve("calendar/2026.yaml"), secret);
        Files.writeString(secret, Files.readString(secret).replace("Tết", "BI-MAT-TET"));
        Files.delete(pack.resolve("calendar/2026.yaml"));
        try {
            Files.createSymbolicLink(pack.resolve("calendar/2026.yaml"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Run r = run("calendar", "days-off", pack.toString(), "2026");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("calendar/2026.yaml") && r.err().contains("symbolic link leads outside the pack folder"),
                r.err());
        assertTrue(!r.out().contains("BI-MAT") && !r.err().contains("BI-MAT"), r.out());
    }

    /** Issue 11 item 6: a procedure name written as a formula reaches the catalogue CSV as text. */
    @Test
    void catalogCsv_procedureNamedAsFormula_neutralised(@TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path before = dir.resolve("truoc.csv");
        Run r0 = run("catalog", pack.toString(), "--format", "csv", "--out", before.toString(), "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r0.code(), r0.out() + r0.err());
        // the first hand-written procedure (imported ones carry an "unreviewed" mark after their name)
        String code = java.util.Arrays.stream(Files.readString(before, StandardCharsets.UTF_8).split("\r\n")).skip(1)
                .map(row -> row.split(",")[1]).filter(c -> !Files.exists(pack.resolve("procedures").resolve(c).resolve("national.yaml")))
                .findFirst().orElseThrow();
        Path yaml = pack.resolve("procedures").resolve(code).resolve("procedure.yaml");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(yaml, StandardCharsets.UTF_8));
        lines.replaceAll(l -> l.startsWith("name:")
                ? "name: { vi: \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"Bấm\\\")\", en: \"@SUM(1+1)\" }" : l);
        // a procedure.yaml written by the import has the name as a block mapping: drop its indented lines
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("name:")).findFirst().orElseThrow());
        while (at + 1 < lines.size() && lines.get(at + 1).startsWith("  ")) {
            lines.remove(at + 1);
        }
        Files.write(yaml, lines, StandardCharsets.UTF_8);
        Path after = dir.resolve("sau.csv");
        Run r = run("catalog", pack.toString(), "--format", "csv", "--out", after.toString(), "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        String csv = Files.readString(after, StandardCharsets.UTF_8);
        assertTrue(csv.contains("," + code + ",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Bấm\"\")\","), csv);
        assertTrue(!csv.contains(",=HYPERLINK"), csv);
    }

    /** A sparse file of {@code size} bytes (no disk blocks written where the file system allows it). */
    static Path sparse(Path file, long size) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    @Test
    void decide_twoGigabyteDossier_refusedByItsSizeWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path dossier = sparse(dir.resolve("hs.json"), 2L * 1024 * 1024 * 1024);
        Run r = run("decide", Cli.GIA_LAI.toString(), dossier.toString(), "--lang", "en");
        assertEquals(ExitCodes.BAD_DOSSIER, r.code(), r.out() + r.err());
        assertEquals(dossier + ":0:0: [DOSSIER_TOO_LARGE] file too large, not read: 2147483648 bytes (at most "
                + io.github.motcua.rules.Dossier.MAX_JSON_CHARS + " characters, that is "
                + 3L * io.github.motcua.rules.Dossier.MAX_JSON_CHARS + " bytes of UTF-8)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void decide_dossierJustOverTheByteCap_refused_andOneWithinIt_goesToTheEngine(@TempDir Path dir) throws IOException {
        long cap = 3L * io.github.motcua.rules.Dossier.MAX_JSON_CHARS;
        Run over = run("decide", Cli.GIA_LAI.toString(), sparse(dir.resolve("a.json"), cap + 1).toString());
        assertEquals(ExitCodes.BAD_DOSSIER, over.code(), over.err());
        assertTrue(over.err().contains("[DOSSIER_TOO_LARGE] tệp quá lớn, không đọc: " + (cap + 1) + " byte"), over.err());
        // 3 MB of spaces: read (it may be a dossier of 2 MiB characters or fewer), refused by the engine's own limit
        Path spaces = Files.write(dir.resolve("b.json"), " ".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        Run within = run("decide", Cli.GIA_LAI.toString(), spaces.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, within.code(), within.err());
        assertTrue(within.err().contains("[DOSSIER_TOO_LARGE] hồ sơ quá lớn: 3145728 ký tự"), within.err());
    }

    @Test
    void track_twoGigabyteEventLog_refusedByItsSizeWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path events = sparse(dir.resolve("events.json"), 2L * 1024 * 1024 * 1024);
        Run r = run("track", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json").toString(),
                events.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith(events + ":0:0: [STEP_EVENTS_TOO_LARGE] tệp quá lớn, không đọc: 2147483648 byte"),
                r.err());
    }

    @Test
    void newProcedure_oversizeSchemaInForms_exitsTwoWithTheReadersProblem_nothingWritten(@TempDir Path dir)
            throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        sparse(pack.resolve("forms/lon.schema.json"), 2L * 1024 * 1024 * 1024);
        Run r = run("new-procedure", pack.toString(), "GL.TEST.01", "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("forms/lon.schema.json:0:0: [FILE_TOO_LARGE]"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        assertTrue(!Files.exists(pack.resolve("procedures/GL.TEST.01")));
    }

    @Test
    void newProcedure_schemaLinkedOutsideThePack_exitsTwo_andTheTargetIsNotRead(@TempDir Path dir, @TempDir Path outside)
            throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Path secret = Files.writeString(outside.resolve("bi-mat.json"), "{\"$id\": \"urn:motcua:forms:common\"}");
        try {
            Files.createSymbolicLink(pack.resolve("forms/lien-ket.json"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Run r = run("new-procedure", pack.toString(), "GL.TEST.01");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("forms/lien-ket.json:0:0: [LINK_OUTSIDE_PACK]"), r.err());
        assertTrue(!Files.exists(pack.resolve("procedures/GL.TEST.01")));
    }

    @Test
    void newProcedure_takesTheSharedDefinitionsFromTheTopLevelId_notFromTextAnywhereInTheFile(@TempDir Path dir)
            throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Files.delete(pack.resolve("forms/common.schema.json"));
        // the shared URN only as a nested $id: the pack does not declare the shared definitions
        Files.writeString(pack.resolve("forms/khac.schema.json"), "{\"$id\": \"urn:motcua:forms:khac\", \"$defs\": "
                + "{\"a\": {\"$id\": \"urn:motcua:forms:common\", \"type\": \"string\"}}}");
        Run r = run("new-procedure", pack.toString(), "GL.TEST.01");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        String form = Files.readString(pack.resolve("procedures/GL.TEST.01/form.schema.json"), StandardCharsets.UTF_8);
        assertTrue(!form.contains("urn:motcua:forms:common") && form.contains("\"hoTen\""), form);
        // a pack whose top-level $id is the shared URN (tab-indented JSON is JSON too): the skeleton refers to it
        Files.writeString(pack.resolve("forms/khac.schema.json"), "{\n\t\"$id\":\t\"urn:motcua:forms:common\",\n\t\"$defs\": {}\n}");
        Run r2 = run("new-procedure", pack.toString(), "GL.TEST.02");
        assertEquals(ExitCodes.OK, r2.code(), r2.out() + r2.err());
        assertTrue(Files.readString(pack.resolve("procedures/GL.TEST.02/form.schema.json"), StandardCharsets.UTF_8)
                .contains("\"$ref\": \"urn:motcua:forms:common#/$defs/person\""));
    }
}
