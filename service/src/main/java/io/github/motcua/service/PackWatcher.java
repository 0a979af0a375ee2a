package io.github.motcua.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a pack folder (or the folder of a pack artifact) and reloads once the files have stopped
 * changing for a quiet period, so an analyst saving ten files causes one reload, not ten. A broken
 * pack is reported by the reload and never served. Symbolic links are not followed. Thread-safe:
 * one daemon thread; {@link #close()} stops it.
 */
final class PackWatcher implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(500);

    private final WatchService watch;
    private final Thread thread;

    private PackWatcher(WatchService watch, Thread thread) {
        this.watch = watch;
        this.thread = thread;
    }

    static PackWatcher start(Path pack, Duration quiet, Runnable reload, Consumer<String> log) {
        Path root = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? pack : pack.toAbsolutePath().getParent();
        String onlyFile = Files.isDirectory(pack, LinkOption.NOFOLLOW_LINKS) ? null : pack.getFileName().toString();
        WatchService ws;
        try {
            ws = FileSystems.getDefault().newWatchService();
            registerTree(ws, root, onlyFile == null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot watch [" + root + "]", e);
        }
        Thread t = new Thread(() -> loop(ws, root, onlyFile, quiet, reload, log), "motcua-service-watch");
        t.setDaemon(true);
        t.start();
        log.accept(DecisionService.logLine("log.watching") + " " + root);
        return new PackWatcher(ws, t);
    }

    private static void registerTree(WatchService ws, Path root, boolean recursive) throws IOException {
        if (!recursive) {
            register(ws, root);
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                register(ws, d);
            }
        }
    }

    private static void register(WatchService ws, Path dir) throws IOException {
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private static void loop(WatchService ws, Path root, String onlyFile, Duration quiet, Runnable reload,
            Consumer<String> log) {
        try {
            while (true) {
                WatchKey key = ws.take();
                boolean relevant = drain(ws, key, onlyFile);
                // wait until nothing has changed for the quiet period, gathering the rest of the burst
                WatchKey more;
                while ((more = ws.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(ws, more, onlyFile);
                }
                if (!relevant) {
                    continue;
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

    /** Takes the key's events; registers new subfolders; true when one concerns the pack. */
    private static boolean drain(WatchService ws, WatchKey key, String onlyFile) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path name = (Path) e.context();
            if (onlyFile != null && !onlyFile.equals(name.toString())) {
                continue;
            }
            relevant = true;
            Path child = dir.resolve(name);
            if (onlyFile == null && e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(ws, child, true);
                } catch (IOException | ClosedWatchServiceException ignored) {
                    // vanished or closed meanwhile: the reload reads whatever is there
                }
            }
        }
        key.reset();
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
