package io.github.motcua.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one {@link System.Logger} writes during a test, caught on java.util.logging (where the JDK's
 * {@code System.Logger} goes when no bridge is on the classpath) and not printed on the build's console. Shared through
 * pack-core's test jar by the service's and the desk's logging tests. Close it to restore the logger.
 */
public final class CapturedLog implements AutoCloseable {
    /** Kept strongly: java.util.logging holds its loggers weakly, and the handler would go with it. */
    private final Logger jul;
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

    private CapturedLog(String logger) {
        jul = Logger.getLogger(logger);
        jul.addHandler(handler);
        jul.setUseParentHandlers(false); // the expected records are not printed on the build's console
    }

    /** Starts catching the records of the logger named {@code logger}. */
    public static CapturedLog of(String logger) {
        return new CapturedLog(logger);
    }

    /** The records caught so far, in order (a live view). */
    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void close() {
        jul.removeHandler(handler);
        jul.setUseParentHandlers(true);
    }
}
