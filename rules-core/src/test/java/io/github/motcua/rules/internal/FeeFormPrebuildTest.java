package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.CsvTable;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.SourceTree;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A first load's folder reads build the fields of each form whose fee table reads a quantity from it
 * ({@code FeeFormChecks.prebuild}, issue 15 session 22), so the fee section at the end of the load finds them built; the
 * hint that picks those tables ({@code FeeFormChecks.mayReadQuantities}) agrees with the kernel's CSV reader on every fee
 * table of the repository and on the quoting cases, and what the fee section reports is the same whether the fields were
 * built for it or not.
 */
class FeeFormPrebuildTest {
    private static final String CODE = "1.001193";
    private static final String FORM = "procedures/" + CODE + "/form.schema.json";
    private static final String FEES = "procedures/" + CODE + "/fees.csv";
    private static final String FORM_TEXT = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"giayChungSinh\"],\"properties\":{\"giayChungSinh\":{\"type\":\"string\",\"enum\":[\"CO\",\"KHONG_CO\"]},"
            + "\"soBan\":{\"type\":\"integer\"},\"coTrichLuc\":{\"type\":\"boolean\"}}}";
    private static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,basis\n";

    private static String row(String item, String copiesPath) {
        return "RATE," + item + ",LE_PHI,Cấp bản sao trích lục,Extract copy,FLAT,8000,,,,," + copiesPath + ",LHT-2014-D11\n";
    }

