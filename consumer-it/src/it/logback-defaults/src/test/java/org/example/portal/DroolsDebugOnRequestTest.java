package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The other side of DecideWithLogbackDefaultsTest: an application that sets a level on
 * {@code org.drools} itself gets what it asked for (so the count there is not blind). Own JVM.
 */
class DroolsDebugOnRequestTest {

    @Test
    void aLevelTheApplicationSetIsKept() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger drools = context.getLogger("org.drools");
        drools.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(seen);
        // this pack's rules are plain vocabulary, which the engine builds as data with no generated source for Drools to
        // log: the documented measurement switch sends them through the code generator, whose DEBUG output is counted
        System.setProperty("motcua.rules.codePath", "true");
        try (Engine engine = Motcua.engine().build()) {
            assertTrue(engine.load(getClass().getClassLoader(), "packs/ho-tich").ok());
        } finally {
            root.detachAppender(seen);
            System.clearProperty("motcua.rules.codePath");
        }
        assertEquals(Level.DEBUG, drools.getLevel());
        long debug = seen.list.stream().filter(e -> e.getLevel() == Level.DEBUG).count();
        assertTrue(debug > 5, "Drools logs its generated sources at DEBUG when asked: " + debug);
    }
}
