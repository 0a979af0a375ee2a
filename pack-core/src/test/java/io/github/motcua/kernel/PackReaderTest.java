package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackReaderTest {
    @TempDir
    Path dir;

    Path pack() throws IOException {
        Path p = Files.createDirectories(dir.resolve("pack"));
        Files.createDirectories(p.resolve("calendar"));
        Files.writeString(p.resolve("pack.yaml"), "id: test\n", StandardCharsets.UTF_8);
        Files.writeString(p.resolve("calendar/2026.yaml"), "year: 2026\n", StandardCharsets.UTF_8);
        Files.writeString(p.resolve("calendar/.hidden.yaml"), "x: 1\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("secret.txt"), "outside\n", StandardCharsets.UTF_8);
        return p;
    }

    static void symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
    }

    @Nested
    class Links {
        @Test
        void text_linkToAFileOutsideThePack_isRefused() throws IOException {
            Path p = pack();
            symlink(p.resolve("calendar/2027.yaml"), dir.resolve("secret.txt"));
            PackReadException e = assertThrows(PackReadException.class, () -> PackReader.of(p).text("calendar/2027.yaml"));
            assertEquals(ProblemCode.LINK_OUTSIDE_PACK, e.problem().code());
            assertEquals("calendar/2027.yaml", e.problem().file());
        }

        @Test
        void text_fileUnderAFolderLinkedOutside_isRefused() throws IOException {
            Path p = pack();
            Path outside = Files.createDirectories(dir.resolve("elsewhere"));
            Files.writeString(outside.resolve("2026.yaml"), "year: 1\n");
            symlink(p.resolve("linked"), outside);
            PackReadException e = assertThrows(PackReadException.class, () -> PackReader.of(p).text("linked/2026.yaml"));
            assertEquals(ProblemCode.LINK_OUTSIDE_PACK, e.problem().code());
        }

        @Test
        void list_aLinkLeavingThePack_isRefusedNotSkipped() throws IOException {
            Path p = pack();
            symlink(p.resolve("calendar/2027.yaml"), dir.resolve("secret.txt"));
            assertThrows(PackReadException.class, () -> PackReader.of(p).list("calendar", ".yaml"));
        }

        @Test
        void text_linkInsideThePack_isRead() throws IOException {
            Path p = pack();
            symlink(p.resolve("calendar/copy.yaml"), p.resolve("calendar/2026.yaml"));
            assertEquals("year: 2026\n", PackReader.of(p).text("calendar/copy.yaml").orElseThrow());
        }

        @Test
        void text_dotDotOrAbsolutePath_isRefused() throws IOException {
            Path p = pack();
            PackReader r = PackReader.of(p);
            assertEquals(ProblemCode.LINK_OUTSIDE_PACK,
                    assertThrows(PackReadException.class, () -> r.text("../secret.txt")).problem().code());
            assertEquals(ProblemCode.LINK_OUTSIDE_PACK,
                    assertThrows(PackReadException.class, () -> r.text("calendar/../../secret.txt")).problem().code());
            assertThrows(PackReadException.class, () -> r.text(dir.resolve("secret.txt").toString()));
        }

        @Test
        void readAll_linkOutside_isAProblemAndTheRestIsRead() throws IOException {
            Path p = pack();
            symlink(p.resolve("calendar/2027.yaml"), dir.resolve("secret.txt"));
            List<Problem> problems = new ArrayList<>();
            SortedMap<String, byte[]> files = PackReader.of(p).readAll(problems);
            assertEquals(List.of("calendar/2026.yaml", "pack.yaml"), List.copyOf(files.keySet()));
            assertEquals(1, problems.size());
            assertEquals(ProblemCode.LINK_OUTSIDE_PACK, problems.get(0).code());
            assertEquals("calendar/2027.yaml:0:0: [LINK_OUTSIDE_PACK] symbolic link leads outside the pack folder [calendar/2027.yaml]",
                    problems.get(0).format(Locale.ENGLISH));
        }
    }

    @Nested
    class Limits {
        @Test
        void bytes_fileOverTheLimit_isRefusedBeforeReading() throws IOException {
            Path p = pack();
            Files.write(p.resolve("big.csv"), new byte[2048]);
            PackReader r = PackReader.of(p, new PackReader.Limits(1024, 10, 8));
            PackReadException e = assertThrows(PackReadException.class, () -> r.bytes("big.csv"));
            assertEquals(ProblemCode.FILE_TOO_LARGE, e.problem().code());
            assertEquals("Tệp quá lớn (tối đa 1024 byte)", e.problem().messageVi());
        }

        @Test
        void readAll_tooManyFiles_stopsWithAProblem() throws IOException {
            Path p = pack();
            List<Problem> problems = new ArrayList<>();
            PackReader.of(p, new PackReader.Limits(1024, 1, 8)).readAll(problems);
            assertEquals(ProblemCode.PACK_TOO_LARGE, problems.get(0).code());
        }

        /**
         * The files of a pack together are bounded too: without a total, 50,000 files of 8 MB each were all read into
         * memory (560 MB of notes beside a pack ran a 512 MB JVM out of memory at load). The walk stops at the file that
         * passes the total, naming it, on one thread or many, and keeps nothing past it.
         */
        @Test
        void readAll_filesTogetherOverTheTotal_stopsAtTheFileThatPassesIt_onOneThreadOrMany() throws Exception {
            Path p = pack();
            Files.createDirectories(p.resolve("notes"));
            for (int i = 0; i < 5; i++) {
                Files.write(p.resolve("notes/n" + i + ".md"), new byte[900]);
            }
            long packYaml = Files.size(p.resolve("pack.yaml")) + Files.size(p.resolve("calendar/2026.yaml")); // the small files
            PackReader r = PackReader.of(p, new PackReader.Limits(1024, 100, 8, 2 * 900 + packYaml));
            List<Problem> problems = new ArrayList<>();
            SortedMap<String, byte[]> read = r.readAll(problems);
            assertEquals(1, problems.size(), problems.toString());
            Problem q = problems.get(0);
            assertEquals(ProblemCode.PACK_TOO_MANY_BYTES, q.code());
            assertTrue(q.file().startsWith("notes/n"), q.file());
            assertEquals("Bộ quy tắc quá lớn: các tệp cộng lại vượt " + (2 * 900 + packYaml) + " byte từ tệp này, không đọc tiếp",
                    q.messageVi());
            assertTrue(q.messageEn().startsWith("the pack is too large"), q.messageEn());
            assertTrue(read.values().stream().mapToLong(b -> b.length).sum() <= 2 * 900 + packYaml, read.keySet().toString());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<Problem> found = new ArrayList<>();
                SortedMap<String, byte[]> many = r.readAll(found, pool);
                assertEquals(problems, found);
                assertEquals(read.keySet(), many.keySet());
            } finally {
                pool.shutdownNow();
            }
            // within the total: everything is read, as before
            assertEquals(List.of(), readAllProblems(PackReader.of(p, new PackReader.Limits(1024, 100, 8, 5 * 900 + packYaml))));
            assertEquals(PackReader.Limits.DEFAULT_TOTAL_BYTES, new PackReader.Limits(1024, 100, 8).maxTotalBytes());
            assertEquals(256L * 1024 * 1024, PackReader.Limits.DEFAULT.maxTotalBytes());
        }

        private List<Problem> readAllProblems(PackReader r) {
            List<Problem> problems = new ArrayList<>();
            r.readAll(problems);
            return problems;
        }

        /**
         * Reading a pack with its folders shared out over threads gives the files and the problems of the one-thread
         * walk, in its order, on one, two or four threads, for every limit on the number of files from one past the
         * pack's size down to one: a limit hit names the same first file past it, and nothing past it is kept.
         */
        @Test
        void readAll_onOneThreadOrMany_sameFilesSameProblemsSameOrder_atEveryFileLimit() throws Exception {
            Path p = pack();
            for (int i = 0; i < 12; i++) {
                Path f = Files.createDirectories(p.resolve("procedures/P" + i));
                Files.writeString(f.resolve("procedure.yaml"), "code: P" + i + "\n");
                Files.writeString(f.resolve("rules.yaml"), "- rule: " + i + "\n");
                if (i % 3 == 0) {
                    Files.write(f.resolve("big.csv"), new byte[300]); // past the 256-byte limit below
                }
                if (i % 4 == 1) {
                    Files.createDirectories(f.resolve("cases"));
                    Files.writeString(f.resolve("cases/a.yaml"), "x: " + i + "\n");
                    Files.writeString(f.resolve(".hidden.yaml"), "x: 1\n");
                }
            }
            Files.createDirectories(p.resolve(".git/objects"));
            Files.writeString(p.resolve(".git/objects/x"), "not part of the pack\n");
            boolean links = true;
            try {
                Files.createSymbolicLink(p.resolve("procedures/P5/outside.yaml"), dir.resolve("secret.txt"));
                Files.createSymbolicLink(p.resolve("procedures/P7/inside.yaml"), p.resolve("pack.yaml"));
                Files.createSymbolicLink(p.resolve("procedures/P8/folder"), p.resolve("calendar"));
            } catch (IOException | UnsupportedOperationException e) {
                links = false; // the rest still holds without links
            }
            // two small packs, the same names, the file too large in either folder: in one of them the walk meets it
            // after the last file it keeps, where a limit equal to the files kept stops the walk at it
            List<Path> packs = new ArrayList<>(List.of(p));
            for (int v = 0; v < 2; v++) {
                Path q = Files.createDirectories(dir.resolve("order" + v));
                for (int k = 0; k < 2; k++) {
                    Path f = Files.createDirectories(q.resolve("folder" + k));
                    if (k == v) {
                        Files.write(f.resolve("file.csv"), new byte[300]);
                    } else {
                        Files.writeString(f.resolve("file.csv"), "a,b\n");
                    }
                }
                packs.add(q);
            }
            List<java.util.concurrent.ExecutorService> pools = List.of(java.util.concurrent.Executors.newFixedThreadPool(1),
                    java.util.concurrent.Executors.newFixedThreadPool(2), java.util.concurrent.Executors.newFixedThreadPool(4));
            try {
                List<Problem> all = new ArrayList<>();
                int files = PackReader.of(p, new PackReader.Limits(256, 1000, 8)).readAll(all).size();
                assertTrue(files >= 28, "files read: " + files);
                assertTrue(all.stream().anyMatch(x -> x.code() == ProblemCode.FILE_TOO_LARGE), all.toString());
                assertEquals(links, all.stream().anyMatch(x -> x.code() == ProblemCode.LINK_OUTSIDE_PACK), all.toString());
                int limitsHit = 0;
                for (Path pack : packs) {
                    for (int max = pack == p ? files + 4 : 3; max >= 1; max--) {
                        PackReader r = PackReader.of(pack, new PackReader.Limits(256, max, 8));
                        List<Problem> expected = new ArrayList<>();
                        SortedMap<String, byte[]> one = r.readAll(expected);
                        limitsHit += expected.stream().anyMatch(x -> x.code() == ProblemCode.PACK_TOO_LARGE) ? 1 : 0;
                        for (int round = 0; round < 3; round++) {
                            for (java.util.concurrent.ExecutorService pool : pools) {
                                List<Problem> found = new ArrayList<>();
                                SortedMap<String, byte[]> many = r.readAll(found, pool);
                                assertEquals(expected, found, "limit " + max);
                                assertEquals(one.keySet(), many.keySet(), "limit " + max);
                                for (String k : one.keySet()) {
                                    assertArrayEquals(one.get(k), many.get(k), k);
                                }
                            }
                        }
                    }
                }
                assertTrue(limitsHit > files - 4, "the limit was hit at most sizes: " + limitsHit);
                // the pack folder named another way (relative, not normalised): the same names as the walk's
                List<Problem> expected = new ArrayList<>();
                SortedMap<String, byte[]> one = PackReader.of(p).readAll(expected);
                Path here = Path.of("").toAbsolutePath();
                for (Path other : List.of(here.relativize(p), p.resolve("procedures/.."), p.resolve("."),
                        here.relativize(p).resolve("calendar/.."))) {
                    for (java.util.concurrent.ExecutorService pool : pools) {
                        List<Problem> found = new ArrayList<>();
                        SortedMap<String, byte[]> many = PackReader.of(other).readAll(found, pool);
                        assertEquals(one.keySet(), many.keySet(), other.toString());
                        assertEquals(expected, found, other.toString());
                    }
                }
            } finally {
                pools.forEach(java.util.concurrent.ExecutorService::shutdownNow);
            }
        }

        @Test
        void yaml_nestedDeeperThanTheLimit_isRefusedWithPosition() {
            String deep = "a:\n  b:\n    c:\n      d: 1\n";
            PackReadException e = assertThrows(PackReadException.class,
                    () -> PackReader.yaml("x.yaml", deep, new PackReader.Limits(100, 10, 2)));
            assertEquals(ProblemCode.TOO_DEEP, e.problem().code());
            assertEquals(3, e.problem().line()); // a mapping starts at its first key
            assertEquals("/a/b", e.problem().pointer());
        }
    }

    @Nested
    class Encoding {
        @Test
        void decode_notUtf8_isRefusedNeverReplaced() {
            byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1);
            PackReadException e = assertThrows(PackReadException.class, () -> PackReader.decode("a.csv", latin1));
            assertEquals(ProblemCode.NOT_UTF8, e.problem().code());
        }

        @Test
        void decode_malformedByte_namesItsLineAndColumn() {
            byte[] ok = "id: x\nname: Gi".getBytes(StandardCharsets.UTF_8);
            byte[] bad = new byte[ok.length + 4];
            System.arraycopy(ok, 0, bad, 0, ok.length);
            bad[ok.length] = (byte) 0xC3; // the first byte of "à" without its second
            bad[ok.length + 1] = 'a';
            bad[ok.length + 2] = '\n';
            bad[ok.length + 3] = 'x';
            PackReadException e = assertThrows(PackReadException.class, () -> PackReader.decode("pack.yaml", bad));
            assertEquals(ProblemCode.NOT_UTF8, e.problem().code());
            assertEquals("pack.yaml", e.problem().file());
            assertEquals(2, e.problem().line());
            assertEquals(9, e.problem().column()); // "name: Gi" is 8 characters
            assertTrue(e.problem().messageVi().startsWith("Tệp không phải văn bản UTF-8"), e.problem().messageVi());
        }

        @Test
        void decode_malformedByteAfterNonAsciiText_countsCharactersNotBytes() {
            byte[] ok = "\uFEFFtên: Tết 𝄞 ".getBytes(StandardCharsets.UTF_8);
            byte[] bad = java.util.Arrays.copyOf(ok, ok.length + 1);
            bad[ok.length] = (byte) 0xFF; // never a byte of UTF-8
            PackReadException e = assertThrows(PackReadException.class, () -> PackReader.decode("a.yaml", bad));
            assertEquals(1, e.problem().line());
            assertEquals(12, e.problem().column()); // the mark counts nothing, the clef one column
        }

        @Test
        void requireUtf8_refusesWhatDecodeRefuses_atTheSamePlace() {
            byte[] bad = {'a', '\n', 'b', (byte) 0xE1, (byte) 0xBA, 'c'}; // "ế" cut after two of its three bytes
            PackReadException d = assertThrows(PackReadException.class, () -> PackReader.decode("f.yaml", bad));
            PackReadException r = assertThrows(PackReadException.class, () -> PackReader.requireUtf8("f.yaml", bad));
            assertEquals(d.problem(), r.problem());
            assertEquals(2, r.problem().line());
            assertEquals(2, r.problem().column());
            PackReader.requireUtf8("f.yaml", "Tết".getBytes(StandardCharsets.UTF_8)); // and takes what it takes
        }

        @Test
        void decode_replacementCharacterWrittenAsSuch_isText() {
            assertEquals("a\uFFFDb", PackReader.decode("a.yaml", "a\uFFFDb".getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void decode_byteOrderMark_isDropped() {
            byte[] bom = "\uFEFFid: x".getBytes(StandardCharsets.UTF_8);
            assertEquals("id: x", PackReader.decode("pack.yaml", bom));
        }

        @Test
        void decode_decomposedVietnamese_isNfc() {
            String decomposed = "Te\u0302\u0301t"; // "Tết" typed with combining marks
            assertEquals("T\u1EBFt", PackReader.decode("a.yaml", decomposed.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Nested
    class Yaml {
        @Test
        void yaml_everyNodeHasLineColumnAndPointer() {
            PackNode root = PackReader.yaml("units.yaml", "units:\n  - code: \"xa-1\"\n    nameVi: Xã Một\n    border: true\n",
                    PackReader.Limits.DEFAULT);
            PackNode unit = root.get("units").list().get(0);
            assertEquals("/units/0", unit.pointer());
            PackNode name = unit.get("nameVi");
            assertEquals(3, name.line());
            assertEquals(13, name.column());
            assertEquals("/units/0/nameVi", name.pointer());
            assertEquals("Xã Một", name.text());
            assertEquals(PackNode.Kind.BOOLEAN, unit.get("border").kind());
            assertEquals(PackNode.Kind.TEXT, unit.get("code").kind());
        }

        @Test
        void yaml_duplicateKey_isRefusedAtTheSecondKey() {
            PackReadException e = assertThrows(PackReadException.class,
                    () -> PackReader.yaml("pack.yaml", "id: a\nname: x\nid: b\n", PackReader.Limits.DEFAULT));
            assertEquals(ProblemCode.DUPLICATE_KEY, e.problem().code());
            assertEquals(3, e.problem().line());
            assertEquals("/id", e.problem().pointer());
            assertEquals("Khóa [id] xuất hiện hai lần (chỉ được ghi một lần)", e.problem().messageVi());
        }

        @Test
        void yaml_duplicateKeyInJson_isRefused() {
            assertThrows(PackReadException.class,
                    () -> PackReader.yaml("f.json", "{\"a\": 1, \"a\": 2}", PackReader.Limits.DEFAULT));
        }

        @Test
        void yaml_syntaxErrorAndEmpty_areProblemsWithPosition() {
            PackReadException e = assertThrows(PackReadException.class,
                    () -> PackReader.yaml("a.yaml", "a: [1, 2\nb: c\n", PackReader.Limits.DEFAULT));
            assertEquals(ProblemCode.YAML_SYNTAX, e.problem().code());
            assertTrue(e.problem().line() > 0, e.problem().toString());
            assertEquals(ProblemCode.YAML_EMPTY, assertThrows(PackReadException.class,
                    () -> PackReader.yaml("a.yaml", "", PackReader.Limits.DEFAULT)).problem().code());
        }

        @Test
        void yaml_anEntryKnowsWhereItsKeyIsWritten_anItemWhereItStarts() {
            PackNode root = PackReader.yaml("p.yaml", "deadline:\n  amount: 5\nlist:\n  - x\n", PackReader.Limits.DEFAULT);
            PackNode deadline = root.get("deadline");
            assertEquals(1, deadline.keyLine());
            assertEquals(1, deadline.keyColumn());
            assertEquals(2, deadline.line()); // the mapping itself starts at its first key
            PackNode amount = deadline.get("amount");
            assertEquals(3, amount.keyColumn());
            assertEquals(11, amount.column());
            PackNode item = root.get("list").list().get(0);
            assertEquals(4, item.keyLine());
            assertEquals(5, item.keyColumn());
        }

        @Test
        void yaml_numbersAndBooleans_keepWhatTheParserRead() {
            PackNode root = PackReader.yaml("n.yaml", "i: 7\nl: 12345678901\nb: 99999999999999999999999\nd: 1.5\n"
                    + "t: true\nf: false\nq: \"12\"\n", PackReader.Limits.DEFAULT);
            assertEquals(Integer.valueOf(7), root.get("i").number());
            assertEquals(Long.valueOf(12345678901L), root.get("l").number());
            assertEquals(new java.math.BigInteger("99999999999999999999999"), root.get("b").number());
            assertEquals(Double.valueOf(1.5), root.get("d").number());
            assertTrue(root.get("t").isTrue());
            assertFalse(root.get("f").isTrue());
            assertEquals(null, root.get("q").number());
            assertEquals("12", root.get("q").text());
        }

        @Test
        void yaml_anAlias_isRefusedAtTheAlias_neverReadAsTheAnchorsName() {
            PackReadException e = assertThrows(PackReadException.class,
                    () -> PackReader.yaml("p.yaml", "a: &n 18\nb: *n\n", PackReader.Limits.DEFAULT));
            assertEquals(ProblemCode.YAML_ALIAS, e.problem().code());
            assertEquals(2, e.problem().line());
            assertEquals(4, e.problem().column());
            assertEquals("/b", e.problem().pointer());
            assertTrue(e.problem().messageEn().contains("[*n]"), e.problem().messageEn());
        }

        @Test
        void yaml_theUsualMistakes_areSaidInPlainWordsAtTheLineToEdit() {
            Problem indent = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "- a: 1\n  b:\n    - c: 2\n   d: 3\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(ProblemCode.YAML_SYNTAX, indent.code());
            assertEquals(4, indent.line());
            assertTrue(indent.messageVi().startsWith("Thụt lề sai"), indent.messageVi());
            Problem colon = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "a:\n  b: 1\n  c 2\n  d: 3\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(3, colon.line(), colon.toString());
            assertTrue(colon.messageEn().startsWith("missing colon"), colon.messageEn());
            Problem tab = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "a:\n\tb: 1\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(2, tab.line());
            assertEquals(1, tab.column());
            assertTrue(tab.messageEn().contains("tab"), tab.messageEn());
        }

        /** A quote or bracket left open is named where it was opened, never in the parser's English ("while scanning"). */
        @Test
        void yaml_aQuoteOrBracketLeftOpen_atTheLineItOpens_inPlainWords() {
            Problem quote = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "a: 1\nb: \"Giấy khai sinh\nc: 2\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(2, quote.line(), quote.toString());
            assertTrue(quote.messageVi().startsWith("Dấu nháy mở ở đây chưa được đóng"), quote.messageVi());
            Problem list = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "a: [DESK, ONLINE\nb: 1\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(1, list.line(), list.toString());
            assertTrue(list.messageVi().startsWith("Dấu [ mở ở đây chưa được đóng đúng"), list.messageVi());
            Problem other = assertThrows(PackReadException.class, () -> PackReader.yaml("r.yaml",
                    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(ProblemCode.YAML_SYNTAX, other.code());
            assertTrue(other.messageEn().contains("duplicate YAML directive"), "the parser's words, in English only: " + other.messageEn());
            assertFalse(other.messageVi().matches(".*\\b(while|expected|found)\\b.*"), other.messageVi());
        }

        /**
         * A quote left open in a block value runs on to the next quote in the file, where the parser notices a mistake
         * (as wrong indentation, lines later): reported at the line and column where the quote opens (session 19).
         */
        @Test
        void yaml_aQuoteLeftOpenInABlockValue_atTheLineItOpens_notWhereTheParserNotices() {
            Problem p = assertThrows(PackReadException.class, () -> PackReader.yaml("procedure.yaml",
                    "code: \"1.001193\"\nresult:\n  vi: \"Giấy khai sinh\n  en: \"Birth certificate\"\nlevel: COMMUNE\n",
                    PackReader.Limits.DEFAULT)).problem();
            assertEquals(ProblemCode.YAML_SYNTAX, p.code());
            assertEquals(3, p.line(), p.toString());
            assertEquals(7, p.column(), p.toString());
            assertTrue(p.messageVi().startsWith("Dấu nháy mở ở đây chưa được đóng"), p.messageVi());
            assertTrue(p.messageEn().startsWith("the quote opened here is never closed"), p.messageEn());
            // the escape to write is shown as written (the bundle's \\" had been read as a bare quote: "viết ")")
            assertTrue(p.messageVi().endsWith("(dấu nháy kép \" trong giá trị thì viết \\\")"), p.messageVi());
            assertTrue(p.messageEn().endsWith("(write \\\" for a double quote inside it)"), p.messageEn());
            Problem single = assertThrows(PackReadException.class, () -> PackReader.yaml("p.yaml",
                    "level: 'COMMUNE\nagency: { vi: 'Ủy ban', en: 'Committee' }\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(1, single.line(), single.toString());
            assertEquals(8, single.column(), single.toString());
            // a quoted text written over two lines on purpose, then a real indentation mistake: still the indentation
            Problem indent = assertThrows(PackReadException.class, () -> PackReader.yaml("p.yaml",
                    "a: \"one\n  two\"\nb:\n  c: 1\n d: 2\n", PackReader.Limits.DEFAULT)).problem();
            assertEquals(5, indent.line(), indent.toString());
            assertTrue(indent.messageVi().startsWith("Thụt lề sai"), indent.messageVi());
        }

        @Test
        void yaml_fromTheReader_missingFileIsEmpty() throws IOException {
            Path p = pack();
            assertFalse(PackReader.of(p).yaml("units.yaml").isPresent());
            assertEquals("2026", PackReader.of(p).yaml("calendar/2026.yaml").orElseThrow().get("year").text());
        }
    }

    @Nested
    class Csv {
        @Test
        void csv_quotedFieldsWithLineBreaks_keepTheStartLine() {
            CsvTable t = PackReader.csv("fees.csv", "a,b\n\"x\ny\",\"say \"\"hi\"\"\"\nlast,1");
            assertEquals(3, t.rows().size());
            assertEquals(List.of("x\ny", "say \"hi\""), t.rows().get(1).cells());
            assertEquals(2, t.rows().get(1).line());
            assertEquals(4, t.rows().get(2).line());
            assertTrue(t.problems().isEmpty());
        }

        @Test
        void csv_unclosedQuoteAndCharacterAfterQuote_areProblemsWithPosition() {
            CsvTable t = PackReader.csv("fees.csv", "a,\"b\"c\n\"open");
            assertEquals(List.of(ProblemCode.CSV_AFTER_QUOTE, ProblemCode.CSV_UNCLOSED_QUOTE),
                    t.problems().stream().map(Problem::code).toList());
            assertEquals(1, t.problems().get(0).line());
            assertEquals(2, t.problems().get(0).column());
        }
    }

    @Test
    void list_sortedRegularFilesWithTheSuffix_hiddenSkipped() throws IOException {
        Path p = pack();
        Files.writeString(p.resolve("calendar/2025.yaml"), "year: 2025\n");
        Files.writeString(p.resolve("calendar/notes.txt"), "x");
        assertEquals(List.of("calendar/2025.yaml", "calendar/2026.yaml"), PackReader.of(p).list("calendar", ".yaml"));
        assertEquals(List.of(), PackReader.of(p).list("nothing", ".yaml"));
    }

    @Test
    void readAll_missingFolder_isPackNotFound() {
        List<Problem> problems = new ArrayList<>();
        assertTrue(PackReader.of(dir.resolve("nope")).readAll(problems).isEmpty());
        assertEquals(ProblemCode.PACK_NOT_FOUND, problems.get(0).code());
    }

    @Test
    void bytes_readsExactlyTheFile() throws IOException {
        Path p = pack();
        assertArrayEquals("id: test\n".getBytes(StandardCharsets.UTF_8), PackReader.of(p).bytes("pack.yaml").orElseThrow());
        assertEquals(Map.of(), Map.of());
    }

    @Nested
    class Normalize {
        /** Every character the fast path passes, alone and before or after any other of them, is NFC as it is. */
        @Test
        void fastCharacters_inAnyPair_areNfc() {
            StringBuilder fast = new StringBuilder();
            for (char c = 0; c < 0xFFFF; c++) {
                if (PackReader.nfcWhateverTheNeighbours(c)) {
                    fast.append(c);
                }
            }
            assertEquals(0x300 + 0x100, fast.length());
            char[] pair = new char[2];
            for (int i = 0; i < fast.length(); i++) {
                pair[0] = fast.charAt(i);
                for (int j = 0; j < fast.length(); j++) {
                    pair[1] = fast.charAt(j);
                    String s = new String(pair);
                    if (!java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFC)) {
                        throw new AssertionError(String.format(Locale.ROOT, "not NFC: U+%04X U+%04X", (int) pair[0], (int) pair[1]));
                    }
                }
            }
        }

        @Test
        void normalize_isTheNormaliserForAnyMixOfFastAndOtherCharacters() {
            String alphabet = "aĐđơưăềựệẫ\u0300\u0301\u0302\u0303\u0323e\u1EFF\u1F00\u2000\uFEFF\u212B\u0344Å\u1100\u1161 ";
            java.util.Random random = new java.util.Random(15);
            for (int i = 0; i < 50_000; i++) {
                StringBuilder b = new StringBuilder();
                for (int n = random.nextInt(7); n > 0; n--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String s = b.toString();
                String expected = java.text.Normalizer.normalize(s.startsWith("\uFEFF") ? s.substring(1) : s, java.text.Normalizer.Form.NFC);
                assertEquals(expected, PackReader.normalize(s), s);
            }
        }
    }
}
