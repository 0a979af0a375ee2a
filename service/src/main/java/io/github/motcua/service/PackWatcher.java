package io.github.motcua.service;

import io.github.motcua.kernel.PackReader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a pack folder (or the folder of a pack artifact) and reloads once the files have stopped
 * changing for a quiet period, so an analyst saving ten files causes one reload, not ten. A broken
 * pack is reported by the reload and never served. Symbolic links are not followed. Thread-safe:
 * one daemon thread; {@link #close()} stops it.
 *
 * <p>It watches what a load reads and nothing else: hidden folders (a {@code .git}, an editor's {@code .idea}) are
 * not part of a pack ({@code PackReader}), so they are never registered and a change to a hidden name starts no
 * reload; at most {@link #MAX_FOLDERS} folders are registered (a load enters no more: {@code PACK_TOO_MANY_FOLDERS}).
 * A reload waits for quiet at most {@link #MAX_WAIT} after the first change: a file written every half second (a log,
 * a sync client) would otherwise put it off for ever.
 *
 * <p>When the system will not watch (Linux: the inotify limits {@code fs.inotify.max_user_instances} and
 * {@code fs.inotify.max_user_watches}, shared by every program of the user, reached at start or when a new folder
 * appears), it falls back to <b>polling</b> and says so in one log line, instead of failing the start (the service was
 * already serving) or leaving folders unwatched: every {@link #POLL_INTERVAL} — or ten times the last round's duration
 * when that is longer, so a large pack costs a tenth of a processor at most — it reads the modification time, size and
 * file key of at most {@link #POLL_MAX_ENTRIES} files and folders (hidden ones skipped, links not followed), and a
 * difference starts the same quiet period and maximum wait as a watched change.
 */
final class PackWatcher implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(500);
    /**
     * The longest a reload waits, after the first change, for the folder to go quiet: 20 quiet periods, long enough for
     * any save or copy of a pack to finish in one reload, short enough that a folder that never goes quiet is reloaded
     * every ten seconds instead of never.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** The most folders watched: as many as a load enters ({@code PackReader.Limits.DEFAULT.maxFiles()}). */
    static final int MAX_FOLDERS = PackReader.Limits.DEFAULT.maxFiles();
    /** How often polling looks at the files, at the least (a longer round waits longer: see the class comment). */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** The most files and folders polling looks at in a round: as many files as a load reads. */
    static final int POLL_MAX_ENTRIES = PackReader.Limits.DEFAULT.maxFiles();

    /**
     * How the watch asks the system to watch: the file system's watch service, or (tests) one that refuses as the
     * system does when its inotify limits are reached.
     */
    interface Watches {
        /** The file system's own. */
        Watches SYSTEM = new Watches() {
            @Override
            public WatchService open() throws IOException {
                return FileSystems.getDefault().newWatchService();
            }

            @Override
            public void register(WatchService ws, Path dir) throws IOException {
                dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        };

        /** A new watch service (Linux: one inotify instance). */
        WatchService open() throws IOException;

        /** Watches {@code dir} (Linux: one inotify watch). */
        void register(WatchService ws, Path dir) throws IOException;
    }

    /** How polling runs: at least {@code interval} between rounds, at most {@code maxEntries} looked at a round. */
    record Polling(Duration interval, int maxEntries) {
        static final Polling DEFAULT = new Polling(POLL_INTERVAL, POLL_MAX_ENTRIES);
    }

    private final Thread thread;
    private final Folders folders;
    private final State state;

    private PackWatcher(Thread thread, Folders folders, State state) {
        this.thread = thread;
        this.folders = folders;
        this.state = state;
    }

    /** How many folders are watched now (none once polling). */
    int watched() {
        return state.polling ? 0 : folders.registered();
    }

    /** Whether the watch fell back to polling. */
    boolean polling() {
        return state.polling;
    }

    static PackWatcher start(Path pack, Duration quiet, Runnable reload, Consumer<String> log) {
        return start(pack, quiet, MAX_WAIT, MAX_FOLDERS, reload, log);
    }

    /**
     * @param quiet      how long the folder must stay quiet after a change before the reload
     * @param maxWait    the longest the reload waits for quiet after the first change
     * @param maxFolders the most folders registered
     */
    static PackWatcher start(Path pack, Duration quiet, Duration maxWait, int maxFolders, Runnable reload,
            Consumer<String> log) {
        return start(pack, quiet, maxWait, maxFolders, Watches.SYSTEM, Polling.DEFAULT, reload, log);
    }

    /**
     * @param watches how the system is asked to watch (tests: one that refuses)
     * @param polling how to poll when it refuses
     */
    static PackWatcher start(Path pack, Duration quiet, Duration maxWait, int maxFolders, Watches watches,
            Polling polling, Runnable reload, Consumer<String> log) {
        Path root = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? pack : pack.toAbsolutePath().getParent();
        String onlyFile = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? null : pack.getFileName().toString();
        Folders folders = new Folders(maxFolders, log, watches);
        State state = new State();
        Settings settings = new Settings(root, onlyFile, quiet, maxWait, polling, reload, log);
        WatchService ws = null;
        try {
            ws = watches.open();
        } catch (IOException e) {
            logPolling(root, e.getClass().getSimpleName(), inotifyLimit(e), "max_user_instances", polling, log);
        }
        if (ws != null) {
            try {
                folders.registerTree(ws, root, onlyFile == null);
            } catch (IOException e) {
                logPolling(folders.failedAt(root), e.getClass().getSimpleName(), inotifyLimit(e), "max_user_watches", polling, log);
                closeQuietly(ws);
                ws = null;
            }
        }
        state.watch = ws;
        state.polling = ws == null;
        // polling compares with what the files were when the watch started, not when its thread first runs
        Snapshot first = ws == null ? Snapshot.take(settings, state) : null;
        Thread t = new Thread(() -> run(settings, folders, state, first), "motcua-service-watch");
        t.setDaemon(true);
        t.start();
        log.accept(DecisionService.logLine("log.watching") + " " + root);
        return new PackWatcher(t, folders, state);
    }

    /** What the watch's thread works with. */
    private record Settings(Path root, String onlyFile, Duration quiet, Duration maxWait, Polling polling, Runnable reload,
            Consumer<String> log) {
    }

    /** The watch service while watching, whether polling, whether closed: set by the watch's thread and by close. */
    private static final class State {
        volatile WatchService watch;
        volatile boolean polling;
        volatile boolean closed;
        /** Whether polling said once that the pack has more entries than it looks at. */
        volatile boolean pollFullLogged;
    }

    /**
     * The one log line that says the watch polls, and why: the folder it could not watch, the failure's class (not its
     * message: it may quote a path of the pack) and, when the failure is the inotify limit, the limit, its value now and
     * how to raise it. Any other failure (a folder the service may not read, one gone meanwhile) gets no advice to raise
     * a limit that was not reached (until session 20 every failure did).
     *
     * @param atLimit whether the failure is the inotify limit ({@link #inotifyLimit})
     */
    private static void logPolling(Path where, String error, boolean atLimit, String limit, Polling polling,
            Consumer<String> log) {
        String ms = Long.toString(polling.interval().toMillis());
        String max = Integer.toString(polling.maxEntries());
        if (!atLimit) {
            log.accept(DecisionService.logLine("log.watchPollingOther", "dir", shown(where), "error", error, "ms", ms, "max", max));
            return;
        }
        String suggested = limit.equals("max_user_watches") ? "524288" : "512";
        log.accept(DecisionService.logLine("log.watchPolling", "dir", shown(where), "error", error,
                "limit", "fs.inotify." + limit, "value", currentLimit(limit), "suggested", suggested, "ms", ms, "max", max));
    }

    /**
     * Whether a watch failure is the inotify limit: the JDK's Linux watch service says {@code "User limit of inotify
     * watches reached"} when a watch is refused for {@code fs.inotify.max_user_watches} (ENOSPC) and {@code "User limit of
     * inotify instances reached or too many open files"} when no instance can be opened (EMFILE); every other failure is
     * an exception of its own kind or the system's words for another error.
     */
    static boolean inotifyLimit(IOException e) {
        String m = e.getMessage();
        return e.getClass() == IOException.class && m != null && m.startsWith("User limit of inotify");
    }

    /**
     * A path as a log line may show it: a folder of the pack is named by the pack's author, and a line break in its name
     * would forge a log line, so control characters are shown as U+FFFD; at most 300 characters.
     */
    static String shown(Path p) {
        String t = String.valueOf(p);
        StringBuilder b = new StringBuilder(Math.min(t.length(), 300) + 1);
        for (int i = 0; i < t.length() && i < 300; i++) {
            char c = t.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '\uFFFD' : c);
        }
        return t.length() > 300 ? b.append('…').toString() : b.toString();
    }

    /**
     * The system's value of an inotify limit ({@code /proc/sys/fs/inotify/NAME}), and the user namespace's when it is lower
     * (a container's {@code /proc/sys/user/max_inotify_watches} or {@code max_inotify_instances}); "?" where neither can
     * be read (not Linux).
     */
    private static String currentLimit(String name) {
        String system = readLimit(Path.of("/proc/sys/fs/inotify", name));
        String userName = name.equals("max_user_watches") ? "max_inotify_watches" : "max_inotify_instances";
        String user = readLimit(Path.of("/proc/sys/user", userName));
        if (!user.equals("?") && (system.equals("?") || Long.parseLong(user) < Long.parseLong(system))) {
            return system + ", user." + userName + " " + user;
        }
        return system;
    }

    private static String readLimit(Path p) {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            String v = new String(in.readNBytes(32), java.nio.charset.StandardCharsets.US_ASCII).strip();
            return v.matches("[0-9]{1,18}") ? v : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void closeQuietly(WatchService ws) {
        try {
            ws.close();
        } catch (IOException ignored) {
            // closing a watch service only fails when already closed
        }
    }

    /** The folders registered, counted against the limit; used by the watch's one thread after {@link #start}. */
    static final class Folders {
        private final int max;
        private final Consumer<String> log;
        private final Watches watches;
        private int registered;
        private boolean full;
        private Path failed;
        private String error;
        private boolean atLimit;

        Folders(int max, Consumer<String> log, Watches watches) {
            this.max = max;
            this.log = log;
            this.watches = watches;
        }

        /** The class of the last registration failure. */
        synchronized String error() {
            return error;
        }

        /** Whether the last registration failure was the inotify limit ({@link #inotifyLimit}). */
        synchronized boolean atLimit() {
            return atLimit;
        }

        /** The folder whose registration failed last, or {@code otherwise}. */
        synchronized Path failedAt(Path otherwise) {
            return failed == null ? otherwise : failed;
        }

        /** How many folders are registered now. */
        synchronized int registered() {
            return registered;
        }

        synchronized void registerTree(WatchService ws, Path root, boolean recursive) throws IOException {
            if (!recursive) {
                register(ws, root);
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(root) && hidden(d.getFileName())) {
                        return FileVisitResult.SKIP_SUBTREE; // not part of a pack: the load never reads it
                    }
                    return register(ws, d) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // vanished or unreadable: the reload reports what it cannot read
                }
            });
        }

        private boolean register(WatchService ws, Path dir) throws IOException {
            if (registered >= max) {
                if (!full) {
                    full = true;
                    log.accept(DecisionService.logLine("log.watchFull", "max", Integer.toString(max)) + " " + shown(dir));
                }
                return false;
            }
            try {
                watches.register(ws, dir);
            } catch (IOException e) {
                failed = dir;
                error = e.getClass().getSimpleName();
                atLimit = inotifyLimit(e);
                throw e;
            }
            registered++;
            return true;
        }

        /** A registered folder went away (its key is no longer valid): its place is free again. */
        synchronized void gone() {
            registered--;
            full = false;
        }
    }

    /** A name a load ignores: hidden ({@code .git}, {@code .rules.drl.swp}). */
    static boolean hidden(Path name) {
        return name != null && name.toString().startsWith(".");
    }

    private static void run(Settings s, Folders folders, State state, Snapshot first) {
        try {
            WatchService ws = state.watch;
            Snapshot last = first;
            if (ws != null) {
                watch(ws, s, folders); // returns when a new folder could not be registered: poll from now on
                logPolling(folders.failedAt(s.root()), folders.error(), folders.atLimit(), "max_user_watches", s.polling(),
                        s.log());
                state.polling = true;
                state.watch = null;
                closeQuietly(ws);
                last = reloadAfterQuiet(s, state, null); // the new folder is a change
            }
            poll(s, state, last == null ? Snapshot.take(s, state) : last);
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /**
     * Watches until closed (ClosedWatchServiceException, InterruptedException) or until a new folder that exists could
     * not be registered (returns: the caller polls instead).
     */
    private static void watch(WatchService ws, Settings s, Folders folders) throws InterruptedException {
        while (true) {
            WatchKey key = ws.take();
            Drained d = drain(ws, key, s.onlyFile(), folders);
            if (d == Drained.FAILED) {
                return;
            }
            if (d == Drained.IGNORED) {
                continue; // only what a load ignores changed
            }
            // wait until nothing the load reads has changed for the quiet period, gathering the rest of the burst,
            // but no longer than maxWait after the first change: a folder that never goes quiet still reloads
            long now = System.nanoTime();
            long latest = now + s.maxWait().toNanos();
            long quietUntil = now + s.quiet().toNanos();
            boolean failed = false;
            while (true) {
                long wait = Math.min(quietUntil, latest) - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                WatchKey more = ws.poll(wait, TimeUnit.NANOSECONDS);
                if (more == null) {
                    break;
                }
                Drained m = drain(ws, more, s.onlyFile(), folders);
                if (m == Drained.FAILED) {
                    failed = true;
                    break;
                }
                if (m == Drained.RELEVANT) {
                    quietUntil = System.nanoTime() + s.quiet().toNanos();
                }
            }
            if (failed) {
                return;
            }
            reload(s);
        }
    }

    /**
     * Polls until closed: a round every {@code interval} (or ten times the last round's duration, when longer) compares
     * the files with the round before; a difference waits for quiet as a watched change does.
     */
    private static void poll(Settings s, State state, Snapshot first) throws InterruptedException {
        Snapshot last = first;
        while (!state.closed) {
            pause(s, last);
            Snapshot now = Snapshot.take(s, state);
            if (!now.same(last)) {
                last = reloadAfterQuiet(s, state, now);
            } else {
                last = now;
            }
        }
    }

    private static void pause(Settings s, Snapshot last) throws InterruptedException {
        long nanos = Math.max(s.polling().interval().toNanos(), 10 * last.tookNanos);
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    /**
     * After a change seen by polling ({@code changed}, or null when the watch just gave way to polling), polls every quiet
     * period until a round sees no change, at most {@code maxWait} after the change, then reloads; returns the last round.
     */
    private static Snapshot reloadAfterQuiet(Settings s, State state, Snapshot changed) throws InterruptedException {
        long latest = System.nanoTime() + s.maxWait().toNanos();
        Snapshot last = changed == null ? Snapshot.take(s, state) : changed;
        while (true) {
            long wait = Math.min(s.quiet().toNanos(), latest - System.nanoTime());
            if (wait <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
            Snapshot now = Snapshot.take(s, state);
            boolean same = now.same(last);
            last = now;
            if (same) {
                break;
            }
        }
        reload(s);
        return last;
    }

    private static void reload(Settings s) {
        try {
            s.reload().run();
        } catch (RuntimeException e) {
            logFailure(s.root(), e, s.log());
        }
    }

    /**
     * What polling saw in one round: each file and folder a load reads, by path, with its modification time, size and
     * file key (an editor that saves by renaming a new file over the old one changes the key). At most
     * {@link Polling#maxEntries()} are looked at; past that one log line, once a watch, and the rest are not compared.
     */
    private static final class Snapshot {
        private final Map<String, Stamp> entries;
        final long tookNanos;

        private Snapshot(Map<String, Stamp> entries, long tookNanos) {
            this.entries = entries;
            this.tookNanos = tookNanos;
        }

        private record Stamp(long modified, long size, Object key) {
        }

        /** What a folder is compared by: being there. */
        private static final Stamp FOLDER = new Stamp(-1, -1, null);

        boolean same(Snapshot other) {
            return entries.equals(other.entries);
        }

        static Snapshot take(Settings s, State state) {
            long start = System.nanoTime();
            Map<String, Stamp> entries = new HashMap<>();
            int max = s.polling().maxEntries();
            try {
                if (s.onlyFile() != null) {
                    Path f = s.root().resolve(s.onlyFile());
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                        entries.put(s.onlyFile(), stamp(a));
                    } catch (IOException gone) {
                        // absent now: an empty snapshot, different from one that had it
                    }
                } else {
                    Files.walkFileTree(s.root(), new SimpleFileVisitor<Path>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            if (!d.equals(s.root()) && hidden(d.getFileName())) {
                                return FileVisitResult.SKIP_SUBTREE; // not part of a pack: the load never reads it
                            }
                            // a folder by its presence only: its time changes with a hidden file made in it
                            return add(d, null);
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            return hidden(f.getFileName()) ? FileVisitResult.CONTINUE : add(f, attrs);
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            return FileVisitResult.CONTINUE; // vanished or unreadable: the reload reports it
                        }

                        private FileVisitResult add(Path p, BasicFileAttributes attrs) {
                            if (entries.size() >= max) {
                                if (!state.pollFullLogged) {
                                    state.pollFullLogged = true;
                                    s.log().accept(DecisionService.logLine("log.pollFull", "max", Integer.toString(max))
                                            + " " + shown(p));
                                }
                                return FileVisitResult.TERMINATE;
                            }
                            entries.put(s.root().relativize(p).toString(), attrs == null ? FOLDER : stamp(attrs));
                            return FileVisitResult.CONTINUE;
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                // the pack folder itself is gone or unreadable: what was seen so far is this round's view
            }
            return new Snapshot(entries, System.nanoTime() - start);
        }

        private static Stamp stamp(BasicFileAttributes a) {
            return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
        }
    }

    /**
     * Reports a reload that threw (not a pack with problems: that is an outcome, logged by the reload): one line with
     * the folder and the classes of the failure and its causes, e.g. {@code nạp lại không xong / reload failed:
     * /srv/pack: IllegalStateException < ExecutionException < UncheckedIOException}, and the failure's classes and frames
     * at {@code ERROR} on the {@link System.Logger} {@value Api#LOGGER}, as an unexpected failure of a request is
     * logged ({@link HttpLimits#loggable}). No message: an exception thrown while reading a pack may quote its text.
     * Never throws: the watch goes on.
     */
    static void logFailure(Path root, RuntimeException e, Consumer<String> log) {
        StringBuilder classes = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t) && seen.size() <= 8; t = t.getCause()) {
            classes.append(classes.length() == 0 ? "" : " < ").append(t.getClass().getSimpleName());
        }
        String line = DecisionService.logLine("log.reloadFailed") + ": " + root + ": " + classes;
        try {
            log.accept(line);
        } catch (RuntimeException ignored) {
            // the embedder's sink failed; the record below still tells
        }
        try {
            System.getLogger(Api.LOGGER).log(System.Logger.Level.ERROR, line, HttpLimits.loggable(e));
        } catch (RuntimeException | LinkageError ignored) {
            // a failing logger must not stop the watch
        }
    }

    /** What a key's events came to. */
    private enum Drained {
        /** Only names a load ignores. */
        IGNORED,
        /** Something a load reads changed. */
        RELEVANT,
        /** A new folder that still exists could not be registered (the system's limit): poll instead. */
        FAILED
    }

    /** Takes the key's events; registers new subfolders. */
    private static Drained drain(WatchService ws, WatchKey key, String onlyFile, Folders folders) {
        boolean relevant = false;
        boolean failed = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path name = (Path) e.context();
            if (onlyFile != null ? !onlyFile.equals(name.toString()) : hidden(name)) {
                continue;
            }
            relevant = true;
            Path child = dir.resolve(name);
            if (onlyFile == null && e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    folders.registerTree(ws, child, true);
                } catch (ClosedWatchServiceException closed) {
                    throw closed;
                } catch (IOException notRegistered) {
                    // vanished meanwhile: the reload reads whatever is there; still there: the system refused it
                    failed |= Files.isDirectory(folders.failedAt(child), LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        if (!key.reset()) {
            folders.gone();
        }
        return failed ? Drained.FAILED : relevant ? Drained.RELEVANT : Drained.IGNORED;
    }

    @Override
    public void close() {
        state.closed = true;
        WatchService ws = state.watch;
        if (ws != null) {
            closeQuietly(ws);
        }
        thread.interrupt();
    }
}
