package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} failed at start when the system's inotify limits ({@code fs.inotify.max_user_watches},
 * {@code max_user_instances}) were below what the pack needed — after the service had started serving, which was left
 * running — and a new folder it could not register went unwatched without a word. Now the watch falls back to polling
 * with one log line saying why and how to raise the limit. The refusal is forced here ({@link PackWatcher.Watches}
 * refusing as the JDK does when inotify says ENOSPC or EMFILE): the test host's own limits are shared with every other
 * program and are not ours to lower.
 */
class WatchPollingTest {
    @TempDir
    Path dir;

    /** Polling every 200 ms in these tests; the default is {@link PackWatcher#POLL_INTERVAL}. */
    static final PackWatcher.Polling FAST = new PackWatcher.Polling(Duration.ofMillis(200), PackWatcher.POLL_MAX_ENTRIES);

    /** The system's watch service, refusing every folder after the first {@code allowed}, as inotify does at its limit. */
    static PackWatcher.Watches watchesUpTo(int allowed) {
        AtomicInteger registered = new AtomicInteger();
        return new PackWatcher.Watches() {
            @Override
            public WatchService open() throws IOException {
                return PackWatcher.Watches.SYSTEM.open();
            }

            @Override
            public void register(WatchService ws, Path d) throws IOException {
                if (registered.incrementAndGet() > allowed) {
                    throw new IOException("User limit of inotify watches reached"); // what the JDK says on ENOSPC
                }
                PackWatcher.Watches.SYSTEM.register(ws, d);
            }
        };
    }

