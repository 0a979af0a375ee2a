package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch ({@code serve --watch}) looks at what a load reads and nothing else, and cannot be put off for ever (session
 * 18, the audit's gap 3): a {@code .git} folder was registered folder by folder and any change in it (a {@code git
 * fetch}, an editor's swap file) started a reload; the folders were registered without a count; and a file written
 * every half second postponed the reload indefinitely, since every change restarted the quiet period.
 */
class WatchBoundsTest {
    @TempDir
    Path dir;

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Waits up to {@code ms} for {@code count} to reach {@code atLeast}; whether it did. */
    private static boolean await(AtomicInteger count, int atLeast, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            if (count.get() >= atLeast) {
                return true;
            }
            Thread.sleep(20);
        }
        return count.get() >= atLeast;
    }

    @Test
    void hiddenFolders_neverRegistered_andTheirChangesStartNoReload() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        write(dir.resolve("procedures/1.001193/rules.drl"), "// r\n");
        for (int i = 0; i < 30; i++) {
            write(dir.resolve(".git/objects/" + i + "/o"), "blob");
        }
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), reloads::incrementAndGet, s -> { })) {
            assertEquals(3, w.watched(), "the pack folder, procedures/ and procedures/1.001193/; no .git folder");
            // what git does: objects written, the index rewritten, a new folder; an editor's swap file beside a rule
            write(dir.resolve(".git/objects/99/new"), "blob");
            write(dir.resolve(".git/index"), "index");
            write(dir.resolve(".git/objects/0/o"), "changed");
            write(dir.resolve("procedures/1.001193/.rules.drl.swp"), "swap");
            write(dir.resolve(".editorconfig"), "root = true");
            Thread.sleep(1500); // many quiet periods
            assertEquals(0, reloads.get(), "nothing the load reads changed");
            assertEquals(3, w.watched(), "the new hidden folder is not registered either");

            write(dir.resolve("procedures/1.001193/rules.drl"), "// r2\n");
            assertTrue(await(reloads, 1, 60_000), "a change to a pack file still reloads");
        }
    }

    @Test
    void folders_registeredUpToTheLimit_thenALogLineAndTheRestUnwatched() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        for (int i = 0; i < 20; i++) {
            Files.createDirectories(dir.resolve("notes/n" + i));
        }
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, 5,
                reloads::incrementAndGet, log::add)) {
            assertEquals(5, w.watched());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("thư mục bộ quy tắc có hơn 5 thư mục con: không theo dõi thêm")
                    && l.contains(" / the pack folder has more than 5 folders: no more are watched")), log.toString());
            write(dir.resolve("pack.yaml"), "id: y\n");
            assertTrue(await(reloads, 1, 60_000), "what is watched still reloads");
        }
        assertTrue(PackWatcher.MAX_FOLDERS == io.github.motcua.kernel.PackReader.Limits.DEFAULT.maxFiles(),
                "as many folders as a load enters");
    }

    /**
     * A file written every 100 ms, with a quiet period of 1 s, never leaves the folder quiet: before, the reload waited
     * until the writer stopped. Now it comes at the latest {@code maxWait} (here 2 s) after the first change.
     */
    @Test
    void aFileWrittenWithoutPause_reloadsAtTheMaximumWait_notWhenTheWritingStops() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofSeconds(1), Duration.ofSeconds(2), 100,
                reloads::incrementAndGet, s -> { })) {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int i = 0;
            int seenWhileWriting = 0;
            while (System.nanoTime() < end) {
                write(dir.resolve("notes.md"), "line " + i++);
                Thread.sleep(100);
                seenWhileWriting = reloads.get();
            }
            assertTrue(seenWhileWriting >= 2, "reloads while the file kept changing for 10 s: " + seenWhileWriting);
        }
    }
}
