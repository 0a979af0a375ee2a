package io.github.motcua.examples.cli;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.service.DecisionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve PACK [--port N] [--bind ADDR] [--admin-token-file FILE] [--watch] [--no-background-warm-up] [--lazy-parse]}: the decision service
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

    @Option(names = "--no-background-warm-up")
    boolean noBackgroundWarmUp;

    @Option(names = "--lazy-parse")
    boolean lazyParse;

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
        } catch (TokenFileException e) {
            err.println(e.problem().format(en ? Locale.ENGLISH : Messages.VI));
            return ExitCodes.IO;
        }
        DecisionService service;
        try {
            service = builder(token, err).start();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_ARGUMENT;
        } catch (UncheckedIOException e) {
            err.println(startFailure(e));
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

    /**
     * What {@code serve} prints when the service did not start: "cannot listen" with the address and the system's reason
     * for a bind failure only (a port in use, an address not this host's); any other failure its own cause (until
     * session 20 every {@code UncheckedIOException} of the start was "cannot listen").
     */
    static String startFailure(UncheckedIOException e) {
        return io.github.motcua.service.HttpLimits.startFailure(e, CliMessages.both("CLI_CANNOT_LISTEN"),
                CliMessages.both("CLI_START_FAILED")); // one helper with the desk's (duplicates D7 of session 20)
    }

    /** The service the options ask for, not started; its log lines go to {@code err}. */
    DecisionService.Builder builder(String token, PrintWriter err) {
        return DecisionService.builder(pack).bind(bind).port(port).adminToken(token).watch(watch)
                .backgroundWarmUp(!noBackgroundWarmUp).lazyParse(lazyParse)
                .explainer((d, p, locale) -> Explanation.of(d, p, Messages.english(locale)))
                .log(line -> {
                    err.println(line);
                    err.flush();
                });
    }

    private String token() throws TokenFileException {
        if (tokenFile != null) {
            return readToken(tokenFile);
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }

    /** The most bytes a token file may hold: a token is one line (64 random bytes in base64 are 88 characters). */
    static final int MAX_TOKEN_FILE_BYTES = 4096;

    /**
     * The admin token in {@code file}, read as the kernel reads a pack file, with the limits that suit a
     * secret: at most {@link #MAX_TOKEN_FILE_BYTES} bytes are ever read (so {@code /dev/zero} or a log file
     * given by mistake costs nothing), a folder is refused, text that is not UTF-8 is refused, a byte-order
     * mark is dropped and the line's surrounding blanks stripped. A symbolic link is followed (unlike a
     * pack's link out of its folder): Kubernetes and Docker mount secrets as links into a hidden
     * {@code ..data} folder, and the one who names the file on the command line chose it. A named pipe
     * ({@code --admin-token-file <(pass show motcua)}) is read like a file, bounded.
     *
     * @throws TokenFileException with its typed problem ({@code TOKEN_FILE_*}, both languages)
     */
    static String readToken(Path file) throws TokenFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new TokenFileException(problem(name, "TOKEN_FILE_NOT_A_FILE", "CLI_TOKEN_FILE_NOT_A_FILE"));
        }
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_TOKEN_FILE_BYTES) {
                throw new TokenFileException(problem(name, "TOKEN_FILE_TOO_LARGE", "CLI_TOKEN_FILE_TOO_LARGE",
                        "size", Long.toString(Files.size(file)), "max", Integer.toString(MAX_TOKEN_FILE_BYTES)));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_TOKEN_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new TokenFileException(problem(name, "TOKEN_FILE_MISSING", "CLI_TOKEN_FILE_MISSING"));
        } catch (IOException e) {
            throw new TokenFileException(problem(name, "TOKEN_FILE_UNREADABLE", "CLI_TOKEN_FILE",
                    "detail", String.valueOf(e.getMessage())));
        }
        if (bytes.length > MAX_TOKEN_FILE_BYTES) {
            throw new TokenFileException(problem(name, "TOKEN_FILE_TOO_LARGE", "CLI_TOKEN_FILE_TOO_LARGE",
                    "size", "> " + MAX_TOKEN_FILE_BYTES, "max", Integer.toString(MAX_TOKEN_FILE_BYTES)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenFileException(problem(name, "TOKEN_FILE_NOT_UTF8", "CLI_TOKEN_FILE_NOT_UTF8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.strip();
    }

    private static Problem problem(String file, String code, String key, String... pairs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            args.put(pairs[i], pairs[i + 1]);
        }
        return new Problem(file, 0, 0, "", new ProblemCode(code), Severity.ERROR, CliMessages.BUNDLE, key, args);
    }

    /** A token file refused: its problem (stable code, the file, the message in Vietnamese and English). */
    static final class TokenFileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        TokenFileException(Problem problem) {
            super(problem.messageEn());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
