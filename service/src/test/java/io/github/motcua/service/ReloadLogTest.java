package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.CapturedLog;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Session 16: the service's log of loads, reloads and the watch names where a pack is broken — file, line, column,
 * code — and quotes nothing of the pack's files: an analyst's pack may hold text (a password pasted into a comment, a
 * citizen's record kept as an example) that the people who read the log should not see. A problem's message may quote
 * the line a parser stopped at; it stays in the admin answer, which only the holder of the admin token reads.
 */
class ReloadLogTest {
    /** Text that must never reach a log: a secret-looking line an analyst left in a rule file. */
    static final String SECRET = "MAT_KHAU_CSDL=Hunter2-Zq9xW7";

    @TempDir
    Path dir;

    static String brokenRule() {
        return "\nrule \"" + SECRET + "\" when then x( " + SECRET + " end\n";
    }

    @Test
    void adminReload_brokenFileQuotingASecret_logNamesFileLineAndCodeOnly() throws Exception {
        Path pack = TestPacks.small(dir);
        List<String> log = new CopyOnWriteArrayList<>();
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN)
                .log(log::add).start()) {
            ReloadTest.append(ReloadTest.birthRules(pack), brokenRule());
            log.clear();
            HttpResponse<String> refused = new Client(s.uri()).admin(ReloadTest.TOKEN);
            assertEquals(422, refused.statusCode(), refused.body());
            // the admin answer lists every problem with its message; the pack's problems do quote the secret
            JsonNode problems = ReloadTest.json(refused).get("problems");
            assertTrue(refused.body().contains(SECRET), "the test needs a problem that quotes the file: " + refused.body());

            assertTrue(log.stream().anyMatch(l -> l.startsWith("bộ quy tắc mới có " + problems.size() + " lỗi")), log.toString());
            JsonNode first = problems.get(0);
            String place = first.get("file").asString() + ":" + first.get("line").asInt() + ":" + first.get("column").asInt()
                    + " [" + first.get("code").asString() + "]";
            assertTrue(log.contains("lỗi / problem: " + place), place + " not in " + log);
            assertTrue(place.startsWith("procedures/1.001193/rules.drl:"), place);
            assertEquals(problems.size(), log.stream().filter(l -> l.startsWith("lỗi / problem: ")).count(), log.toString());
            assertTrue(log.stream().noneMatch(l -> l.contains(SECRET) || l.contains("Hunter2")), log.toString());
        }
    }

    @Test
    void watch_brokenEditQuotingASecret_logNamesFileAndCodeOnly() throws Exception {
        Path pack = TestPacks.small(dir);
        List<String> log = new CopyOnWriteArrayList<>();
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).watch(true)
                .watchQuiet(Duration.ofMillis(200)).log(log::add).start()) {
            ReloadTest.append(ReloadTest.birthRules(pack), brokenRule());
            String kept = await(log, "bộ quy tắc mới có ");
            assertTrue(kept.endsWith(" sha256=" + s.pack().orElseThrow().sha256()), kept);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("lỗi / problem: procedures/1.001193/rules.drl:")), log.toString());
            assertTrue(log.stream().noneMatch(l -> l.contains(SECRET) || l.contains("Hunter2")), log.toString());
        }
    }

    /**
     * A reload that throws — a bug, here one whose messages quote the file it was reading — is one line naming the folder
     * and the failure's classes, and one ERROR record with the classes and frames: neither carries a message.
     */
    @Test
    void watch_reloadThrowsQuotingThePack_lineAndRecordWithoutMessages() throws Exception {
        Files.writeString(dir.resolve("pack.yaml"), "id: x\n", StandardCharsets.UTF_8);
        RuntimeException bug = new IllegalStateException("reload of [" + dir + "] failed: " + SECRET,
                new UncheckedIOException(new IOException("procedures/1.001193/rules.drl line 3: " + SECRET)));
        List<String> log = new CopyOnWriteArrayList<>();
        try (CapturedLog captured = CapturedLog.of(Api.LOGGER);
                PackWatcher w = PackWatcher.start(dir, Duration.ofMillis(100), () -> {
                    throw bug;
                }, log::add)) {
            Files.writeString(dir.resolve("pack.yaml"), "id: y\n", StandardCharsets.UTF_8);
            String line = await(log, "nạp lại không xong");
            assertEquals("nạp lại không xong / reload failed: " + dir + ": IllegalStateException < UncheckedIOException"
                    + " < IOException", line);
            for (int i = 0; i < 100 && captured.records().isEmpty(); i++) {
                Thread.sleep(50);
            }
            LogRecord r = captured.records().get(0);
            assertEquals(Level.SEVERE, r.getLevel());
            assertEquals(line, r.getMessage());
            StringWriter printed = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(printed));
            String trace = printed.toString();
            assertTrue(trace.startsWith("java.lang.IllegalStateException (message not logged)"), trace);
            assertTrue(trace.contains("java.io.IOException (message not logged)"), trace);
            assertArrayEquals(bug.getStackTrace(), r.getThrown().getStackTrace());
            assertFalse(trace.contains(SECRET) || trace.contains("Hunter2") || trace.contains("rules.drl"), trace);
            assertTrue(log.stream().noneMatch(l -> l.contains(SECRET)), log.toString());
        }
    }

    @Test
    void place_controlCharactersInAFileName_cannotForgeALogLine() {
        PackProblem p = new PackProblem("forms/a\nlỗi / problem: pack.yaml:1:1 [FAKE]", 3, 4, "DRL_SYNTAX", "vi", "en");
        String line = DecisionService.problemLine(p);
        assertFalse(line.contains("\n"), line);
        assertEquals("lỗi / problem: forms/a\uFFFDlỗi / problem: pack.yaml:1:1 [FAKE]:3:4 [DRL_SYNTAX]", line);
    }

    /** The first log line starting with {@code start}, waiting up to a minute for the watch. */
    static String await(List<String> log, String start) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (String l : log) {
                if (l.startsWith(start)) {
                    return l;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting [" + start + "] within a minute: " + log);
    }
}
