package io.github.motcua.rules.testing;

import io.github.motcua.rules.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * Golden files of decisions (tệp kết quả mẫu): a decision's JSON compared with a file kept beside the
 * tests, so a change in its shape or content shows as a diff to review. The pack's hash is written as
 * {@code <sha256>} so that editing the pack does not churn every file; line breaks at the end do not
 * count. Run the tests with {@code -Dmotcua.golden.update=true} to rewrite the files after an
 * intended change (then review the diff). Stateless, so thread-safe (writing one file from two
 * threads is the caller's race).
 */
public final class GoldenFiles {
    /** The system property that rewrites golden files instead of comparing them. */
    public static final String UPDATE = "motcua.golden.update";

    private GoldenFiles() {
    }

    /** The decision's JSON with the pack's SHA-256 replaced by {@code <sha256>}. */
    public static String json(Decision decision) {
        String sha = decision.provenance().packSha256();
        String json = decision.toJson();
        return sha == null || sha.isEmpty() ? json : json.replace(sha, "<sha256>");
    }

    /**
     * Asserts that the decision's JSON ({@link #json}) equals the golden file; with
     * {@code -Dmotcua.golden.update=true} writes it first. A missing file fails with the actual JSON
     * in the message.
     *
     * @param decision the decision
     * @param golden   the golden file, e.g. {@code src/test/resources/golden/birth.json}
     */
    public static void assertMatches(Decision decision, Path golden) {
        String actual = json(decision);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                if (golden.getParent() != null) {
                    Files.createDirectories(golden.getParent());
                }
                Files.writeString(golden, actual + "\n", StandardCharsets.UTF_8);
            }
            if (!Files.exists(golden)) {
                throw new AssertionError("missing golden file " + golden + " (run with -D" + UPDATE
                        + "=true to write it); actual:\n" + actual);
            }
            Assertions.assertEquals(stripEnd(Files.readString(golden, StandardCharsets.UTF_8)), stripEnd(actual),
                    "decision JSON differs from " + golden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
