package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fee section's tables parsed in pieces on the load's threads ({@link FeeTableSpread}, issue 15 session 23) give
 * exactly what the section's one loop over them gave: the same problems — codes, files, lines, columns, words and order,
 * the cap's one {@code PROBLEMS_MORE} with its count and place — the same tables and warnings, on packs whose fee tables
 * are broken in every way the section reports (many procedures' tables at once, past the load's 10,000 problems, a table
 * past its own 10,000), whatever order the pieces finish in; and a reload of one procedure's edited fees is right.
 *
 * <p>The one loop is the section given more tables per piece than the pack has ({@code new FeeSection(MAX_VALUE)}: one
 * piece, the loop of session 22 and before, on the section's thread); the spread is {@code new FeeSection(1)}, up to
 * {@link FeeTableSpread#MAX_PIECES} pieces even on these small packs, on a pool whose tasks start after random delays.
 */
class FeeTableSpreadTest {
    private static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,basis\n";
    private static final String FORM = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"properties\":{\"soBan\":{\"type\":\"integer\",\"minimum\":0},\"coTrichLuc\":{\"type\":\"boolean\"}}}";
    private static final String EXEMPTIONS_HEADER = "item,categories,percent,basis\n";

    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static String row(String item, String rate, String copiesPath, String basis) {
        return "RATE," + item + ",LE_PHI,Cấp bản sao trích lục,Extract copy,FLAT," + rate + ",,,,," + copiesPath + "," + basis + "\n";
    }

    private static String good(String item) {
        return HEADER + row(item, "8000", "", "LHT-2014-D11");
    }

    private static Map<String, byte[]> hoTich() {
        try {
            Path dir = Path.of(FeeTableSpreadTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
            List<PackProblem> problems = new ArrayList<>();
            PackFiles base = PackFiles.read(dir, problems);
            assertTrue(problems.isEmpty(), problems::toString);
            return new TreeMap<>(base.files());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String code(int i) {
        return String.format(java.util.Locale.ROOT, "9.%06d", i);
    }

    /** One exemption category, for the exemption tables that name it. */
    private static final String EXEMPTIONS_YAML = "categories:\n  - code: POOR_HOUSEHOLD\n    match: APPLICANT\n"
            + "    name: { vi: \"Người thuộc hộ nghèo\", en: \"Member of a poor household\" }\n    basis: LHT-2014-D11\n";

    /**
     * The test pack with an exemptions.yaml and {@code n} more procedures (codes 9.000000…), each a copy of the marriage
     * registration's procedure.yaml with the files {@code folder.apply(i)} beside it.
     */
    private static Map<String, byte[]> catalogue(int n, java.util.function.IntFunction<Map<String, byte[]>> folder) {
        Map<String, byte[]> files = hoTich();
        files.put("exemptions.yaml", utf8(EXEMPTIONS_YAML));
        String procedure = new String(files.get("procedures/1.000894/procedure.yaml"), StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            String c = code(i);
            files.put("procedures/" + c + "/procedure.yaml", utf8(procedure.replace("code: \"1.000894\"", "code: \"" + c + "\"")));
            for (Map.Entry<String, byte[]> e : folder.apply(i).entrySet()) {
                files.put("procedures/" + c + "/" + e.getKey(), e.getValue());
            }
        }
        return files;
    }

    private static Map<String, byte[]> text(String... pathsAndTexts) {
        Map<String, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            out.put(pathsAndTexts[i], utf8(pathsAndTexts[i + 1]));
        }
        return out;
    }

    /** A procedure's fee files broken the {@code i % 16}-th way (each a kind of problem the section reports), or good. */
    private static Map<String, byte[]> brokenWays(int i) {
        String item = "trich-luc-" + i;
        return switch (i % 16) {
            case 1 -> text("fees.csv", HEADER + row(item, "8000", "", "KHONG-CO-CAN-CU")); // unknown basis
            case 2 -> text("fees.csv", HEADER + row(item, "tám nghìn", "", "LHT-2014-D11")); // not a number
            case 3 -> text("fees.csv", HEADER.strip() + ",x,y,z\n" + row(item, "8000", "", "LHT-2014-D11")); // unknown columns
            case 4 -> text("fees.csv", HEADER + "RATE,\"" + item + ",LE_PHI\n"); // a quote never closed
            case 5 -> text("fees.csv", HEADER + row(item, "8000", "soBann", "LHT-2014-D11") + row(item + "b", "5000",
                    "coTrichLuc", "LHT-2014-D11"), "form.schema.json", FORM); // an unknown form field, a yes/no as a count
            case 6 -> text("fees.csv", good(item), "fees.xlsx", "not a spreadsheet"); // two tables: the second refused
            case 7 -> text("fees.csv", HEADER + row(item, "-5", "", "LHT-2014-D11"), "fees.xlsx", "PK not a zip"); // both read
            case 8 -> text("fees.csv", good(item), "fee-exemptions.csv", EXEMPTIONS_HEADER + item
                    + ",KHONG_CO_NHOM,100,LHT-2014-D11\n"); // an unknown category
            case 9 -> text("fees.csv", good(item), "fee-exemptions.csv", EXEMPTIONS_HEADER, "fee-exemptions.xlsx", "x");
            case 10 -> text("fees.csv", ""); // empty
            case 11 -> text("fee-exemptions.csv", EXEMPTIONS_HEADER); // an exemption table without a fee table
            case 12 -> text("fees.csv", "\uFEFF" + HEADER + row(item, "8000", "", "LHT-2014-D11") + row(item, "9000", "",
                    "LHT-2014-D11")); // the same item twice, windows overlapping
            case 13 -> text("fees.csv", HEADER + row(item, "8000", "soBan", "LHT-2014-D11"), "form.schema.json", FORM,
                    "fee-exemptions.csv", EXEMPTIONS_HEADER + item + ",POOR_HOUSEHOLD,100,LHT-2014-D11\n"); // good
            case 14 -> Map.of("fees.csv", new byte[] {'t', 'y', 'p', 'e', (byte) 0xC3, 0x28, '\n'}); // not UTF-8
            default -> text("fees.csv", good(item));
        };
    }

    /** The fee section given {@code tablesPerPiece}, with the other built-in sections. */
    private static List<PackSection> sections(int tablesPerPiece) {
        List<PackSection> out = new ArrayList<>();
        for (PackSection s : BuiltInSections.all()) {
            out.add(s instanceof BuiltInSections.FeeSection ? new BuiltInSections.FeeSection(tablesPerPiece) : s);
        }
        return out;
    }

    /** The pool's tasks, each started after a random delay of up to 3 ms: the pieces finish in any order. */
    private static java.util.concurrent.Executor shuffled(long seed, AtomicInteger tasks) {
        Random random = new Random(seed);
        return task -> {
            tasks.incrementAndGet();
            long delay;
            synchronized (random) {
                delay = random.nextInt(3_000);
            }
            pool.execute(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(delay * 1_000);
                task.run();
            });
        };
    }

    private record Load(List<PackProblem> problems, PackLoader.Loaded loaded) {
    }

    private static Load load(Map<String, byte[]> files, int tablesPerPiece, java.util.concurrent.Executor threads,
            PackLoader.Memo previous) {
        ProblemSink<PackProblem> problems = ProblemCap.sink();
        PackLoader.Loaded loaded = PackLoader.load(PackFiles.of("t", files), sections(tablesPerPiece), problems, previous, threads);
        return new Load(problems.list(), loaded);
    }

    private static String formatted(List<PackProblem> problems) {
        StringBuilder b = new StringBuilder();
        for (PackProblem p : problems) {
            b.append(p.file()).append(':').append(p.line()).append(':').append(p.column()).append(" [").append(p.code())
                    .append("] ").append(p.messageVi()).append(" | ").append(p.messageEn()).append('\n');
        }
        return b.toString();
    }

    /**
     * The one loop's problems of {@code files}, after checking that the spread gives the same on one thread (the pieces
     * run as they are queued, the first last) and in six runs on the shuffled pool, and that it did spread.
     */
    private static List<PackProblem> sameProblems(Map<String, byte[]> files) {
        return sameProblems(files, true, 6);
    }

    /**
     * @param spread whether the section has tables to parse (not when exemptions.yaml is refused)
     * @param runs   the runs on the shuffled pool
     */
    private static List<PackProblem> sameProblems(Map<String, byte[]> files, boolean spread, int runs) {
        List<PackProblem> loop = load(files, Integer.MAX_VALUE, Runnable::run, null).problems();
        String expected = formatted(loop);
        assertEquals(expected, formatted(load(files, 1, Runnable::run, null).problems()), "spread, on one thread");
        AtomicInteger loopTasks = new AtomicInteger();
        assertEquals(expected, formatted(load(files, Integer.MAX_VALUE, shuffled(1, loopTasks), null).problems()), "loop, pool");
        for (int run = 0; run < runs; run++) {
            AtomicInteger tasks = new AtomicInteger();
            assertEquals(expected, formatted(load(files, 1, shuffled(run, tasks), null).problems()), "spread, pool, run " + run);
            assertEquals(loopTasks.get() + (spread ? FeeTableSpread.MAX_PIECES - 1 : 0), tasks.get(),
                    "the load's tasks and the fee section's pieces but its first");
        }
        return loop;
    }

    private static long count(List<PackProblem> problems, String code) {
        return problems.stream().filter(p -> p.code().equals(code)).count();
    }

    @Test
    void manyProceduresWithBrokenFeeTables_theSameProblemsInTheSameOrder() {
        Map<String, byte[]> files = catalogue(96, FeeTableSpreadTest::brokenWays);
        List<PackProblem> problems = sameProblems(files);
        // the pack is broken the ways meant, each procedure at its own files (not an empty comparison)
        Set<String> codes = new HashSet<>();
        problems.forEach(p -> codes.add(p.code()));
        assertTrue(codes.containsAll(Set.of("DUPLICATE_FEES", "FEES_UNKNOWN_FORM_FIELD", "FEES_FORM_FIELD_NOT_COUNT")), codes::toString);
        assertEquals(12, problems.stream().filter(p -> p.code().equals("DUPLICATE_FEES")).count(),
                "a second fee table (6 procedures) and a second exemption table (6 procedures)");
        assertEquals(6, count(problems, "FEES_UNKNOWN_FORM_FIELD"));
        assertEquals(6, count(problems, "FEES_EXEMPTIONS_WITHOUT_FEES"));
        assertEquals(6, count(problems, "FEES_XLSX_NOT_ZIP"), "a second table read when the first did not parse");
        assertEquals(6, count(problems, "FEES_EMPTY"));
        assertEquals(6, count(problems, "CSV_UNCLOSED_QUOTE"));
        for (int i = 0; i < 96; i++) {
            String folder = "procedures/" + code(i) + "/";
            boolean reported = problems.stream().anyMatch(p -> p.file().startsWith(folder));
            assertEquals(!Set.of(0, 13, 15).contains(i % 16), reported, folder + ": " + i % 16);
        }
    }

    /** A fee table whose header has {@code unknown} columns the section does not know: a problem each. */
    private static String unknownColumns(int unknown) {
        StringBuilder b = new StringBuilder(HEADER.strip());
        for (int c = 0; c < unknown; c++) {
            b.append(",cot").append(c);
        }
        return b.append('\n').toString();
    }

    @Test
    void pastTheLoadsCap_theSameFirst10000_theSameCountAtTheSamePlace() {
        // 45 procedures: most tables 400 unknown columns, three 11,000 (past a table's own 10,000: folded as a count); a
        // piece holding one of those keeps its own first 10,000 and counts the rest, as the section's sink does
        Map<String, byte[]> files = catalogue(45, i -> text("fees.csv", unknownColumns(i % 20 == 4 ? 11_000 : 400)));
        List<PackProblem> problems = sameProblems(files, true, 3);
        assertEquals(ProblemSink.MAX + 1, problems.size());
        PackProblem more = problems.get(ProblemSink.MAX);
        assertEquals(PackProblem.MORE, more.code());
        long listed = 0;
        for (PackProblem p : problems.subList(0, ProblemSink.MAX)) {
            listed += p.code().equals("FEES_UNKNOWN_COLUMN") ? 1 : 0;
        }
        assertTrue(listed > 9_000, "the tables' own problems first: " + listed);
        // every unknown column found is a problem, listed or counted (42 tables of 400, 3 of 11,000, and the load's others)
        long found = 42 * 400 + 3 * 11_000;
        assertTrue(more.messageEn().matches("[0-9,]+ more problems, from this place on, are not listed.*"), more.messageEn());
        long counted = Long.parseLong(more.messageEn().substring(0, more.messageEn().indexOf(' ')).replace(",", ""));
        assertTrue(counted + ProblemSink.MAX >= found, counted + " counted");
    }

    @Test
    void aBrokenExemptionsYaml_isTheOnlyFeeProblem_asBefore() {
        Map<String, byte[]> files = catalogue(96, FeeTableSpreadTest::brokenWays);
        files.put("exemptions.yaml", utf8(EXEMPTIONS_YAML.replace("match: APPLICANT", "match: SOMETIMES")));
        List<PackProblem> problems = sameProblems(files, false, 6);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("exemptions.yaml")), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.file().endsWith("/fees.csv")), "no table is parsed without the catalogue");
    }

    @Test
    void aGoodCatalogue_theSameTablesAndWarnings_andTheSameProblemFreeLoad() {
        Map<String, byte[]> files = catalogue(96, i -> brokenWays(i % 2 == 0 ? 13 : 0));
        Load loop = load(files, Integer.MAX_VALUE, Runnable::run, null);
        assertTrue(loop.problems().isEmpty(), loop.problems()::toString);
        BuiltInSections.PackFees expected = loop.loaded().pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class);
        assertEquals(96, expected.tables().size());
        for (int run = 0; run < 4; run++) {
            Load spread = load(files, 1, shuffled(run, new AtomicInteger()), null);
            assertTrue(spread.problems().isEmpty(), spread.problems()::toString);
            BuiltInSections.PackFees fees = spread.loaded().pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class);
            assertEquals(expected.tables().keySet(), fees.tables().keySet());
            assertEquals(expected.warnings(), fees.warnings());
            for (String c : expected.tables().keySet()) {
                assertEquals(expected.tables().get(c).quantityCells().size(), fees.tables().get(c).quantityCells().size(), c);
                assertEquals(expected.tables().get(c).source(), fees.tables().get(c).source(), c);
            }
            assertNotNull(spread.loaded().memo(), "a clean load leaves its memo for a reload");
        }
    }

    @Test
    void reload_oneProceduresFeesEdited_onlyItsTableParsed_itsProblemsAsAFirstLoadsAndTheOthersKept() {
        Map<String, byte[]> good = catalogue(96, i -> brokenWays(i % 2 == 0 ? 13 : 0));
        Load first = load(good, 1, shuffled(7, new AtomicInteger()), null);
        assertTrue(first.problems().isEmpty(), first.problems()::toString);
        BuiltInSections.PackFees before = first.loaded().pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class);
        String edited = code(42);
        String path = "procedures/" + edited + "/fees.csv";

        // the edit breaks it: refused with exactly its problems, those a first load of the edited pack gives
        Map<String, byte[]> broken = new TreeMap<>(good);
        broken.put(path, utf8(HEADER + row("trich-luc-13", "tám nghìn", "soBann", "KHONG-CO-CAN-CU")));
        Load reload = load(broken, 1, shuffled(8, new AtomicInteger()), first.loaded().memo());
        assertNull(reload.loaded().memo(), "refused: nothing to reuse");
        assertFalse(reload.problems().isEmpty());
        assertTrue(reload.problems().stream().allMatch(p -> p.file().equals(path)), reload.problems()::toString);
        assertEquals(Set.of("FEES_NOT_WHOLE_NUMBER", "FEES_UNKNOWN_BASIS"), new HashSet<>(reload.problems().stream()
                .map(PackProblem::code).toList()), reload.problems()::toString);
        assertEquals(formatted(load(broken, Integer.MAX_VALUE, Runnable::run, null).problems()), formatted(reload.problems()));
        assertEquals(formatted(reload.problems()), formatted(load(broken, Integer.MAX_VALUE, Runnable::run,
                first.loaded().memo()).problems()), "the same reload through the one loop");

        // fixed with a new rate: its table is new, every other one the table the first load parsed
        Map<String, byte[]> fixed = new TreeMap<>(good);
        fixed.put(path, utf8(HEADER + row("trich-luc-13", "12000", "soBan", "LHT-2014-D11")));
        Load again = load(fixed, 1, shuffled(9, new AtomicInteger()), first.loaded().memo());
        assertTrue(again.problems().isEmpty(), again.problems()::toString);
        BuiltInSections.PackFees after = again.loaded().pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class);
        assertEquals(before.tables().keySet(), after.tables().keySet());
        for (String c : before.tables().keySet()) {
            if (c.equals(edited)) {
                assertNotSame(before.tables().get(c), after.tables().get(c));
                assertEquals(Set.of("trich-luc-13"), after.tables().get(c).items());
            } else {
                assertSame(before.tables().get(c), after.tables().get(c), c);
            }
        }

        // a pack-wide file edited: every table parsed again, spread, as the one loop parses them
        Map<String, byte[]> wide = new TreeMap<>(broken);
        wide.put("exemptions.yaml", utf8(EXEMPTIONS_YAML + "# sửa chú thích\n"));
        Load spread = load(wide, 1, shuffled(10, new AtomicInteger()), first.loaded().memo());
        assertEquals(formatted(load(wide, Integer.MAX_VALUE, Runnable::run, first.loaded().memo()).problems()), formatted(spread.problems()));
        assertTrue(spread.problems().stream().allMatch(p -> p.file().equals(path)), spread.problems()::toString);
    }

    private static FeeTableSpread.Table table(String code, boolean reused) {
        return new FeeTableSpread.Table("procedures/" + code + "/fees.csv", code, "csv", reused);
    }

    @Test
    void pieces_coverEveryTableOnce_neverSplitAProcedure_atMostMaxPieces() {
        Random random = new Random(15);
        for (int round = 0; round < 500; round++) {
            List<FeeTableSpread.Table> tables = new ArrayList<>();
            int n = random.nextInt(400);
            for (int i = 0; i < n; i++) {
                // a procedure's second table mostly next to its first, now and then further on (a map in another order)
                String c = random.nextInt(10) == 0 && i > 0 ? tables.get(random.nextInt(i)).code() : "c" + i;
                tables.add(table(c, random.nextInt(4) == 0));
            }
            int per = 1 + random.nextInt(40);
            List<int[]> pieces = FeeTableSpread.pieces(tables, per);
            assertTrue(pieces.size() >= 1 && pieces.size() <= FeeTableSpread.MAX_PIECES, pieces.size() + " pieces");
            int at = 0;
            Map<String, Integer> pieceOf = new java.util.HashMap<>();
            for (int k = 0; k < pieces.size(); k++) {
                assertEquals(at, pieces.get(k)[0], "contiguous");
                assertTrue(pieces.get(k)[1] > pieces.get(k)[0] || n == 0, "not empty");
                for (int i = pieces.get(k)[0]; i < pieces.get(k)[1]; i++) {
                    Integer was = pieceOf.put(tables.get(i).code(), k);
                    assertTrue(was == null || was == k, "procedure " + tables.get(i).code() + " in pieces " + was + " and " + k);
                }
                at = pieces.get(k)[1];
            }
            assertEquals(n, at, "every table");
            long toParse = tables.stream().filter(t -> !t.reused()).count();
            if (toParse < 2L * per) {
                assertEquals(1, pieces.size(), "fewer than two pieces' worth: one piece");
            }
        }
    }

    @Test
    void aPieceThatThrows_failsTheSection_withTheFirstFailureInFileOrder() {
        List<FeeTableSpread.Table> tables = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tables.add(table("c" + (100 + i), false));
        }
        for (int run = 0; run < 10; run++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> FeeTableSpread.run(tables, 4,
                    shuffled(3, new AtomicInteger()), ProblemCap.sink(), (t, part) -> {
                        if (t.code().equals("c120") || t.code().equals("c150")) {
                            throw new IllegalStateException(t.code());
                        }
                    }));
            assertEquals("c120", e.getMessage());
        }
        // and without a failure every table is worked once, each piece's in file order
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        FeeTableSpread.Part all = FeeTableSpread.run(tables, 4, shuffled(4, new AtomicInteger()), ProblemCap.sink(),
                (t, part) -> {
                    seen.add(t.code());
                    part.problems().add(new PackProblem(t.path(), 1, 1, "X", "x", "x"));
                });
        assertEquals(64, seen.size());
        assertEquals(64, new HashSet<>(seen).size());
        assertEquals(64, all.problems().size());
        for (int i = 0; i < 64; i++) {
            assertEquals("procedures/c" + (100 + i) + "/fees.csv", all.problems().get(i).file());
        }
    }
}
