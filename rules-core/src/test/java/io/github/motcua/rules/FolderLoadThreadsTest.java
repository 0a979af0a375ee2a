package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack folder is read and parsed on the load's threads ({@code compileThreads}): the same procedures, the same
 * cases and decisions, and the same problems in the same order, on one thread or on four, time after time — for a
 * problem the reader finds (a file past the size limit, a link leaving the pack) as for problems found while parsing
 * procedures that the threads share out.
 */
class FolderLoadThreadsTest {
    private static final int[] THREADS = {1, 4, 1, 2, 4};

    @TempDir
    Path dir;

    /** The ho-tich test pack with eight more procedures (copies of the birth registration under other codes). */
    private Path pack(String name) throws IOException {
        Path p = TestPacks.copy("ho-tich", dir.resolve(name));
        Path birth = p.resolve("procedures/1.001193");
        for (int i = 0; i < 8; i++) {
            String code = "9.00000" + i;
            Path to = Files.createDirectories(p.resolve("procedures/" + code));
            Files.copy(birth.resolve("rules.drl"), to.resolve("rules.drl"));
            TestPacks.write(to.resolve("procedure.yaml"),
                    Files.readString(birth.resolve("procedure.yaml")).replace("\"1.001193\"", "\"" + code + "\""));
        }
        return p;
    }

    private static String everything(Engine e) {
        StringBuilder b = new StringBuilder();
        e.catalog().forEach(p -> b.append(p.code()).append(' ').append(p.name().vi()).append('\n'));
        for (PackCase c : e.cases()) {
            b.append(c.file()).append(' ').append(c.name()).append('\n').append(e.decide(c.dossier()).toJson()).append('\n');
        }
        return b.toString();
    }

    @Test
    void load_goodFolder_onOneThreadOrMany_sameProceduresCasesAndDecisions() throws IOException {
        Path p = pack("good");
        String expected = null;
        for (int threads : new int[] {1, 4, 1, 2, 4, 0}) {
            boolean lazy = threads > 0; // 0: once more, eager, on four threads
            try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).lazyCompile(lazy).compileThreads(threads == 0 ? 4 : threads)
                    .build()) {
                LoadResult r = e.load(p);
                assertTrue(r.ok(), r.problems()::toString);
                String seen = everything(e);
                if (expected == null) {
                    expected = seen;
                    assertEquals(10, e.catalog().size());
                    assertEquals(9, e.cases().size());
                } else {
                    assertEquals(expected, seen, threads + " threads, lazy " + lazy);
                }
            }
        }
    }

    @Test
    void load_folderPastAReadLimit_onOneThreadOrMany_sameProblemsSameOrder() throws IOException {
        Path p = pack("read-limits");
        // one byte past the 8 MB a pack file may hold, in the third folder; another in the last
        Files.write(p.resolve("procedures/9.000001/notes.csv"), new byte[8 * 1024 * 1024 + 1]);
        Files.write(p.resolve("procedures/9.000007/big.yaml"), new byte[8 * 1024 * 1024 + 1]);
        boolean link = true;
        try {
            Files.writeString(dir.resolve("secret.txt"), "outside\n");
            Files.createSymbolicLink(p.resolve("procedures/9.000004/outside.drl"), dir.resolve("secret.txt"));
        } catch (IOException | UnsupportedOperationException e) {
            link = false;
        }
        List<PackProblem> expected = null;
        for (int threads : THREADS) {
            for (boolean lazy : new boolean[] {false, true}) {
                try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).lazyCompile(lazy).compileThreads(threads).build()) {
                    LoadResult r = e.load(p);
                    assertFalse(r.ok());
                    assertTrue(e.pack().isEmpty(), "nothing loaded");
                    if (expected == null) {
                        expected = r.problems();
                        assertEquals(link ? List.of("FILE_TOO_LARGE", "FILE_TOO_LARGE", "LINK_OUTSIDE_PACK")
                                : List.of("FILE_TOO_LARGE", "FILE_TOO_LARGE"),
                                expected.stream().map(PackProblem::code).sorted().toList(), expected.toString());
                    } else {
                        assertEquals(expected, r.problems(), threads + " threads, lazy " + lazy);
                    }
                }
            }
        }
    }

    @Test
    void load_folderWithBrokenProcedures_onOneThreadOrMany_sameProblemsSameOrder() throws IOException {
        Path p = pack("broken");
        TestPacks.edit(p.resolve("procedures/9.000000/procedure.yaml"), s -> s.replace("level: COMMUNE", "level: [COMMUNE"));
        TestPacks.edit(p.resolve("procedures/9.000003/procedure.yaml"), s -> s.replace("LHT-2014-D5", "KHONG-CO-CAN-CU"));
        TestPacks.edit(p.resolve("procedures/9.000005/procedure.yaml"), s -> s + "\nlevel: PROVINCE\n");
        TestPacks.edit(p.resolve("procedures/9.000006/procedure.yaml"), s -> s + "\nkhongCoTruongNay: 1\n");
        java.util.Map<Boolean, List<PackProblem>> expectedBy = new java.util.HashMap<>();
        for (int threads : THREADS) {
            for (boolean lazy : new boolean[] {false, true}) {
                try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).lazyCompile(lazy).compileThreads(threads).build()) {
                    LoadResult r = e.load(p);
                    assertFalse(r.ok());
                    List<PackProblem> expected = expectedBy.get(lazy);
                    if (expected == null) {
                        expected = r.problems();
                        expectedBy.put(lazy, expected);
                        List<String> files = expected.stream().map(PackProblem::file).distinct().toList();
                        for (String broken : List.of("9.000000", "9.000003", "9.000005", "9.000006")) {
                            assertTrue(files.stream().anyMatch(f -> f.contains(broken)), broken + ": " + expected);
                        }
                    } else {
                        assertEquals(expected, r.problems(), threads + " threads, lazy " + lazy);
                    }
                }
            }
        }
    }
}
