package io.github.motcua.rules.internal;

import java.lang.reflect.Method;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Drools' DEBUG output out of an application that never asked for it.
 *
 * <p>Logback without a configuration file logs everything from DEBUG up, and Drools logs at DEBUG
 * the whole Java source it generates for every rule (about 140 lines for a two-procedure pack) and
 * four agenda lines per decision. So when the backend is logback, and the {@code org.drools} or
 * {@code org.kie} logger has no level of its own while DEBUG is enabled for it (inherited from the
 * root), that logger is set to INFO. A level the application set on these loggers, or a backend
 * other than logback (log4j 2, JUL and slf4j-simple default to INFO or quieter), is left alone; a
 * stricter root (WARN, ERROR) stays in force because nothing is changed when DEBUG is off. Set the
 * system property {@code motcua.logging.droolsDebug=true} to keep Drools' DEBUG lines.
 *
 * <p>Reflection only: rules-core does not depend on logback. Thread-safe (idempotent).
 */
public final class DroolsLogging {
    /** The system property that keeps Drools' DEBUG lines. */
    public static final String KEEP_DEBUG = "motcua.logging.droolsDebug";
    private static final List<String> LOGGERS = List.of("org.drools", "org.kie");
    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";

    private DroolsLogging() {
    }

    /** Applies the rule above once per logger; safe to call for every engine built. */
    public static void quietUnlessConfigured() {
        if (Boolean.getBoolean(KEEP_DEBUG)) {
            return;
        }
        for (String name : LOGGERS) {
            Logger logger = LoggerFactory.getLogger(name);
            if (!logger.isDebugEnabled() || !LOGBACK_LOGGER.equals(logger.getClass().getName())) {
                continue;
            }
            try {
                Class<?> type = logger.getClass();
                if (type.getMethod("getLevel").invoke(logger) != null) {
                    continue; // the application chose this logger's level
                }
                Class<?> level = Class.forName("ch.qos.logback.classic.Level", false, type.getClassLoader());
                Method setLevel = type.getMethod("setLevel", level);
                setLevel.invoke(logger, level.getField("INFO").get(null));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // another logback than expected: leave the application's logging as it is
            }
        }
    }
}
