package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ZipBombs;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad bytes in an XLSX a pack holds — a fee table ({@code fees.xlsx}) or a rule decision table ({@code *.rules.xlsx}):
 * a truncated or corrupt archive, a file that is no XLSX under that name, an archive without a sheet, a sheet whose XML
 * is broken, a cell whose text is not what its type says. Each is one typed problem naming the file, Vietnamese first,
 * with no Java class name or stack trace in it; the load never throws. (Archive bombs: {@link ArchiveBombTest}.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class XlsxBadBytesTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    @TempDir
    Path dir;

    static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("sheet");
        ws.value(0, 0, "type");
        ws.value(0, 1, "item");
        wb.finish();
        // the writer stamps the archive's entries and docProps/core.xml with the clock: rebuilt with fixed times, so
        // that "garbage in the middle" garbles the same bytes on every run (with the clock's bytes it sometimes hit a
        // declared size, and the problem was the size refusal instead of a broken archive)
        List<ZipBombs.Raw> raws = new java.util.ArrayList<>();
        ZipBombs.entries(out.toByteArray()).forEach((name, content) -> raws.add(ZipBombs.deflated(name,
                name.equals("docProps/core.xml") ? new String(content, StandardCharsets.UTF_8)
                        .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "2026-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8)
                        : content)));
        return ZipBombs.zip(raws, 0);
    }

    static String sheet(String cells) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData><row r=\"1\">" + cells + "</row></sheetData></worksheet>";
    }

    static byte[] withSheet(String xml) throws IOException {
        return ZipBombs.replace(workbook(), SHEET, ZipBombs.deflated(SHEET, xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> badBytes() throws IOException {
        byte[] wb = workbook();
        return Stream.of(
                Arguments.of("empty file", new byte[0], "không phải tệp ZIP"),
                Arguments.of("truncated archive", Arrays.copyOf(wb, wb.length / 2), "hỏng"),
                Arguments.of("archive cut before its directory", Arrays.copyOf(wb, wb.length - 30), "hỏng"),
                Arguments.of("garbage in the middle", garbled(wb), "hỏng"),
                Arguments.of("a CSV named .xlsx", "type,item\nFEE,le-phi\n".getBytes(StandardCharsets.UTF_8), "không phải tệp ZIP"),
                Arguments.of("a PNG named .xlsx", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13},
                        "không phải tệp ZIP"),
                Arguments.of("a zip with no workbook", ZipBombs.zip(List.of(ZipBombs.deflated("readme.txt",
                        "không phải bảng tính".getBytes(StandardCharsets.UTF_8))), 0), "không phải bảng tính XLSX"),
                Arguments.of("a sheet whose XML is broken", withSheet(sheet("<c r=\"A1\" t=\"inlineStr\"><is><t>type</is></c>")),
                        "XML của trang tính"),
                Arguments.of("a number cell holding text", withSheet(sheet("<c r=\"A1\"><v>mười</v></c>")), "không đúng kiểu"),
                // the reader gives no text for a shared text it does not have (the only row read as blank, an empty
                // table): the archive check names the cell instead
                Arguments.of("a shared string that does not exist", withSheet(sheet("<c r=\"A1\" t=\"s\"><v>999999</v></c>")),
                        "trỏ tới văn bản dùng chung số 999999, nhưng tệp chỉ có 2 văn bản dùng chung (ô sẽ bị đọc thành ô trống),"
                                + " ở ô A1 dòng 1"),
                Arguments.of("a shared-string index that is not a number", withSheet(sheet("<c r=\"A1\" t=\"s\"><v>x</v></c>")),
                        "không đúng kiểu"),
                Arguments.of("a boolean cell holding text", withSheet(sheet("<c r=\"A1\" t=\"b\"><v>có</v></c>")), "không đúng kiểu"),
                // written by a program that does not calculate: read as an empty cell, a decision table's condition
                // would match everything (session 18)
                Arguments.of("a formula without its stored result", withSheet(sheet("<c r=\"A1\"><f>1+1</f></c>")),
                        "Ô A1 dòng 1 có công thức [=1+1] nhưng tệp không lưu kết quả của nó"));
    }

    private static byte[] garbled(byte[] wb) {
        byte[] g = wb.clone();
        for (int i = 40; i < g.length - 40; i += 7) {
            g[i] = (byte) (g[i] ^ 0x5a);
        }
        return g;
    }

    /** One problem naming {@code file}, in Vietnamese first, with no Java class name or stack frame in either language. */
    static void assertOneReadableProblem(LoadResult r, String file, String what, String vi) {
        assertFalse(r.ok(), what + ": loaded");
        List<PackProblem> mine = r.problems().stream().filter(p -> p.file().equals(file)).toList();
        assertEquals(1, mine.size(), () -> what + ": " + r.problems());
        PackProblem p = mine.get(0);
        for (String m : List.of(p.messageVi(), p.messageEn())) {
            assertFalse(m.matches("(?s).*\\b(java|javax|org|com)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*"), () -> what + ": " + m);
            assertFalse(m.matches("(?s).*(Exception|Error)\\b.*") || m.contains("\tat ") || m.contains("null"),
                    () -> what + ": " + m);
        }
        assertFalse(p.messageVi().equals(p.messageEn()), () -> what + ": not in Vietnamese: " + p.messageVi());
        assertTrue(p.messageVi().contains(vi), () -> what + ": " + p.messageVi());
    }

    @ParameterizedTest(name = "fees.xlsx: {0}")
    @MethodSource("badBytes")
    void load_feeTableWithBadBytes_oneTypedProblemNamingTheFile(String what, byte[] bytes, String vi) {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.writeBytes(pack.resolve("procedures/1.001193/fees.xlsx"), bytes);
        try (Engine engine = Motcua.engine().build()) {
            assertOneReadableProblem(engine.load(pack), "procedures/1.001193/fees.xlsx", what, vi);
        }
    }

    @ParameterizedTest(name = "*.rules.xlsx: {0}")
    @MethodSource("badBytes")
    void load_decisionTableWithBadBytes_oneTypedProblemNamingTheFile(String what, byte[] bytes, String vi) {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.writeBytes(pack.resolve("procedures/1.001193/bang.rules.xlsx"), bytes);
        try (Engine engine = Motcua.engine().build()) {
            assertOneReadableProblem(engine.load(pack), "procedures/1.001193/bang.rules.xlsx", what, vi);
        }
    }
}
