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
