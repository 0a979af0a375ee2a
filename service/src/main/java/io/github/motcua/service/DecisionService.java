package io.github.motcua.service;

import com.sun.net.httpserver.HttpServer;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The decision service (dịch vụ ra quyết định): one pack behind a JSON HTTP API for portals, kiosks
 * and case-management systems not written in Java — decisions and their explanation, the catalogue,
 * e-forms, printable documents, the working calendar and deadlines, health and readiness, and an
 * OpenAPI 3.1 description at {@code /openapi.json}. Errors are RFC 9457 problems in Vietnamese or
 * English. Runs on the JDK's own HTTP server (docs/service.md).
 *
 * <pre>{@code
 * try (DecisionService service = DecisionService.builder(Path.of("examples/packs/gia-lai")).port(8080).start()) {
 *     System.out.println(service.uri() + "decisions");
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently; {@link #reload()} may be called from any thread
 * (reloads run one at a time, and the serving pack stays until a new one has loaded without problem);
 * {@link #close()} stops it.
 */
public final class DecisionService implements AutoCloseable {
    /** How long a reload may take before the admin endpoint answers that it is still under way. */
    static final Duration RELOAD_WAIT = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Engine engine;
    private final boolean ownsEngine;
    private final Path pack;
    private final LoadResult initialLoad;
    private final Consumer<String> log;
    private final Holder holder;
    private volatile PackWatcher watcher;
    private final Object reloading = new Object();

    /**
     * A log line's words, "Vietnamese / English" (the service bundle's {@code log.*} keys, the same
     * named arguments in both); the values that follow are the line's own.
     */
    static String logLine(String key, Object... namesAndValues) {
        return io.github.motcua.kernel.Messages.render(ApiProblem.BUNDLE, key, Locale.forLanguageTag("vi"), namesAndValues)
                + " / " + io.github.motcua.kernel.Messages.render(ApiProblem.BUNDLE, key, Locale.ENGLISH, namesAndValues);
    }

    /**
     * The log line of one warning of the pack now serving (what does not keep it out, e.g. a
     * {@code cutOffs} code the pack does not have): {@code cảnh báo / warning: file:line:col [CODE]} —
     * where and what, not the message: a message may quote the pack's text (the code it did not find, the
     * line a parser stopped at), and a log is read by more people than the pack. The message is in
     * {@code GET /ready} and the admin reload's answer.
     */
    static String warningLine(PackProblem w) {
        return logLine("log.warning") + ": " + place(w);
    }

    /** The log line of one problem of a pack that was not served: {@code lỗi / problem: file:line:col [CODE]}. */
    static String problemLine(PackProblem p) {
        return logLine("log.problem") + ": " + place(p);
    }

    /** Most problems of one refused pack the log lists, one line each (the admin answer lists them all). */
    static final int MAX_LOGGED_PROBLEMS = 20;

    private static void logProblems(Consumer<String> log, List<PackProblem> problems) {
        problems.stream().limit(MAX_LOGGED_PROBLEMS).forEach(p -> log.accept(problemLine(p)));
        if (problems.size() > MAX_LOGGED_PROBLEMS) {
            log.accept(logLine("log.moreProblems", "count", problems.size() - MAX_LOGGED_PROBLEMS));
        }
    }

    /**
     * {@code file:line:col [CODE]} of a pack problem, the file's name as a log may show it: a control character
     * (a line break in a file name would forge a log line) shown as U+FFFD, at most 200 characters.
     */
    static String place(PackProblem p) {
        String file = p.file() == null ? "" : p.file();
        StringBuilder b = new StringBuilder(Math.min(file.length(), 200) + 32);
        for (int i = 0; i < file.length() && i < 200; i++) {
            char c = file.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '\uFFFD' : c);
        }
        if (file.length() > 200) {
            b.append('…');
        }
        return b.append(':').append(p.line()).append(':').append(p.column()).append(" [").append(p.code()).append(']')
                .toString();
    }

    private DecisionService(Builder b, HttpServer server, ThreadPoolExecutor pool, LoadResult initialLoad, Holder holder) {
        this.server = server;
        this.pool = pool;
        this.engine = b.engine;
        this.ownsEngine = b.ownsEngine;
        this.pack = b.pack;
        this.initialLoad = initialLoad;
        this.log = b.log;
        this.holder = holder;
    }

    /**
     * A builder for a service of the pack at {@code pack} (a pack folder, or a prebuilt artifact when
     * the engine accepts one: the service only calls {@link Engine#load(Path)} and {@link Engine#reload(Path)}).
     */
    public static Builder builder(Path pack) {
        return new Builder(Objects.requireNonNull(pack, "pack"));
    }

    /**
     * Settings of a {@link DecisionService}. Not thread-safe; {@link #start()} copies what it needs.
     */
    public static final class Builder {
        private final Path pack;
        private InetAddress bind;
        private int port;
        private String adminToken;
        private boolean watch;
        private Clock clock = Clock.systemUTC();
        private Explainer explainer = Explainer.plain();
        private Consumer<String> log = s -> { };
        private Engine engine;
        private boolean ownsEngine = true;
        private Duration watchQuiet = PackWatcher.QUIET;
        private PackWatcher.Watches watches = PackWatcher.Watches.SYSTEM;
        private PackWatcher.Polling polling = PackWatcher.Polling.DEFAULT;
        private boolean backgroundWarmUp = true;
        private boolean lazyParse;

        private Builder(Path pack) {
            this.pack = pack;
        }

        /** The address to listen on (default 127.0.0.1); {@code 0.0.0.0} listens on every interface. */
        public Builder bind(String host) {
            Objects.requireNonNull(host, "host");
            try {
                this.bind = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown bind address: [%s]", host), e);
            }
            return this;
        }

        /** The port, 0..65535; 0 (the default) takes any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "port must be 0..65535: [%d]", port));
            }
            this.port = port;
            return this;
        }

        /**
         * The token {@code POST /admin/reload} must present as {@code Authorization: Bearer TOKEN}, at
         * least 16 characters; {@code null} (the default) refuses every admin request.
         */
        public Builder adminToken(String token) {
            if (token != null && token.strip().length() < 16) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "an admin token must have at least 16 characters: [%d]", token.strip().length()));
            }
            this.adminToken = token == null ? null : token.strip();
            return this;
        }

        /**
         * Reloads the pack when a file under its folder changes (default off). Where the system will not watch (its
         * inotify limits reached) the watch polls instead and logs one line saying why (docs/service.md).
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /**
         * How the watch asks the system to watch, and how it polls when the system refuses (tests: a refusal, as when
         * the inotify limits are reached, and a short interval).
         */
        Builder watches(PackWatcher.Watches watches, PackWatcher.Polling polling) {
            this.watches = Objects.requireNonNull(watches, "watches");
            this.polling = Objects.requireNonNull(polling, "polling");
            return this;
        }

        /** How long the folder must stay quiet after a change before the watch reloads (default 500 ms). */
        public Builder watchQuiet(Duration quiet) {
            this.watchQuiet = Objects.requireNonNull(quiet, "quiet");
            return this;
        }

        /** The clock of decisions' evaluation time (default UTC system clock); used when the service builds its engine. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether the engine the service builds prepares the procedures not yet ready in the background after a load or
         * reload, and warms the rule compiler (default true; {@code EngineBuilder.backgroundWarmUp}). Off, each procedure
         * is prepared at its first decision only: for a node that decides a few procedures and would rather keep its
         * processor. Not used with {@link #engine(Engine)} (that engine has its own setting).
         */
        public Builder backgroundWarmUp(boolean backgroundWarmUp) {
            this.backgroundWarmUp = backgroundWarmUp;
            return this;
        }

        /**
         * Whether the engine the service builds parses a pack folder lazily (default false; {@code EngineBuilder.lazyParse}):
         * the first load checks the pack-wide files and every section, then leaves each procedure folder's parse and checks
         * to its first use or the background, so the service is ready sooner on a large catalogue; a broken procedure
         * folder is then quarantined (its decisions refused with the strict load's problems) while the others serve,
         * instead of refusing the whole pack. Reloads and prebuilt packs are unchanged. Not used with
         * {@link #engine(Engine)} (that engine has its own setting).
         */
        public Builder lazyParse(boolean lazyParse) {
            this.lazyParse = lazyParse;
            return this;
        }

        /** The text {@code /decisions/explain} returns beside the decision (default {@link Explainer#plain()}). */
        public Builder explainer(Explainer explainer) {
            this.explainer = Objects.requireNonNull(explainer, "explainer");
            return this;
        }

        /**
         * Where the service reports loads, reloads and watch events, one line each (default: nowhere). A line names
         * the pack's path and hash, and each problem or warning by file, line, column and code; it quotes nothing of
         * the pack's files and no exception message (the admin answer and {@code /ready} carry the messages).
         */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * An engine of the caller's (built, not yet loaded) instead of one the service builds; the
         * service loads the pack into it and does not close it.
         */
        public Builder engine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.ownsEngine = false;
            return this;
        }

        /**
         * Listens, then loads the pack. The service answers at once: {@code /health} is up and
         * {@code /ready} says 503 until a pack has loaded. When the pack has problems the service keeps
         * running without one (see {@link DecisionService#initialLoad()}); a reload or the watch may
         * bring a good one.
         *
         * @throws UncheckedIOException when the address cannot be bound
         */
        public DecisionService start() {
            if (engine == null) {
                engine = Motcua.engine().clock(clock).backgroundWarmUp(backgroundWarmUp).lazyParse(lazyParse).build();
                ownsEngine = true;
            }
            if (bind == null) {
                bind = InetAddress.getLoopbackAddress();
            }
            HttpLimits.apply();
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(bind, port), 64);
            } catch (IOException e) {
                if (ownsEngine) {
                    engine.close();
                }
                throw new UncheckedIOException(String.format(Locale.ROOT, "cannot listen on %s:%d", bind.getHostAddress(), port), e);
            }
            ThreadPoolExecutor pool = HttpLimits.executor("motcua-service");
            server.setExecutor(pool);
            Holder holder = new Holder();
            server.createContext("/", new Api(engine, explainer, tokenDigest(adminToken), () -> holder.service.reload(),
                    holder::warnings));
            server.start();
            LoadResult first = engine.load(pack);
            if (first.ok()) {
                holder.served = new Served(first.pack().orElseThrow().sha256(), first.warnings());
            }
            log.accept(first.ok() ? logLine("log.loaded") + " " + pack + " sha256=" + first.pack().orElseThrow().sha256()
                    : logLine("log.notServed") + ": " + pack + " (" + first.problems().size() + ")");
            first.warnings().forEach(w -> log.accept(warningLine(w)));
            DecisionService service = new DecisionService(this, server, pool, first, holder);
            holder.service = service;
            if (watch) {
                try {
                    service.watcher = PackWatcher.start(pack, watchQuiet, PackWatcher.MAX_WAIT, PackWatcher.MAX_FOLDERS,
                            watches, polling, service::reload, log);
                } catch (RuntimeException | Error e) {
                    service.close(); // the server already listens: never left running behind a failed start
                    throw e;
                }
            }
            return service;
        }
    }

    /**
     * Lets the admin handler reach the service built after the handler, and the handlers the warnings
     * of the pack the service last put to serve.
     */
    private static final class Holder {
        volatile DecisionService service;
        volatile Served served;

        /** The warnings of the pack with this hash, or null when the service did not load it (or not yet). */
        List<PackProblem> warnings(String sha256) {
            Served s = served;
            return s != null && s.sha256().equals(sha256) ? s.warnings() : null;
        }
    }

    /** A pack the service loaded or reloaded into serving, by hash, with its load warnings. */
    private record Served(String sha256, List<PackProblem> warnings) {
        Served {
            warnings = List.copyOf(warnings);
        }
    }

    /** SHA-256 of the token, so that the comparison is constant-time over equal-length digests. */
    private static byte[] tokenDigest(String token) {
        if (token == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The outcome of a reload: whether the new pack now serves, the hash of the pack serving after it
     * and, when refused, the new pack's problems (nothing of them was served).
     *
     * @param swapped       true when the new pack replaced the old one
     * @param servingSha256 the SHA-256 of the pack serving now, or {@code null} when none
     * @param problems      the new pack's problems (empty when swapped)
     * @param warnings      the new pack's warnings when swapped ({@link ReloadResult#warnings()}: what does
     *                      not keep it out, e.g. a {@code cutOffs} code it does not have), else empty
     */
    public record Reload(boolean swapped, String servingSha256, List<PackProblem> problems, List<PackProblem> warnings) {
        public Reload {
            problems = List.copyOf(problems);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** A reload without warnings. */
        public Reload(boolean swapped, String servingSha256, List<PackProblem> problems) {
            this(swapped, servingSha256, problems, List.of());
        }
    }

    /**
     * Reloads the pack from its folder (or artifact) and waits for the outcome; the old pack serves
     * until the new one has loaded without problem, and a broken pack is never served.
     *
     * @throws IllegalStateException when the reload did not finish within five minutes (it goes on)
     */
    public Reload reload() {
        synchronized (reloading) {
            ReloadResult r;
            try {
                r = engine.reload(pack).get(RELOAD_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reloading [" + pack + "]", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException(String.format(Locale.ROOT, "reload of [%s] still running after %d s",
                        pack, RELOAD_WAIT.toSeconds()), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("reload of [" + pack + "] failed: " + e.getCause(), e.getCause());
            }
            String sha = r.serving().map(PackInfo::sha256).orElse(null);
            if (r.swapped()) {
                holder.served = new Served(sha, r.warnings());
            }
            log.accept((r.swapped() ? logLine("log.reloaded") : logLine("log.kept", "count", r.problems().size()))
                    + " sha256=" + sha);
            logProblems(log, r.problems());
            r.warnings().forEach(w -> log.accept(warningLine(w)));
            return new Reload(r.swapped(), sha, r.problems(), r.warnings());
        }
    }

    /** What the first load at {@link Builder#start()} gave. */
    public LoadResult initialLoad() {
        return initialLoad;
    }

    /** The engine behind the service. */
    public Engine engine() {
        return engine;
    }

    /**
     * The load warnings of the pack serving now ({@link LoadResult#warnings()}, {@link ReloadResult#warnings()}):
     * empty when it has none, or when no pack serves or the serving pack was not loaded by the service
     * (an engine of the caller's reloaded directly).
     */
    public List<PackProblem> warnings() {
        List<PackProblem> w = engine.pack().map(p -> holder.warnings(p.sha256())).orElse(null);
        return w == null ? List.of() : w;
    }

    /** The pack serving now, if any. */
    public Optional<PackInfo> pack() {
        return engine.pack();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/} (an IPv6 address in brackets). */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops the watch and the server (waits at most one second for requests in flight), then the engine it built. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.stop(1);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsEngine) {
            engine.close();
        }
    }
}