    /** No watch service at all, as when {@code max_user_instances} is reached. */
    static final PackWatcher.Watches NO_INSTANCE = new PackWatcher.Watches() {
        @Override
        public WatchService open() throws IOException {
            throw new IOException("User limit of inotify instances reached or too many open files");
        }

        @Override
        public void register(WatchService ws, Path d) {
            throw new AssertionError("never registers without a watch service");
        }
    };

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Waits up to {@code ms} for {@code count} to reach {@code atLeast}; whether it did. */
    private static boolean await(AtomicInteger count, int atLeast, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end && count.get() < atLeast) {
            Thread.sleep(20);
        }
        return count.get() >= atLeast;
    }

    private static List<String> pollingLines(List<String> log) {
        return log.stream().filter(l -> l.startsWith("không theo dõi được ")).toList();
    }

    @Test
    void watchesLimitBelowTheFolders_atStart_pollsAndSaysWhyOnce_andAChangeIsPickedUp() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        write(dir.resolve("procedures/1.001193/rules.drl"), "// r\n");
        write(dir.resolve("procedures/2.000815/rules.drl"), "// r\n");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                watchesUpTo(2), FAST, reloads::incrementAndGet, log::add)) {
            assertTrue(w.polling(), "four folders, two watches allowed");
            List<String> lines = pollingLines(log);
            assertEquals(1, lines.size(), log.toString());
            String line = lines.get(0);
            // Vietnamese first, then English; the limit, its value, how to raise it, and how the polling runs
            assertTrue(line.contains("bằng inotify (IOException; giới hạn fs.inotify.max_user_watches của hệ thống hiện là "), line);
            assertTrue(line.contains("chuyển sang kiểm tra định kỳ (mỗi 200 ms, mỗi lượt tối đa 50000 tệp và thư mục)"), line);
            assertTrue(line.contains("sysctl -w fs.inotify.max_user_watches=524288"), line);
            assertTrue(line.indexOf(" / cannot watch ") > line.indexOf("không theo dõi được"), line);
            assertTrue(line.contains("polling instead (every 200 ms, at most 50000 files and folders a round)"), line);
            assertFalse(line.contains("User limit"), "the class, not the exception's message: " + line);

            write(dir.resolve("procedures/2.000815/rules.drl"), "// r2, a longer rule file\n");
            assertTrue(await(reloads, 1, 60_000), "the change is picked up by polling");
            write(dir.resolve("procedures/3.000001/rules.drl"), "// a new procedure folder\n");
            assertTrue(await(reloads, 2, 60_000), "a new folder too");
            assertEquals(1, pollingLines(log).size(), "said once");
        }
    }

    /**
     * A watch refused for another reason than the inotify limit — a folder the service may not read, a system without
     * inotify instances for another cause — still falls back to polling, with the reason's class and no advice to raise
     * a limit that was not reached (until session 20 the line always said to raise fs.inotify.*).
     */
    @Test
    void refusedForAnotherReason_pollsWithoutAdviceToRaiseTheLimit() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        write(dir.resolve("procedures/1.001193/rules.drl"), "// r\n");
        PackWatcher.Watches unreadable = new PackWatcher.Watches() {
            @Override
            public WatchService open() throws IOException {
                return PackWatcher.Watches.SYSTEM.open();
            }

            @Override
            public void register(WatchService ws, Path d) throws IOException {
                if (d.getFileName().toString().equals("1.001193")) {
                    throw new java.nio.file.AccessDeniedException(d.toString()); // what the JDK says on EACCES
                }
                PackWatcher.Watches.SYSTEM.register(ws, d);
            }
        };
        PackWatcher.Watches noInotify = new PackWatcher.Watches() {
            @Override
            public WatchService open() throws IOException {
                throw new IOException("Function not implemented"); // another errno of inotify_init: the system's words
            }

            @Override
            public void register(WatchService ws, Path d) {
                throw new AssertionError("never registers without a watch service");
            }
        };
        for (PackWatcher.Watches w : List.of(unreadable, noInotify)) {
            List<String> log = new CopyOnWriteArrayList<>();
            try (PackWatcher pw = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                    w, FAST, () -> { }, log::add)) {
                assertTrue(pw.polling());
                List<String> lines = pollingLines(log);
                assertEquals(1, lines.size(), log.toString());
                String line = lines.get(0);
                String error = w == unreadable ? "AccessDeniedException" : "IOException";
                assertTrue(line.contains(" (" + error + "): chuyển sang kiểm tra định kỳ (mỗi 200 ms, mỗi lượt tối đa 50000 tệp và"
                        + " thư mục) / cannot watch "), line);
                assertTrue(line.endsWith(" (" + error + "): polling instead (every 200 ms, at most 50000 files and folders a round)"),
                        line);
                assertFalse(line.contains("sysctl") || line.contains("inotify") || line.contains("giới hạn"), line);
            }
        }
        assertTrue(PackWatcher.inotifyLimit(new IOException("User limit of inotify watches reached")));
        assertTrue(PackWatcher.inotifyLimit(new IOException("User limit of inotify instances reached or too many open files")));
        assertFalse(PackWatcher.inotifyLimit(new java.nio.file.AccessDeniedException("/srv/pack")));
    }

    @Test
    void noWatchServiceAtAll_pollsAndNamesTheInstancesLimit() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                NO_INSTANCE, FAST, reloads::incrementAndGet, log::add)) {
            assertTrue(w.polling());
            assertEquals(0, w.watched());
            String line = pollingLines(log).get(0);
            assertTrue(line.contains("fs.inotify.max_user_instances") && line.contains("=512"), line);
            // another size: polling compares times, sizes and file keys, and a file rewritten within the file
            // system's clock tick (a few milliseconds) with the same size keeps its time
            write(dir.resolve("pack.yaml"), "id: yy\n");
            assertTrue(await(reloads, 1, 60_000));
        }
    }

    /**
     * The limit reached later: the pack's folders are watched at start, then a new folder cannot be registered. It used
     * to go unwatched without a word; now the watch gives way to polling, so a change inside the new folder reloads.
     */
    @Test
    void watchesLimitReachedByANewFolder_switchesToPolling_andTheNewFolderIsPolled() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        write(dir.resolve("procedures/1.001193/rules.drl"), "// r\n");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                watchesUpTo(3), FAST, reloads::incrementAndGet, log::add)) {
            assertFalse(w.polling());
            assertEquals(3, w.watched());
            Files.createDirectories(dir.resolve("procedures/9.999999"));
            assertTrue(await(reloads, 1, 60_000), "the new folder is a change");
            assertTrue(w.polling(), log.toString());
            assertEquals(1, pollingLines(log).size(), log.toString());
            assertTrue(pollingLines(log).get(0).contains("9.999999"), "names the folder it could not watch");
            int before = reloads.get();
            write(dir.resolve("procedures/9.999999/rules.drl"), "// in the folder inotify could not watch\n");
            assertTrue(await(reloads, before + 1, 60_000), "picked up by polling");
        }
    }

    /** Polling reads only what a load reads: a change to hidden names (.git, a swap file) starts no reload. */
    @Test
    void polling_skipsHiddenNames_andLooksAtMostAtItsCap() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        for (int i = 0; i < 20; i++) {
            write(dir.resolve("notes/n" + i + ".md"), "n");
        }
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reloads = new AtomicInteger();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                NO_INSTANCE, new PackWatcher.Polling(Duration.ofMillis(200), 5), reloads::incrementAndGet, log::add)) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("thư mục bộ quy tắc có hơn 5 tệp và thư mục: mỗi lượt chỉ kiểm tra 5 mục đầu tiên")
                    && l.contains(" / the pack folder has more than 5 files and folders: each round polls the first 5 only")), log.toString());
            write(dir.resolve(".git/objects/1/o"), "blob");
            write(dir.resolve(".rules.drl.swp"), "swap");
            Thread.sleep(1500); // several polling rounds
            assertEquals(0, reloads.get(), "nothing the load reads changed");
        }
    }

    /** A folder named with a line break (the pack's author chooses names) cannot forge a line of the watch's log. */
    @Test
    void aFolderNamedWithALineBreak_isShownWithUFFFD_inTheWatchsLines() throws Exception {
        write(dir.resolve("pack.yaml"), "id: x\n");
        Files.createDirectories(dir.resolve("a\nnạp lại sha256=forged"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, 1, watchesUpTo(5), FAST,
                () -> { }, log::add)) {
            String full = log.stream().filter(l -> l.startsWith("thư mục bộ quy tắc có hơn 1 thư mục con")).findFirst().orElseThrow();
            assertTrue(full.endsWith("a\uFFFDnạp lại sha256=forged"), full);
        }
        try (PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), PackWatcher.MAX_WAIT, 5, watchesUpTo(1), FAST,
                () -> { }, log::add)) {
            String polling = pollingLines(log).get(0);
            assertTrue(polling.contains("a\uFFFDnạp lại sha256=forged bằng inotify"), polling);
        }
        assertTrue(log.stream().noneMatch(l -> l.contains("\n")), log.toString());
    }

    /**
     * Through the service: with the watches limit below the pack's folders the service starts, serves, says why it polls,
     * and reloads an analyst's edit.
     */
    @Test
    void service_withTheLimitReached_startsServingAndReloadsByPolling() throws Exception {
        Path pack = TestPacks.small(dir);
        List<String> log = new CopyOnWriteArrayList<>();
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).watch(true)
                .watchQuiet(Duration.ofMillis(200)).watches(watchesUpTo(1), FAST).log(log::add).start()) {
            Client c = new Client(s.uri());
            assertEquals(200, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
            assertEquals(1, pollingLines(log).size(), log.toString());
            String first = s.pack().orElseThrow().sha256();
            ReloadTest.append(pack.resolve("pack.yaml"), "\n# saved by an analyst\n");
            assertNotEquals(first, ReloadTest.awaitChange(c, first));
            assertEquals(200, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
        }
    }
}
