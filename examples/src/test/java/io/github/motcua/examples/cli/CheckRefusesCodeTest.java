package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on a pack whose rule would run code: the rule is refused at its file and line, the
 * command exits 2, and the payload (a marker file) is never created — neither while compiling nor
 * while running the pack's cases.
 */
class CheckRefusesCodeTest {
    @TempDir
    Path dir;

    /** name | what replaces the first action of a marriage rule (MARKER: a reflective file creation) | code | line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "reflection in a consequence|MARKER; decision.ineligible(\"Bên nam|DRL_REFUSED_CODE|2",
        "unicode escape hiding a statement|// \\u000a MARKER;\\n  decision.ineligible(\"Bên nam|LINT_UNICODE_ESCAPE|7",
        "a function after end|decision.ineligible(\"Bên nam|DRL_FORBIDDEN_DECLARATION|8",
    })
    void check_ruleThatWouldRunCode_exitsTwoAtItsLineAndNothingRuns(String name, String replacement, String code, int line)
            throws IOException {
        Path p = Cli.copyOfSmallPack(dir);
        Path marker = dir.resolve("marker");
        String payload = "Applicant.class.getClassLoader().loadClass(\"java.io.FileOutputStream\").getConstructor(String.class)"
                + ".newInstance(\"" + marker.toString().replace("\\", "/") + "\")";
        Path drl = p.resolve("procedures/1.000894/rules.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8)
                .replaceFirst("decision\\.ineligible\\(\"Bên nam", java.util.regex.Matcher.quoteReplacement(
                        replacement.replace("\\n", "\n").replace("MARKER", payload)));
        if (name.startsWith("a function")) {
            text = text.replaceFirst("(?m)^end$", "end function int f() { " + java.util.regex.Matcher.quoteReplacement(payload) + "; return 42; }");
        }
        write(drl, text);
        Cli.Run r = Cli.run("check", p.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("procedures/1.000894/rules.drl:") && r.out().contains("[" + code + "]"), r.out());
        if (line > 0) {
            assertTrue(r.out().contains("procedures/1.000894/rules.drl:" + line + ":"), r.out());
        }
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r.out() + r.err());
        assertFalse(Files.exists(marker), "the payload ran");
    }

    static void write(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
