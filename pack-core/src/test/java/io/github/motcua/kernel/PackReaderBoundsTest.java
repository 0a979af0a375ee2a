package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 18, the audit's gaps 2 and 3 in the kernel's reader: a file that grows between the check of its size and its
 * read was read whole; hidden folders (a {@code .git}) were walked, entry by entry, and no folder was counted.
 */
class PackReaderBoundsTest {
    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        PackReader.beforeReadHook = null;
    }

    Path pack() throws IOException {
        Path p = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(p.resolve("pack.yaml"), "id: test\n", StandardCharsets.UTF_8);
        Files.createDirectories(p.resolve("notes"));
        Files.writeString(p.resolve("notes/log.md"), "small\n", StandardCharsets.UTF_8);
        return p;
    }

    /** Between the check of its size and its read, {@code notes/log.md} really grows by 100 kB (on disk). */
    static void growLogOnRead() {
        PackReader.beforeReadHook = p -> {
            if (p.getFileName().toString().equals("log.md")) {
                try {
                    Files.write(p, new byte[100_000], StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    static List<Problem> problems(PackReader r, SortedMap<String, byte[]>[] out, ExecutorService pool) {
        List<Problem> problems = new ArrayList<>();
        out[0] = pool == null ? r.readAll(problems) : r.readAll(problems, pool);
        return problems;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileGrowingPastTheLimitAfterItsSizeWasChecked_refusedAsTooLarge_onEveryRead() throws Exception {
        Path p = pack();
        PackReader r = PackReader.of(p, new PackReader.Limits(1024, 100, 8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (ExecutorService on : new ExecutorService[] {null, pool}) {
                Files.writeString(p.resolve("notes/log.md"), "small\n", StandardCharsets.UTF_8);
                growLogOnRead();
                SortedMap<String, byte[]>[] read = new SortedMap[1];
                List<Problem> found = problems(r, read, on);
                assertEquals(1, found.size(), found.toString());
                assertEquals(ProblemCode.FILE_TOO_LARGE, found.get(0).code());
                assertEquals("notes/log.md", found.get(0).file());
                assertEquals("Tệp quá lớn (tối đa 1024 byte)", found.get(0).messageVi());
                assertFalse(read[0].containsKey("notes/log.md"), "nothing of it is kept");
                assertTrue(read[0].containsKey("pack.yaml"), "the rest is read");
                assertTrue(Files.size(p.resolve("notes/log.md")) > 100_000, "it really grew");
            }
            Files.writeString(p.resolve("notes/log.md"), "small\n", StandardCharsets.UTF_8);
            growLogOnRead();
            PackReadException e = assertThrows(PackReadException.class, () -> r.bytes("notes/log.md"));
            assertEquals(ProblemCode.FILE_TOO_LARGE, e.problem().code());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFileGrowingWithinTheLimits_isReadAsItIsNow_andCountsInTheTotal() throws Exception {
        Path p = pack();
        long small = Files.size(p.resolve("pack.yaml")) + Files.size(p.resolve("notes/log.md"));
        // 100 kB of growth fits the file limit, not the total: the walk stops at the file that passes it
        PackReader r = PackReader.of(p, new PackReader.Limits(200_000, 100, 8, small + 50_000));
        growLogOnRead();
        SortedMap<String, byte[]>[] read = new SortedMap[1];
        List<Problem> found = problems(r, read, null);
        assertEquals(1, found.size(), found.toString());
        assertEquals(ProblemCode.PACK_TOO_MANY_BYTES, found.get(0).code());
        assertEquals("notes/log.md", found.get(0).file());
        // within both limits: read as it is now, whole
        Files.writeString(p.resolve("notes/log.md"), "small\n", StandardCharsets.UTF_8);
        growLogOnRead();
        List<Problem> none = problems(PackReader.of(p, new PackReader.Limits(200_000, 100, 8)), read, null);
        assertEquals(List.of(), none);
        assertEquals(6 + 100_000, read[0].get("notes/log.md").length);
    }

    /** The bounded read itself: whatever the file holds now, never more than the limit and one byte. */
    @Test
    void readAtMost_readsNoMoreThanTheLimitAndOneByte() throws Exception {
        Path f = dir.resolve("f");
        Files.write(f, new byte[10]);
        assertEquals(10, PackReader.readAtMost(f, 10, 1024).length);
        Files.write(f, new byte[5_000_000], StandardOpenOption.APPEND);
        assertEquals(1025, PackReader.readAtMost(f, 10, 1024).length, "grown since its size was taken as 10");
        assertEquals(1024, PackReader.readAtMost(f, 10, 1023).length);
        Files.write(f, new byte[3]);
        assertEquals(3, PackReader.readAtMost(f, 10, 1024).length, "shrunk: as it is now");
    }

    @Test
    @SuppressWarnings("unchecked")
    void foldersAreCounted_pastTheLimitTheWalkStopsNamingTheFolder_onOneThreadOrMany() throws Exception {
        Path p = pack();
        for (int i = 0; i < 12; i++) {
            Files.createDirectories(p.resolve("empty/e" + i)); // empty folders: no file to count
        }
        PackReader r = PackReader.of(p, new PackReader.Limits(1024, 10, 8));
        SortedMap<String, byte[]>[] read = new SortedMap[1];
        List<Problem> found = problems(r, read, null);
        assertEquals(1, found.size(), found.toString());
        Problem q = found.get(0);
        assertEquals(ProblemCode.PACK_TOO_MANY_FOLDERS, q.code());
        assertTrue(q.file().startsWith("empty/e"), q.file());
        assertEquals("Bộ quy tắc có quá nhiều thư mục (tối đa 10; thư mục ẩn như .git không tính), không đọc tiếp từ thư mục này",
                q.messageVi());
        assertTrue(q.messageEn().startsWith("too many folders in pack (max 10"), q.messageEn());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SortedMap<String, byte[]>[] many = new SortedMap[1];
            assertEquals(found, problems(r, many, pool));
            assertEquals(read[0].keySet(), many[0].keySet());
        } finally {
            pool.shutdownNow();
        }
        // at the limit: no problem
        assertEquals(List.of(), problems(PackReader.of(p, new PackReader.Limits(1024, 14, 8)), read, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hiddenFolders_notCounted() throws Exception {
        Path p = pack();
        for (int i = 0; i < 50; i++) {
            Files.createDirectories(p.resolve(".git/objects/" + i));
            Files.writeString(p.resolve(".git/objects/" + i + "/o"), "blob", StandardCharsets.UTF_8);
        }
        PackReader r = PackReader.of(p, new PackReader.Limits(1024, 10, 8));
        SortedMap<String, byte[]>[] read = new SortedMap[1];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (ExecutorService on : new ExecutorService[] {null, pool}) {
                assertEquals(List.of(), problems(r, read, on));
                assertEquals(List.of("notes/log.md", "pack.yaml"), List.copyOf(read[0].keySet()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A hidden folder is not entered at all: here one that cannot be listed (a path past the system's 4,096 bytes inside
     * {@code .git}, as a folder of another owner would be for a service that is not root). Before, the walk went into it
     * and the whole pack failed to load with {@code IO}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void hiddenFolders_neverEntered_soOneThatCannotBeListedDoesNotStopTheLoad() throws Exception {
        Path p = pack();
        String name = "a".repeat(250);
        Path top = Files.createDirectories(p.resolve(".git"));
        Path a = top;
        for (int i = 0; i < 9; i++) {
            a = a.resolve(name + i);
        }
        Files.createDirectories(a);
        Path side = dir.resolve("side");
        Path b = side;
        for (int i = 0; i < 9; i++) {
            b = b.resolve(name + i);
        }
        Files.createDirectories(b);
        Path moved = a.resolve("b");
        Files.move(side.resolve(name + "0"), moved); // now .git holds a chain longer than any path may be
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Path deep = moved;
            for (int i = 1; i < 9; i++) {
                deep = deep.resolve(name + i);
            }
            Path tooLong = deep;
            assertThrows(IOException.class, () -> Files.list(tooLong).close(), "the test needs a folder that cannot be listed");
            SortedMap<String, byte[]>[] read = new SortedMap[1];
            for (ExecutorService on : new ExecutorService[] {null, pool}) {
                assertEquals(List.of(), problems(PackReader.of(p), read, on));
                assertEquals(List.of("notes/log.md", "pack.yaml"), List.copyOf(read[0].keySet()));
            }
        } finally {
            pool.shutdownNow();
            Files.move(moved, side.resolve(name + "0")); // short paths again, so the temporary folder can be deleted
        }
    }
}
