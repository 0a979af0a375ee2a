package io.github.motcua.examples.desk;

import com.sun.net.httpserver.HttpServer;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.UnableToLoadPackException;
import io.github.motcua.service.HttpLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one-stop desk web application (ứng dụng Bộ phận Một cửa) and citizen portal (Cổng dịch vụ
 * công) on the JDK's {@code com.sun.net.httpserver.HttpServer}, bound to 127.0.0.1 only. Pages are
 * rendered on the server; the only script is a same-origin print button.
 *
 * <pre>{@code
 * try (DeskServer desk = DeskServer.start(Path.of("examples/packs/gia-lai"), 0, Clock.systemUTC())) {
 *     System.out.println(desk.uri());
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently by a small pool; {@link #close()} stops it.
 */
public final class DeskServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final Engine ownedEngine;
    private final Filings filings;

    /** Most connections open at once: the shared {@link HttpLimits#MAX_CONNECTIONS}. */
    static final int MAX_CONNECTIONS = HttpLimits.MAX_CONNECTIONS;
    /** Seconds a request may take to arrive, head and body: {@link HttpLimits#REQUEST_SECONDS}. */
    static final int REQUEST_SECONDS = HttpLimits.REQUEST_SECONDS;
    /** Seconds a response may take to leave: {@link HttpLimits#RESPONSE_SECONDS}. */
    static final int RESPONSE_SECONDS = HttpLimits.RESPONSE_SECONDS;

    /**
     * Sets the JDK server's limits unless the application gave its own (the decision service's
     * {@link HttpLimits#apply()}: read deadline, response deadline, connection cap). The JDK reads these
     * system properties once, when the first {@code HttpServer} of the JVM is created: an application
     * that started one earlier must set them itself (docs/desk.md).
     */
    static void serverLimits() {
        HttpLimits.apply();
    }

    private DeskServer(HttpServer server, ExecutorService pool, Engine ownedEngine, Filings filings) {
        this.server = server;
        this.pool = pool;
        this.ownedEngine = ownedEngine;
        this.filings = filings;
    }

    /**
     * Loads the pack and starts the desk.
     *
     * @param pack  the pack folder
     * @param port  a local port, or 0 for a free one
     * @param clock the server clock (received-at defaults, decisions' evaluation time)
     * @throws IllegalStateException naming the pack's problems when it does not load
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DeskServer start(Path pack, int port, Clock clock) {
        return start(pack, port, clock, true);
    }

    /**
     * Loads the pack and starts the desk, with the engine's background warm-up on or off
     * ({@code EngineBuilder.backgroundWarmUp}): off, a procedure is prepared at its first decision only, and no
     * compiler warm-up runs, so a desk that decides a few procedures keeps its processor (docs/deployment.md).
     *
     * @param pack             the pack folder, or a prebuilt pack
     * @param port             a local port, or 0 for a free one
     * @param clock            the server clock (received-at defaults, decisions' evaluation time)
     * @param backgroundWarmUp whether the engine prepares the procedures not yet ready in the background
     * @throws IllegalStateException naming the pack's problems when it does not load
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DeskServer start(Path pack, int port, Clock clock, boolean backgroundWarmUp) {
        return start(pack, port, clock, backgroundWarmUp, false);
    }

    /**
     * Loads the pack and starts the desk, with the engine's background warm-up on or off and its lazy parse on or off
     * ({@code EngineBuilder.lazyParse}): on, a pack folder's load checks the pack-wide files and every section and leaves
     * each procedure folder's parse and checks to its first use or the background, so a large catalogue serves sooner;
     * a broken procedure folder is then quarantined (its decisions refused with the strict load's problems) while the
     * others serve, instead of the desk refusing to start. A prebuilt pack ignores it.
     *
     * @param pack             the pack folder, or a prebuilt pack
     * @param port             a local port, or 0 for a free one
     * @param clock            the server clock (received-at defaults, decisions' evaluation time)
     * @param backgroundWarmUp whether the engine prepares the procedures not yet ready in the background
     * @param lazyParse        whether the engine parses a pack folder's procedure folders lazily
     * @throws IllegalStateException naming the pack's problems when it does not load
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DeskServer start(Path pack, int port, Clock clock, boolean backgroundWarmUp, boolean lazyParse) {
        return start(pack, port, clock, backgroundWarmUp, lazyParse, new Filings());
    }

    /** As {@link #start(Path, int, Clock)}, keeping the dossiers in {@code filings} (tests: other bounds). */
    static DeskServer start(Path pack, int port, Clock clock, Filings filings) {
        return start(pack, port, clock, true, false, filings);
    }

    private static DeskServer start(Path pack, int port, Clock clock, boolean backgroundWarmUp, boolean lazyParse,
            Filings filings) {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(clock, "clock");
        Engine engine = Motcua.engine().clock(clock).backgroundWarmUp(backgroundWarmUp).lazyParse(lazyParse).build();
        LoadResult r = engine.load(pack);
        if (!r.ok()) {
            engine.close();
            // the library's words, Vietnamese first: "Không nạp được bộ quy tắc [..]: 2 lỗi / unable to load pack …"
            throw new IllegalStateException(new UnableToLoadPackException(pack.toString(), r.problems()).getMessage());
        }
        return start(engine, port, clock, true, filings);
    }

    /**
     * Starts the desk on an engine that already serves a pack; its forms come from
     * {@link Engine#forms()}.
     *
     * @param engine an engine with a loaded pack that has e-forms (not closed by the desk)
     * @param port   a local port, or 0 for a free one
     * @param clock  the server clock (use the engine's)
     */
    public static DeskServer start(Engine engine, int port, Clock clock) {
        return start(engine, port, clock, false, new Filings());
    }

    private static DeskServer start(Engine engine, int port, Clock clock, boolean owned, Filings filings) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "port must be 0..65535: [%d]", port));
        }
        FormRegistry forms = engine.forms().orElse(null);
        if (forms == null) {
            String pack = engine.pack().map(p -> p.id()).orElse(null);
            if (owned) {
                engine.close();
            }
            throw new IllegalArgumentException("engine serves no pack with e-forms: [" + pack + "]");
        }
        serverLimits();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 64);
        } catch (IOException e) {
            if (owned) {
                engine.close();
            }
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        // one thread per open connection up to the connection cap (shared with the decision service)
        ThreadPoolExecutor pool = HttpLimits.executor("motcua-desk");
        server.setExecutor(pool);
        DeskApp app = new DeskApp(engine, forms, new DemoPopulationRegister(), clock, filings);
        server.createContext("/", app);
        server.start();
        return new DeskServer(server, pool, owned ? engine : null, app.filings());
    }

    /** The dossiers and form tokens this desk keeps (tests). */
    Filings filings() {
        return filings;
    }

    /** The engine the desk built and owns, or null when it serves an engine of the caller's (tests). */
    Engine ownedEngine() {
        return ownedEngine;
    }

    /** The base address, e.g. {@code http://127.0.0.1:43127/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops serving (waits at most one second for requests in flight). */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownedEngine != null) {
            ownedEngine.close();
        }
    }
}
