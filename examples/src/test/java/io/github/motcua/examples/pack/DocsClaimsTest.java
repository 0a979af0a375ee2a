package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.ReceivingUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the README and the guides say that the repository can check: a named test exists; a listed unit is the pack's. */
class DocsClaimsTest {
    static final Path ROOT = Path.of("..");

    /**
     * Every test the README or a guide names as its evidence ({@code `CheckRefusesCodeTest`}) is a class in the tree: a
     * renamed or removed test leaves the claim without one (docs/security.md named a {@code CliTest} that no longer
     * existed). docs/performance.md is left out: it is a log of sessions and names tests that were taken out with their
     * code, saying so.
     */
    @Test
    void readmeAndGuides_everyTestTheyNameExists() throws IOException {
        Set<String> classes;
        try (Stream<Path> s = Files.walk(ROOT)) {
            classes = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .map(p -> p.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        }
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("performance.md")).sorted()
                    .forEach(docs::add);
        }
        assertTrue(docs.size() > 10, docs.toString());
        Pattern named = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|Tests|IT))`");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Path doc : docs) {
            Matcher m = named.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                if (!classes.contains(m.group(1))) {
                    missing.add(doc.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(seen > 50, "test names found: " + seen);
        assertEquals(Set.of(), missing);
    }

    /**
     * docs/gia-lai-pack.md lists the 9 communes NQ 1664 left unchanged, and names the two entries kept only for old
     * dossiers: none of the 9 may be one of those two, and each is a border commune of the pack. (The list named Ia Tách,
     * which the same guide and units.yaml say is an old entry; the ninth commune is Ia Púch.)
     */
    @Test
    void giaLaiGuide_unchangedCommunesArePackUnitsNotTheOldEntries() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/gia-lai-pack.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| the 9 communes left unchanged by NQ 1664 \\| ([^|]+) \\|").matcher(guide);
        assertTrue(row.find(), "the guide's row of unchanged communes");
        List<String> names = Stream.of(row.group(1).split(",")).map(String::strip).toList();
        assertEquals(9, names.size(), names.toString());
        Matcher old = Pattern.compile("two old entries kept for old dossiers:\\s+`([^`]+)`[^`]*`([^`]+)`").matcher(guide);
        assertTrue(old.find(), "the guide's two old entries");
        Set<String> oldCodes = Set.of(old.group(1), old.group(2));
        assertEquals(Set.of("52-xa-ia-tach", "52-xa-krong-pa"), oldCodes);
        try (Engine e = Motcua.engine().build()) {
            e.load(GiaLaiCasesTest.PACK).orThrow();
            for (String name : names) {
                List<ReceivingUnit> units = e.units().stream().filter(u -> u.name().vi().equals("Xã " + name)).toList();
                assertEquals(1, units.size(), name + ": " + units);
                ReceivingUnit u = units.get(0);
                assertFalse(oldCodes.contains(u.code()), name + " is an entry kept for old dossiers: " + u.code());
                assertTrue(u.flags().contains("BORDER"), name + ": " + u.flags());
            }
        }
    }
    /** The guide's text with its line breaks and indentation read as single spaces, as a reader reads it. */
    static String flat(String doc) throws IOException {
        return Files.readString(ROOT.resolve(doc), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    /** The first italic quotation of {@code doc} that starts with {@code start}, whitespace made single spaces. */
    static String quoted(String doc, String start) throws IOException {
        Matcher m = Pattern.compile("\\*(" + Pattern.quote(start) + "[^*]*)\\*").matcher(flat(doc));
        assertTrue(m.find(), doc + " quotes no message starting [" + start + "]");
        return m.group(1).strip();
    }

    /** A copy of the Gia Lai pack under {@code dir} (a guide's claim breaks one of its files). */
    static Path giaLaiCopy(Path dir) throws IOException {
        Path to = dir.resolve("gia-lai");
        try (Stream<Path> walk = Files.walk(GiaLaiCasesTest.PACK)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(GiaLaiCasesTest.PACK.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    static List<io.github.motcua.rules.PackProblem> problems(Path pack) {
        try (Engine e = Motcua.engine().build()) {
            return e.load(pack).problems();
        }
    }

    /**
     * The analysts' messages docs/import.md, docs/pack-format.md and docs/fees.md quote (session 18) are the library's
     * words for the mistake they describe, so a reworded message cannot leave a guide quoting the old one; and one date
     * written day first in a legal-bases file is one problem, as docs/pack-format.md says.
     */
    @Test
    void guides_quoteTheAnalystsMessagesAsTheLibraryWritesThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // docs/import.md: a record with a comma before its closing brace
        Path pack = giaLaiCopy(dir);
        Path bad = Files.writeString(dir.resolve("comma.json"), "{\"code\": \"9.1\",\n \"name\": \"Thủ tục\",\n}");
        io.github.motcua.catalogue.imports.ImportReport r = io.github.motcua.catalogue.imports.Importer.into(pack)
                .importRecords(List.of(bad));
        assertEquals(1, r.refused().size(), r.text());
        String vi = r.refused().get(0).messageVi();
        String en = r.refused().get(0).messageEn();
        assertEquals(quoted("docs/import.md", "JSON không hợp lệ ở dòng"), vi);
        assertEquals(quoted("docs/import.md", "malformed JSON at line"), en);
        // docs/pack-format.md: a key with the wrong case, a date written day first in a legal-bases file
        Path proc = pack.resolve("procedures/GL.LLTP.01/procedure.yaml");
        String procText = Files.readString(proc, StandardCharsets.UTF_8);
        Files.writeString(proc, procText.replace("onlineLevel: FULL", "onlinelevel: FULL"), StandardCharsets.UTF_8);
        List<io.github.motcua.rules.PackProblem> ps = problems(pack);
        assertEquals(1, ps.size(), ps.toString());
        String key = quoted("docs/pack-format.md", "Khóa [onlinelevel]");
        assertTrue(ps.get(0).messageVi().startsWith(key), ps.get(0).messageVi() + " | the guide: " + key);
        Files.writeString(proc, procText, StandardCharsets.UTF_8);
        Path bases = pack.resolve("legal-bases/procedures.yaml");
        String basesText = Files.readString(bases, StandardCharsets.UTF_8);
        assertTrue(basesText.contains("  validFrom: 2025-07-01\n"));
        Files.writeString(bases, basesText.replaceFirst("  validFrom: 2025-07-01\n", "  validFrom: 01/07/2025\n"), StandardCharsets.UTF_8);
        ps = problems(pack);
        assertEquals(1, ps.size(), "one date written day first is one problem (docs/pack-format.md): " + ps.size());
        assertTrue(flat("docs/pack-format.md").contains("legal-bases/procedures.yaml gave 169 problems, now 1"));
        String date = quoted("docs/pack-format.md", "[01/01/2016] không phải ngày");
        assertEquals(date.replace("01/01/2016", "01/07/2025").replace("2016-01-01", "2025-07-01"), ps.get(0).messageVi());
        Files.writeString(bases, basesText, StandardCharsets.UTF_8);
        // docs/fees.md: a fee table whose rate is a formula stored without its result
        Path fees = pack.resolve("procedures/GL.LLTP.01/fees.csv");
        Files.delete(fees);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "motcua-test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("bieu-phi");
        String[] head = {"type", "item", "kind", "nameVi", "tariff", "rate", "basis"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
        }
        ws.value(1, 0, "RATE");
        ws.formula(1, 5, "1000+1000");
        wb.finish();
        Files.write(pack.resolve("procedures/GL.LLTP.01/fees.xlsx"), out.toByteArray());
        ps = problems(pack);
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(quoted("docs/fees.md", "Ô F2 dòng 2 có công thức"), ps.get(0).messageVi());
    }

    /**
     * The messages session 19 reworded, as the guides quote them: a dossier that is not JSON (docs/cli.md, both
     * languages) and a procedure folder copied under a new code (docs/pack-format.md: one problem at the base's line).
     */
    @Test
    void guides_quoteSession19sWordsAsTheLibraryWritesThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        io.github.motcua.rules.InvalidDossierException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.motcua.rules.InvalidDossierException.class,
                () -> io.github.motcua.rules.Dossier.fromJson("{\n  \"procedure\": \"1.001193\",\n  \"channel\": \"DESK\",\n}"));
        io.github.motcua.kernel.Problem p = e.problems().get(0);
        assertEquals("DOSSIER_NOT_JSON", p.code().name());
        assertEquals(4, p.line());
        assertEquals(quoted("docs/cli.md", "không phải JSON hợp lệ ở dòng"), p.messageVi());
        assertEquals(quoted("docs/cli.md", "not valid JSON at line"), p.messageEn());
        Path pack = giaLaiCopy(dir);
        try (Stream<Path> walk = Files.walk(pack.resolve("procedures/1.001193"))) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                Path t = pack.resolve("procedures/1.999999").resolve(pack.resolve("procedures/1.001193").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        Path proc = pack.resolve("procedures/1.999999/procedure.yaml");
        Files.writeString(proc, Files.readString(proc, StandardCharsets.UTF_8).replace("code: \"1.001193\"", "code: \"1.999999\""),
                StandardCharsets.UTF_8);
        List<io.github.motcua.rules.PackProblem> wrong = problems(pack).stream()
                .filter(x -> x.code().equals("CASE_WRONG_PROCEDURE")).toList();
        assertEquals(1, wrong.size(), wrong.toString());
        assertEquals(quoted("docs/pack-format.md", "Hồ sơ gốc ghi thủ tục"), wrong.get(0).messageVi());
    }
}
