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

    private final WatchService watch;
    private final Thread thread;
    private final Folders folders;

    private PackWatcher(WatchService watch, Thread thread, Folders folders) {
        this.watch = watch;
        this.thread = thread;
        this.folders = folders;
    }

    /** How many folders are watched now. */
    int watched() {
        return folders.registered();
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
        Path root = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? pack : pack.toAbsolutePath().getParent();
        String onlyFile = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? null : pack.getFileName().toString();
        WatchService ws;
        Folders folders = new Folders(maxFolders, log);
        try {
            ws = FileSystems.getDefault().newWatchService();
            folders.registerTree(ws, root, onlyFile == null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot watch [" + root + "]", e);
        }
        Thread t = new Thread(() -> loop(ws, root, onlyFile, quiet, maxWait, folders, reload, log), "motcua-service-watch");
        t.setDaemon(true);
        t.start();
        log.accept(DecisionService.logLine("log.watching") + " " + root);
        return new PackWatcher(ws, t, folders);
    }

    /** The folders registered, counted against the limit; used by the watch's one thread after {@link #start}. */
    static final class Folders {
        private final int max;
        private final Consumer<String> log;
        private int registered;
        private boolean full;

        Folders(int max, Consumer<String> log) {
            this.max = max;
            this.log = log;
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
                    log.accept(DecisionService.logLine("log.watchFull", "max", Integer.toString(max)) + " " + dir);
                }
                return false;
            }
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
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

    private static void loop(WatchService ws, Path root, String onlyFile, Duration quiet, Duration maxWait,
            Folders folders, Runnable reload, Consumer<String> log) {
        try {
            while (true) {
                WatchKey key = ws.take();
                if (!drain(ws, key, onlyFile, folders)) {
                    continue; // only what a load ignores changed
                }
                // wait until nothing the load reads has changed for the quiet period, gathering the rest of the burst,
                // but no longer than maxWait after the first change: a folder that never goes quiet still reloads
                long now = System.nanoTime();
                long latest = now + maxWait.toNanos();
                long quietUntil = now + quiet.toNanos();
                while (true) {
                    long wait = Math.min(quietUntil, latest) - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    WatchKey more = ws.poll(wait, TimeUnit.NANOSECONDS);
                    if (more == null) {
                        break;
                    }
                    if (drain(ws, more, onlyFile, folders)) {
                        quietUntil = System.nanoTime() + quiet.toNanos();
                    }
                }
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    logFailure(root, e, log);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
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

    /** Takes the key's events; registers new subfolders; true when one concerns what a load reads. */
    private static boolean drain(WatchService ws, WatchKey key, String onlyFile, Folders folders) {
        boolean relevant = false;
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
                } catch (IOException | ClosedWatchServiceException ignored) {
                    // vanished or closed meanwhile: the reload reads whatever is there
                }
            }
        }
        if (!key.reset()) {
            folders.gone();
        }
        return relevant;
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException ignored) {
            // closing a watch service only fails when already closed
        }
        thread.interrupt();
    }
}
