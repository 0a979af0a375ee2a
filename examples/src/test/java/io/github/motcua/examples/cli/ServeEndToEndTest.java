package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 4: {@code serve} runs as its own process, a client written in Python (standard
 * library only; curl when there is no Python) posts a dossier over HTTP, and its decision must be the
 * one {@code decide} prints for the same file — byte for byte but for the evaluation instant.
 */
class ServeEndToEndTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path GIA_LAI = Path.of("packs", "gia-lai");
    static final Path DOSSIER = Path.of("dossiers", "khai-sinh-sau-15-gio.json");

    @TempDir
    Path dir;

    @Test
    void serve_decisionFromANonJavaClient_isTheOneDecidePrints() throws Exception {
        Optional<String> python = onPath("python3");
        Optional<String> curl = onPath("curl");
        assumeTrue(python.isPresent() || curl.isPresent(),
                "neither python3 nor curl is on the PATH: the non-Java client test of the decision service is skipped");
        Path pack = smallPack();
        Path client = dir.resolve("client.py");
        try (var in = ServeEndToEndTest.class.getResourceAsStream("/service/client.py")) {
            Files.copy(in, client);
        }
        Process server = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", pack.toString(), "--port", "0")
                .redirectError(dir.resolve("serve.err").toFile()).start();
        try {
            String base = awaitAddress(server);
            String clientOut;
            if (python.isPresent()) {
                clientOut = run(List.of(python.get(), client.toString(), base, DOSSIER.toString()));
            } else {
                clientOut = "{\"status\":200,\"decision\":" + JSON.writeValueAsString(run(List.of(curl.get(), "-sS", "--fail-with-body",
                        "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@" + DOSSIER, base + "decisions")))
                        + "}";
            }
            JsonNode answer = JSON.readTree(clientOut);
            assertEquals(200, answer.get("status").asInt(), clientOut);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"decide", pack.toString(), DOSSIER.toString()}, new PrintWriter(out), new PrintWriter(err));
            assertEquals(ExitCodes.OK, code, err.toString());
            // the two processes decide at different instants: everything else is the same bytes
            assertEquals(withoutEvaluationInstant(out.toString()), withoutEvaluationInstant(answer.get("decision").asString()));
            String sha = JSON.readTree(out.toString()).get("provenance").get("packSha256").asString();
            if (python.isPresent()) {
                assertEquals(sha, answer.get("packSha256").asString());
                JsonNode unknown = answer.get("unknown");
                assertEquals(404, unknown.get("status").asInt(), clientOut);
                assertTrue(unknown.get("contentType").asString().startsWith("application/problem+json"), clientOut);
                assertEquals("UNKNOWN_PROCEDURE", unknown.get("code").asString());
                assertEquals("No such procedure", unknown.get("title").asString());
            }
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook closes the service
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    static String withoutEvaluationInstant(String decisionJson) {
        String s = decisionJson.replaceAll("\"evaluatedAt\" : \"[^\"]*\"", "\"evaluatedAt\" : \"…\"");
        assertTrue(s.contains("\"evaluatedAt\" : \"…\""), decisionJson);
        return s;
    }

    /** The Gia Lai pack with only the birth registration (the dossier's procedure): starts in seconds. */
    Path smallPack() throws IOException {
        Path target = dir.resolve("gia-lai");
        try (Stream<Path> files = Files.walk(GIA_LAI)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = GIA_LAI.relativize(p);
                if (rel.getNameCount() >= 2 && rel.getName(0).toString().equals("procedures")
                        && !rel.getName(1).toString().equals("1.001193")
                        || rel.toString().equals("digitisation.yaml")) { // its lists name the procedures left out
                    continue;
                }
                Path t = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Reads the server's standard output until it prints its address (it does once the pack has loaded). */
    static String awaitAddress(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    int at = line.indexOf("decision service: ");
                    if (at >= 0) {
                        return line.substring(at + "decision service: ".length()).strip();
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String base = address.get(5, TimeUnit.MINUTES);
        assertNotNull(base, "serve ended without printing its address (exit " + (server.isAlive() ? "-" : server.exitValue()) + ")");
        return base;
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "client did not finish: " + command);
        assertEquals(0, p.exitValue(), command + " -> " + out);
        return out;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Optional<String> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> dirs = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        for (String d : dirs) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }
}
