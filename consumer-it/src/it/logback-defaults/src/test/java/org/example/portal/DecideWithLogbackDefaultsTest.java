package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Loads a pack and decides one dossier inside the portal, with logback as Spring Boot 3 brings it and
 * no logback configuration at all (logback's defaults: the root logger at DEBUG, to the console).
 * Runs in a JVM of its own (surefire reuseForks=false) so nothing logged it before.
 */
class DecideWithLogbackDefaultsTest {

    @Test
    void loadsDecidesAndLogsAtMostFiveDebugLines() {
        assertNull(getClass().getClassLoader().getResource("logback.xml"));
        assertNull(getClass().getClassLoader().getResource("logback-test.xml"));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.DEBUG, root.getEffectiveLevel(), "logback's unconfigured default");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        root.addAppender(seen);
        try (Engine engine = Motcua.engine().build()) {
            LoadResult loaded = engine.load(getClass().getClassLoader(), "packs/ho-tich");
            assertTrue(loaded.ok(), () -> loaded.toString());
            Decision decision = engine.decide("{\"procedure\":\"1.001193\",\"channel\":\"DESK\","
                    + "\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                    + "\"form\":{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2026-02-20\"}}}");
            assertEquals(Eligibility.ELIGIBLE, decision.eligibility());
            assertTrue(decision.toJson().contains("giay-chung-sinh"), decision.toJson());
        } finally {
            root.detachAppender(seen);
        }
        List<ILoggingEvent> debug = seen.list.stream()
                .filter(e -> e.getLevel() == Level.DEBUG)
                .collect(Collectors.toList());
        String lines = debug.stream()
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
                .collect(Collectors.joining("\n"));
        System.out.println("DEBUG lines while loading and deciding: " + debug.size() + "\n" + lines);
        assertTrue(debug.size() <= 5, debug.size() + " DEBUG lines:\n" + lines);
    }
}
