package io.github.motcua.examples.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code desk PACK [--port N] [--no-background-warm-up] [--lazy-parse]}: starts the desk web application on 127.0.0.1, prints its URL and
 * serves until the process is stopped. Not thread-safe.
 */
@Command(name = "desk", mixinStandardHelpOptions = true)
public final class DeskCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N")
    int port;

    @Option(names = "--no-background-warm-up")
    boolean noBackgroundWarmUp;

    @Option(names = "--lazy-parse")
    boolean lazyParse;

    @Spec
    CommandSpec spec;

    /** The desk the options ask for, started (what {@link #call} serves until the process stops). */
    DeskServer start() {
        return DeskServer.start(pack, port, Clock.systemUTC(), !noBackgroundWarmUp, lazyParse);
    }

    /** As {@code serve}'s (one helper, {@code HttpLimits.startFailure}), with the desk's bundle. */
    static String startFailure(java.io.UncheckedIOException e) {
        return io.github.motcua.service.HttpLimits.startFailure(e, DeskMessages.both("DESK_CANNOT_LISTEN"),
                DeskMessages.both("DESK_START_FAILED"));
    }

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        // the JDK server's own limits (read deadline, response deadline, connection cap): DeskServer sets them
        DeskServer desk;
        try {
            desk = start();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        } catch (java.io.UncheckedIOException e) {
            err.println(startFailure(e));
            return 4;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            desk.close();
            stopped.countDown();
        }));
        out.println(DeskMessages.both("DESK_DESK") + ": " + desk.uri());
        out.println(DeskMessages.both("DESK_PORTAL") + ": " + desk.uri().resolve("cong-dich-vu"));
        out.println(DeskMessages.both("DESK_PRESS_CTRL_C") + ".");
        out.flush();
        stopped.await();
        return 0;
    }
}
