package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An unexpected failure (a bug: here an embedder's {@link Explainer} that throws) is a 500 problem naming an incident id,
 * and one ERROR record on the {@code io.github.motcua.service} logger with the same id, the request's method and path,
 * and the exception — so an operator finds what an officer quotes. The JDK's {@link System.Logger} goes to
 * java.util.logging here (no bridge on the classpath), where a handler catches it.
 */
class UnexpectedFailureLogTest {
    /** Kept strongly: java.util.logging holds its loggers weakly, and the handler would go with it. */
    private final Logger jul = Logger.getLogger(Api.LOGGER);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final IllegalStateException bug = new IllegalStateException("explainer bug");
    private Path dir;
    private DecisionService service;

    @BeforeEach
    void start() throws Exception {
        jul.addHandler(handler);
        jul.setUseParentHandlers(false); // the expected record is not printed on the build's console
        dir = Files.createTempDirectory("motcua-service-log");
        service = DecisionService.builder(TestPacks.small(dir)).clock(TestPacks.CLOCK)
                .explainer((decision, procedure, locale) -> {
                    throw bug;
                }).start();
        assertTrue(service.initialLoad().ok(), () -> service.initialLoad().problems().toString());
    }

    @AfterEach
    void stop() throws Exception {
        jul.removeHandler(handler);
        jul.setUseParentHandlers(true);
        service.close();
        TestPacks.delete(dir);
    }

    @Test
    void handlerThrows_answers500WithAnIncidentIdAndLogsItOnceWithTheException() {
        String dossier = TestPacks.dossier("khai-sinh-sau-15-gio");
        HttpResponse<String> r = new Client(service.uri()).post("/decisions/explain", dossier);
        assertEquals(500, r.statusCode(), r.body());
        JsonNode problem = DecisionServiceTest.JSON.readTree(r.body());
        assertEquals("INTERNAL", problem.get("code").asString());
        String instance = problem.get("instance").asString();
        assertTrue(instance.startsWith("urn:motcua:incident:"), instance);
        String incident = instance.substring("urn:motcua:incident:".length());
        assertTrue(incident.length() >= 20, incident);
        assertTrue(problem.get("detail").asString().contains("mã sự cố " + incident), problem.get("detail").asString());

        assertEquals(1, records.size(), records.toString());
        LogRecord log = records.get(0);
        assertEquals(Level.SEVERE, log.getLevel());
        assertEquals(Api.LOGGER, log.getLoggerName());
        assertSame(bug, log.getThrown());
        assertEquals("lỗi ngoài dự kiến, mã sự cố " + incident + " / unexpected failure, incident " + incident
                + ": POST /decisions/explain", log.getMessage());
        // nothing of the dossier: not the applicant's name, not a personal number, not the body
        JsonNode applicant = DecisionServiceTest.JSON.readTree(dossier).get("applicant");
        for (String value : List.of(applicant.get("fullName").asString(), applicant.get("personalId").asString(), "applicant")) {
            assertFalse(log.getMessage().contains(value), log.getMessage());
        }
    }

    @Test
    void expectedProblem_isNotLogged() {
        HttpResponse<String> r = new Client(service.uri()).post("/decisions", "{\"procedure\":");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(List.of(), records);
    }
}
