package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.CapturedLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure at the desk (a bug: here the desk's clock failing while a form page opens) is the plain
 * Vietnamese 500 page with an incident id the officer can quote, and one ERROR record on the
 * {@code io.github.motcua.examples.desk} logger with that id, the request's method and path — never its query, which
 * may carry a citizen's number — and the exception's class and frames, not its message (which here quotes that number,
 * as a parser's message may quote a form field). The JDK's {@link System.Logger} goes to java.util.logging here.
 */
class DeskUnexpectedFailureLogTest {
    private CapturedLog captured;
    /** A bug whose message quotes the request's query, as an exception's message may. */
    private final IllegalStateException bug = new IllegalStateException("clock broken serving soDinhDanh=052090004321");
    private final BreakableClock clock = new BreakableClock(ZoneOffset.UTC);
    private DeskServer desk;

    /** A fixed clock that throws {@link #bug} once told to (the desk's own zone changes share the switch). */
    private final class BreakableClock extends Clock {
        private final ZoneId zone;
        volatile boolean broken;

        BreakableClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            BreakableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return z;
                }

                @Override
                public Clock withZone(ZoneId again) {
                    return outer.withZone(again);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            if (broken) {
                throw bug;
            }
            return DeskHttpTest.NOW;
        }
    }

    @BeforeEach
    void start() {
        captured = CapturedLog.of(DeskApp.LOGGER);
        desk = DeskServer.start(Path.of("packs/gia-lai"), 0, clock, false);
    }

    @AfterEach
    void stop() {
        captured.close();
        desk.close();
    }

    @Test
    void handlerThrows_pageNamesAnIncidentIdAndTheLogHasItWithTheException() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpRequest form = HttpRequest.newBuilder(desk.uri().resolve("thu-tuc/2.000815?soDinhDanh=052090004321")).GET().build();
        assertEquals(200, c.send(form, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode());
        assertEquals(List.of(), captured.records());

        clock.broken = true;
        HttpResponse<String> r = c.send(form, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(r.body().contains("<h1>Lỗi hệ thống</h1>"), r.body());
        assertFalse(r.body().contains("IllegalStateException") || r.body().contains("clock broken"), r.body());
        Matcher m = Pattern.compile("mã sự cố ([A-Za-z0-9_-]{20,})\\)").matcher(r.body());
        assertTrue(m.find(), r.body());
        String incident = m.group(1);

        assertEquals(1, captured.records().size(), captured.records().toString());
        LogRecord log = captured.records().get(0);
        assertEquals(Level.SEVERE, log.getLevel());
        assertEquals(DeskApp.LOGGER, log.getLoggerName());
        assertEquals("java.lang.IllegalStateException (message not logged)", log.getThrown().toString());
        assertArrayEquals(bug.getStackTrace(), log.getThrown().getStackTrace());
        String printed = new java.util.logging.SimpleFormatter().format(log);
        assertTrue(printed.contains("java.lang.IllegalStateException (message not logged)")
                && printed.contains("at io.github.motcua.examples.desk.DeskUnexpectedFailureLogTest.<init>"), printed);
        assertFalse(printed.contains("052090004321") || printed.contains("clock broken"), printed);
        assertEquals("lỗi ngoài dự kiến, mã sự cố " + incident + " / unexpected failure, incident " + incident
                + ": GET /thu-tuc/2.000815", log.getMessage());
        assertFalse(log.getMessage().contains("052090004321"), log.getMessage());
    }
}
