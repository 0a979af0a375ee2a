package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.CapturedLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An unexpected failure (a bug: here an embedder's {@link Explainer} that throws) is a 500 problem naming an incident id,
 * and one ERROR record on the {@code io.github.motcua.service} logger with the same id, the request's method and path,
 * and the exception's classes and frames — so an operator finds what an officer quotes. The exception's messages are
 * not logged: here they quote the dossier, as a parser's or a check's message may. The JDK's {@link System.Logger} goes
 * to java.util.logging here (no bridge on the classpath), where a handler catches it.
 */
class UnexpectedFailureLogTest {
    private CapturedLog captured;
    private static final String DOSSIER = TestPacks.dossier("khai-sinh-sau-15-gio");
    private static final JsonNode APPLICANT = DecisionServiceTest.JSON.readTree(DOSSIER).get("applicant");
    /** A bug whose messages quote the request, as an exception's message may: the applicant's name and number. */
    private final IllegalStateException bug = new IllegalStateException("explainer bug explaining for "
            + APPLICANT.get("fullName").asString(), new IllegalArgumentException("personal id [" + APPLICANT.get("personalId").asString() + "]"));
    private Path dir;
    private DecisionService service;

    @BeforeEach
    void start() throws Exception {
        captured = CapturedLog.of(Api.LOGGER);
        dir = Files.createTempDirectory("motcua-service-log");
        service = DecisionService.builder(TestPacks.small(dir)).clock(TestPacks.CLOCK)
                .explainer((decision, procedure, locale) -> {
                    throw bug;
                }).start();
        assertTrue(service.initialLoad().ok(), () -> service.initialLoad().problems().toString());
    }

    @AfterEach
    void stop() throws Exception {
        captured.close();
        service.close();
        TestPacks.delete(dir);
    }

    @Test
    void handlerThrows_answers500WithAnIncidentIdAndLogsItOnceWithTheException() {
        String dossier = DOSSIER;
        HttpResponse<String> r = new Client(service.uri()).post("/decisions/explain", dossier);
        assertEquals(500, r.statusCode(), r.body());
        JsonNode problem = DecisionServiceTest.JSON.readTree(r.body());
        assertEquals("INTERNAL", problem.get("code").asString());
        String instance = problem.get("instance").asString();
        assertTrue(instance.startsWith("urn:motcua:incident:"), instance);
        String incident = instance.substring("urn:motcua:incident:".length());
        assertTrue(incident.length() >= 20, incident);
        assertTrue(problem.get("detail").asString().contains("mã sự cố " + incident), problem.get("detail").asString());

        assertEquals(1, captured.records().size(), captured.records().toString());
        LogRecord log = captured.records().get(0);
        assertEquals(Level.SEVERE, log.getLevel());
        assertEquals(Api.LOGGER, log.getLoggerName());
        // the bug's classes and frames, not its messages
        Throwable thrown = log.getThrown();
        assertEquals("java.lang.IllegalStateException (message not logged)", thrown.toString());
        assertArrayEquals(bug.getStackTrace(), thrown.getStackTrace());
        assertEquals("java.lang.IllegalArgumentException (message not logged)", thrown.getCause().toString());
        assertArrayEquals(bug.getCause().getStackTrace(), thrown.getCause().getStackTrace());
        assertNull(thrown.getCause().getCause());
        String printed = new java.util.logging.SimpleFormatter().format(log);
        assertTrue(printed.contains("java.lang.IllegalStateException (message not logged)")
                && printed.contains("Caused by: java.lang.IllegalArgumentException (message not logged)")
                && printed.contains("at io.github.motcua.service.UnexpectedFailureLogTest"), printed);
        assertTrue(bug.getMessage().contains(APPLICANT.get("fullName").asString()), "the caller's exception is unchanged");
        assertEquals("lỗi ngoài dự kiến, mã sự cố " + incident + " / unexpected failure, incident " + incident
                + ": POST /decisions/explain", log.getMessage());
        // nothing of the dossier: not the applicant's name, not a personal number, not the body
        for (String value : List.of(APPLICANT.get("fullName").asString(), APPLICANT.get("personalId").asString(), "applicant")) {
            assertFalse(log.getMessage().contains(value), log.getMessage());
            assertFalse(printed.contains(value), printed);
        }
    }

    /** A chain that loops, or runs long, is copied once and at most {@link HttpLimits#MAX_LOGGED_FAILURES} deep. */
    @Test
    void loggable_loopingOrLongChain_copiedBoundedWithoutMessages() {
        IllegalStateException a = new IllegalStateException("secret-a");
        IllegalArgumentException b = new IllegalArgumentException("secret-b", a);
        a.addSuppressed(b); // a suppresses b, whose cause is a
        Throwable looped = HttpLimits.loggable(a);
        assertEquals("java.lang.IllegalStateException (message not logged)", looped.toString());
        assertEquals(1, looped.getSuppressed().length);
        assertEquals("java.lang.IllegalArgumentException (message not logged)", looped.getSuppressed()[0].toString());
        assertNull(looped.getSuppressed()[0].getCause());

        Throwable deep = new RuntimeException("secret-0");
        for (int i = 1; i < 100; i++) {
            deep = new RuntimeException("secret-" + i, deep);
        }
        int n = 0;
        for (Throwable t = HttpLimits.loggable(deep); t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("secret"), t.getMessage());
            n++;
        }
        assertEquals(HttpLimits.MAX_LOGGED_FAILURES, n);
        java.io.StringWriter out = new java.io.StringWriter();
        HttpLimits.loggable(deep).printStackTrace(new java.io.PrintWriter(out));
        assertFalse(out.toString().contains("secret"), out.toString());
    }

    @Test
    void expectedProblem_isNotLogged() {
        HttpResponse<String> r = new Client(service.uri()).post("/decisions", "{\"procedure\":");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(List.of(), captured.records());
    }
}