    /** The reference: the kernel's CSV records, the fee parser's skipped rows (blank, {@code #} first cell). */
    private static boolean reference(byte[] csv) {
        CsvTable t = PackReader.csv("fees.csv", PackReader.decode("fees.csv", csv));
        List<Integer> columns = null;
        for (CsvTable.Row r : t.rows()) {
            if (r.cells().stream().allMatch(String::isBlank) || r.cells().get(0).strip().startsWith("#")) {
                continue;
            }
            if (columns == null) {
                columns = new ArrayList<>();
                for (int i = 0; i < r.cells().size(); i++) {
                    String h = r.cells().get(i).strip();
                    if (h.equals("unitPath") || h.equals("copiesPath")) {
                        columns.add(i);
                    }
                }
                continue;
            }
            for (int c : columns) {
                if (c < r.cells().size() && !r.cells().get(c).isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hint(String csv) {
        return FeeFormChecks.mayReadQuantities(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hint_agreesWithTheCsvReader_onEveryFeeTableOfTheRepository() throws IOException {
        int tables = 0;
        int reading = 0;
        try (Stream<Path> walk = Files.walk(SourceTree.repository())) {
            for (Path p : walk.filter(f -> f.getFileName().toString().equals("fees.csv") && !f.toString().contains("/target/")
                    && !f.toString().contains("/.")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                boolean expected;
                try {
                    expected = reference(bytes);
                } catch (RuntimeException e) {
                    continue; // not UTF-8 on purpose: the fee section reports it
                }
                assertEquals(expected, FeeFormChecks.mayReadQuantities(bytes), p.toString());
                tables++;
                reading += expected ? 1 : 0;
            }
        }
        assertTrue(tables >= 30, "fee tables: " + tables);
        assertTrue(reading >= 3 && reading < tables, "tables with a quantity cell: " + reading + " of " + tables);
    }

    @Test
    void hint_quotingCommentsAndBlanks() {
        assertTrue(hint(HEADER + row("a", "soBan")));
        assertFalse(hint(HEADER + row("a", "")), "the column, but no cell");
        assertFalse(hint(HEADER + row("a", "   ")), "a blank cell");
        assertFalse(hint("type,item,rate\nRATE,a,unitPath\n"), "no such column: a value that names it is not a header");
        assertTrue(hint("# note, with a comma\n\n" + HEADER + "# RATE,x,,,,,,,,,,soBan\n" + row("a", "soBan")));
        assertFalse(hint("# note\n" + HEADER + "# RATE,x,,,,,,,,,,soBan\n" + row("a", "")), "a commented-out cell");
        assertFalse(hint("\"# quoted comment\",unitPath\n" + "type,rate\nRATE,1\n"), "a quoted comment is a comment");
        assertTrue(hint("\uFEFFtype,unitPath\r\nRATE,soTrang\r\n"), "BOM and CRLF");
        assertTrue(hint("type,\"unitPath\"\nRATE,\"so\"\"Trang\"\n"), "quoted header and cell");
        // a quoted cell holding commas, a doubled quote and a line break moves no column
        assertFalse(hint("nameVi,x,copiesPath\n\"a, \"\"b\"\",\nc\",y,\n"));
        assertTrue(hint("nameVi,x,copiesPath\n\"a, \"\"b\"\",\nc\",y,soBan\n"));
        assertFalse(hint("nameVi,copiesPath,x\n\"a,b\",,soBan\n"), "the value is one column to the right");
        assertFalse(hint(""));
        assertFalse(hint("type,unitPath\n"));
        assertTrue(hint("type,unitPath\nRATE,x"), "no line break at the end");
        for (String s : List.of(HEADER + row("a", "soBan"), "nameVi,x,copiesPath\n\"a, \"\"b\"\",\nc\",y,soBan\n",
                "\uFEFFtype,unitPath\r\nRATE,soTrang\r\n", "# x\n" + HEADER + "# RATE,x,,,,,,,,,,soBan\n" + row("a", ""))) {
            assertEquals(reference(s.getBytes(StandardCharsets.UTF_8)), hint(s), s);
        }
    }

    /**
     * Session 22's hint as it was written (a string for every header cell and every record's first cell, a list and a
     * set a table): the reference the allocation-free hint of session 23 must agree with on every input.
     */
    private static boolean session22Hint(byte[] csv) {
        java.util.Set<Integer> columns = null; // the header's quantity columns, once the header is read
        java.util.List<String> header = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int column = 0;
        boolean quoted = false;
        boolean nonBlank = false; // the current cell has a character other than a space
        boolean comment = false; // the current record is a comment (its first cell starts with '#')
        boolean recordBlank = true;
        int i = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; i <= csv.length; i++) {
            int b = i == csv.length ? '\n' : csv[i];
            if (quoted) {
                if (b == '"') {
                    if (i + 1 < csv.length && csv[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                        continue;
                    }
                }
                nonBlank = true;
                if ((columns == null || column == 0) && cell.length() < 64) {
                    cell.append((char) b);
                }
                continue;
            }
            if (b == '"') {
                quoted = true;
                continue;
            }
            if (b == ',' || b == '\n') {
                if (column == 0 && nonBlank && cell.toString().strip().startsWith("#")) {
                    comment = true;
                }
                if (nonBlank) {
                    recordBlank = false;
                }
                if (!comment) {
                    if (columns == null) {
                        header.add(cell.toString().strip());
                    } else if (nonBlank && columns.contains(column)) {
                        return true;
                    }
                }
                cell.setLength(0);
                nonBlank = false;
                column++;
                if (b == '\n') {
                    if (columns == null && !comment && !recordBlank) {
                        columns = new java.util.HashSet<>();
                        for (int k = 0; k < header.size(); k++) {
                            if ((header.get(k).equals("unitPath") || header.get(k).equals("copiesPath"))) {
                                columns.add(k);
                            }
                        }
                        if (columns.isEmpty()) {
                            return false;
                        }
                    }
                    header.clear();
                    column = 0;
                    comment = false;
                    recordBlank = true;
                }
                continue;
            }
            if (b != ' ' && b != '\r' && b != '\t') {
                nonBlank = true;
            }
            if ((columns == null || column == 0) && cell.length() < 64) {
                cell.append((char) b);
            }
        }
        return false;
    }

    /** A random fee-table-like text: the bytes and words the hint reads (quotes, commas, line ends, comments, names). */
    private static byte[] randomTable(java.util.Random r) {
        String[] parts = {",", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "#", " ", "\t", "\u000B", "\u001F", "unitPath",
            "copiesPath", " unitPath ", "\"copiesPath\"", "unitPathX", "soBan", "x", "RATE", "Lệ phí", "ệ", "\uFEFF", "\u00A0",
            "\u3000", " ".repeat(70) + "unitPath"};
        StringBuilder b = new StringBuilder();
        if (r.nextInt(8) == 0) {
            b.append('\uFEFF');
        }
        for (int n = r.nextInt(60); n > 0; n--) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hint_agreesWithSession22sHint_onRandomTablesAndEveryRepositoryTable() throws IOException {
        java.util.Random r = new java.util.Random(23);
        int reading = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] t = randomTable(r);
            boolean expected = session22Hint(t);
            reading += expected ? 1 : 0;
            assertEquals(expected, FeeFormChecks.mayReadQuantities(t), () -> new String(t, StandardCharsets.UTF_8));
        }
        assertTrue(reading > 1_000 && reading < 49_000, "random tables read as reading a quantity: " + reading);
        try (Stream<Path> walk = Files.walk(SourceTree.repository())) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith(".csv") && !f.toString().contains("/target/")
                    && !f.toString().contains("/.")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                assertEquals(session22Hint(bytes), FeeFormChecks.mayReadQuantities(bytes), p.toString());
            }
        }
    }

    /**
     * The hint runs for every procedure folder of a first load: it makes no object per cell or record (session 22's made
     * a string of each header cell and of each record's first cell, ≈ 2 KB a table, ≈ 5 MB of the 2,000-procedure
     * catalogue's load). Bytes, not time: HotSpot counts each thread's allocation exactly.
     */
    @Test
    void hint_allocatesNoObjectPerCellOrRecord() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(), "no per-thread allocation count");
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) mx;
        // the generated catalogue's table: a comment, a header of 22 columns, three records, no quantity cell
        StringBuilder csv = new StringBuilder("# Lệ phí đăng ký khai tử (fees; format docs/fees.md).\n")
                .append("type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,charge,channel,")
                .append("categories,percent,stacks,validFrom,validTo,basis,verified,note\n");
        for (int i = 0; i < 40; i++) {
            csv.append("EXEMPT,le-phi-khai-tu,,,,,,,,,,,,,ON_TIME_DEATH,,,,,PHI-LHT-2014-D11-K1-B,,\"Đăng ký, đúng hạn\"\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        boolean any = false;
        for (int i = 0; i < 200; i++) { // the allocation counter's own first use
            any |= FeeFormChecks.mayReadQuantities(bytes);
        }
        int calls = 2_000;
        long before = t.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            any |= FeeFormChecks.mayReadQuantities(bytes);
        }
        long perCall = (t.getCurrentThreadAllocatedBytes() - before) / calls;
        assertFalse(any);
        // two small arrays a call at most (a cell's first 64 bytes, the header's quantity columns); session 22's: > 2 KB
        assertTrue(perCall <= 256, perCall + " bytes a call");
    }

    /** A header of {@code cells} one-character cells, then {@code tail} (the real columns and rows). */
    private static byte[] hostileHeader(int cells, String tail) {
        StringBuilder b = new StringBuilder(cells * 2 + tail.length());
        for (int k = 0; k < cells; k++) {
            b.append((char) ('a' + k % 26)).append(',');
        }
        return b.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes this thread allocated while {@code run} ran; -1 where the JVM does not count them. */
    static long allocatedBy(Runnable run) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()
                || !sun.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long id = Thread.currentThread().getId();
        long before = sun.getThreadAllocatedBytes(id);
        run.run();
        return sun.getThreadAllocatedBytes(id) - before;
    }

    /**
     * Issue 15 session 23 (hostile input): a header of 2 million one-character cells before the real columns (4 MB, within
     * the 8 MB file limit) gets the same answer as the kernel's reader, and the scan keeps no string a header cell: it
     * allocates a few hundred bytes where session 22's hint, keeping every header cell, allocated 128.8 MB. A header of
     * 800,000 {@code unitPath} cells: the same answer; the hint's array of matching columns grows with them (one int
     * each, doubled as it grows: about 8 MB), bounded by the file.
     */
    @Test
    void hint_aHeaderOfMillionsOfCells_sameAnswer_andNoStringACell() {
        int cells = 2_000_000;
        byte[] reads = hostileHeader(cells, "type,copiesPath\nRATE," + ",".repeat(cells) + "soBan\n");
        byte[] readsNothing = hostileHeader(cells, "type,copiesPath\nRATE," + ",".repeat(cells) + "\n");
        byte[] noColumn = hostileHeader(cells, "type,rate\nRATE,1\n");
        byte[] oneColumnLeft = hostileHeader(cells, "type,copiesPath\nRATE," + ",".repeat(cells - 1) + "soBan\n");
        assertTrue(reads.length < 8 * 1024 * 1024);
        assertEquals(List.of(true, false, false, false),
                List.of(FeeFormChecks.mayReadQuantities(reads), FeeFormChecks.mayReadQuantities(readsNothing),
                        FeeFormChecks.mayReadQuantities(noColumn), FeeFormChecks.mayReadQuantities(oneColumnLeft)));
        for (byte[] csv : List.of(reads, readsNothing, noColumn, oneColumnLeft)) {
            assertEquals(reference(csv), FeeFormChecks.mayReadQuantities(csv));
        }
        // a header naming the quantity column millions of times: one bit a column, the answer unchanged
        StringBuilder many = new StringBuilder();
        for (int k = 0; k < 800_000; k++) {
            many.append("unitPath,");
        }
        byte[] repeated = (many + "x\nRATE" + ",".repeat(799_998) + ",soTrang\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(reference(repeated));
        assertTrue(FeeFormChecks.mayReadQuantities(repeated));

        FeeFormChecks.mayReadQuantities(reads); // warm, so the probe counts the scan, not class loading
        long allocated = allocatedBy(() -> assertTrue(FeeFormChecks.mayReadQuantities(reads)));
        long allocatedRepeated = allocatedBy(() -> FeeFormChecks.mayReadQuantities(repeated));
        org.junit.jupiter.api.Assumptions.assumeTrue(allocated >= 0, "this JVM does not count a thread's allocation");
        // not a timing: the bytes allocated, deterministic up to a few hundred bytes of the probe's own
        assertTrue(allocated < 100_000, "allocated " + allocated + " bytes for a 2,000,000-cell header");
        assertTrue(allocatedRepeated < 16_000_000, "allocated " + allocatedRepeated + " bytes for 800,000 unitPath cells");
    }

    private static PackFiles hoTich(String formText, String fees) {
        try {
            Path dir = Path.of(FeeFormPrebuildTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
            List<PackProblem> problems = new ArrayList<>();
            PackFiles base = PackFiles.read(dir, problems);
            assertTrue(problems.isEmpty(), problems::toString);
            Map<String, byte[]> files = new TreeMap<>(base.files());
            files.put(FORM, formText.getBytes(StandardCharsets.UTF_8));
            files.put(FEES, (HEADER + fees).getBytes(StandardCharsets.UTF_8));
            return PackFiles.of("ho-tich", files);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PackSection.Result feeSection(PackFiles files, FormFields.Library lib) {
        LoadedPack pack = PackLoader.load(files, BuiltInSections.all(), new ArrayList<>(), null).pack();
        Map<String, byte[]> mine = new TreeMap<>(Map.of(FEES, files.get(FEES)));
        return new BuiltInSections.FeeSection().load(mine,
                new PackSection.Context(null, pack == null ? Map.of() : pack.bases(), Map.of(), files.files()), lib);
    }

    private static String formatted(List<PackProblem> problems) {
        StringBuilder b = new StringBuilder();
        for (PackProblem p : problems) {
            b.append(p.file()).append(':').append(p.line()).append(':').append(p.column()).append(' ').append(p.code()).append(' ')
                    .append(p.messageVi()).append(" | ").append(p.messageEn()).append('\n');
        }
        return b.toString();
    }

    @Test
    void prebuild_aTableReadingAQuantity_theFeeSectionFindsTheFieldsBuilt_andReportsTheSame() {
        // a .drl procedure: its folder read does not build its form's fields; the prebuild does
        PackFiles files = hoTich(FORM_TEXT, row("trich-luc", "soBann") + row("ban-sao", "coTrichLuc"));
        PackSection.Result alone = feeSection(files, null);
        assertEquals(List.of("FEES_UNKNOWN_FORM_FIELD", "FEES_FORM_FIELD_NOT_COUNT"),
                alone.problems().stream().map(PackProblem::code).toList(), alone.problems()::toString);

        FormFields.Library lib = FormFields.Library.of(files);
        FeeFormChecks.prebuild(files.files(), CODE, lib);
        assertEquals(0, lib.formsShared());
        PackSection.Result after = feeSection(files, lib);
        assertEquals(1, lib.formsShared(), "the fee section took the fields the prebuild built");
        assertEquals(formatted(alone.problems()), formatted(after.problems()));
    }

    @Test
    void prebuild_aTableWithoutQuantityCells_orAFormThatIsNotJson_buildsNothingAndChangesNothing() {
        PackFiles none = hoTich(FORM_TEXT, row("trich-luc", ""));
        FormFields.Library lib = FormFields.Library.of(none);
        FeeFormChecks.prebuild(none.files(), CODE, lib);
        lib.form(FORM, none.get(FORM));
        assertEquals(0, lib.formsShared(), "nothing built before the first ask");

        PackFiles broken = hoTich("{not json", row("trich-luc", "soBan"));
        FormFields.Library lib2 = FormFields.Library.of(broken);
        FeeFormChecks.prebuild(broken.files(), CODE, lib2); // the form section reports it; no fields, no failure here
        assertEquals(formatted(feeSection(broken, null).problems()), formatted(feeSection(broken, lib2).problems()));

        List<PackProblem> whole = new ArrayList<>();
        PackLoader.load(broken, BuiltInSections.all(), whole, null);
        assertTrue(whole.stream().anyMatch(p -> p.file().equals(FORM)), whole::toString);
        assertTrue(whole.stream().noneMatch(p -> p.code().startsWith("FEES_")), whole::toString);
    }
}
