package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}: what it refuses before it ever serves (the serving itself: ServeEndToEndTest). */
class ServeCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path pack() throws Exception {
        Path src = Path.of(ServeCommandTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = dir.resolve("pack").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dir.resolve("pack");
    }

    @Test
    void serve_brokenPackAndNothingThatCouldFixIt_exits2WithTheProblems() throws Exception {
        Path pack = pack();
        Files.writeString(pack.resolve("procedures/1.001193/rules.drl"), "\nrule \"broken\" when then x( end\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Run r = run("serve", pack.toString(), "--port", "0");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.err());
        assertTrue(r.err().contains("rules.drl:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void serve_tokenTooShort_exits5_andUnreadableTokenFile_exits4() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "short\n", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.BAD_ARGUMENT, run("serve", pack().toString(), "--port", "0", "--admin-token-file", token.toString()).code());
        assertEquals(ExitCodes.IO, run("serve", dir.resolve("pack").toString(), "--port", "0", "--admin-token-file",
                dir.resolve("missing").toString()).code());
    }

    @Test
    void serve_help_listsItsOptionsAndExitCodes() throws URISyntaxException {
        Run r = run("serve", "--help");
        assertEquals(ExitCodes.OK, r.code());
        for (String s : new String[] {"--port", "--bind", "--admin-token-file", "--watch", "Exit codes"}) {
            assertTrue(r.out().contains(s), s + "\n" + r.out());
        }
    }
}
