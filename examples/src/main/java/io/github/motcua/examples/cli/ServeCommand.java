package io.github.motcua.examples.cli;

import io.github.motcua.kernel.Messages;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.service.DecisionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve PACK [--port N] [--bind ADDR] [--admin-token-file FILE] [--watch]}: the decision service
 * (docs/service.md) until the process is stopped. Not thread-safe.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
    /** The environment variable that may carry the admin token instead of a file. */
    static final String TOKEN_ENV = "MOTCUA_ADMIN_TOKEN";

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR")
    String bind;

    @Option(names = "--admin-token-file", paramLabel = "FILE")
    Path tokenFile;

    @Option(names = "--watch")
    boolean watch;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        String token;
        try {
            token = token();
        } catch (IOException e) {
            err.println(CliMessages.text(en, "CLI_TOKEN_FILE", "detail", e.getMessage()));
            return ExitCodes.IO;
        }
        DecisionService service;
        try {
            service = DecisionService.builder(pack).bind(bind).port(port).adminToken(token).watch(watch)
                    .explainer((d, p, locale) -> Explanation.of(d, p, Messages.english(locale)))
                    .log(line -> {
                        err.println(line);
                        err.flush();
                    })
                    .start();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_ARGUMENT;
        } catch (UncheckedIOException e) {
            err.println(CliMessages.both("CLI_CANNOT_LISTEN") + ": " + e.getMessage());
            return ExitCodes.IO;
        }
        if (!service.initialLoad().ok()) {
            for (PackProblem p : service.initialLoad().problems()) {
                err.println(p.format(en ? Locale.ENGLISH : Locale.forLanguageTag("vi")));
            }
            if (token == null && !watch) {
                // nothing could ever bring a good pack: stop rather than serve 503 for ever
                service.close();
                return ExitCodes.PACK_PROBLEMS;
            }
            err.println(CliMessages.text(en, "CLI_NOT_READY"));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }));
        out.println(CliMessages.both("CLI_SERVICE_AT") + ": " + service.uri());
        out.println("OpenAPI: " + service.uri().resolve("openapi.json"));
        out.println(CliMessages.both("CLI_PRESS_CTRL_C") + ".");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }
}
