package io.github.motcua.service;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What keeps slow or greedy clients of a server on the JDK's {@code com.sun.net.httpserver} from
 * starving the others (giới hạn kết nối), shared by the decision service and the desk application:
 * a per-request read deadline, a response deadline, a connection cap and TCP_NODELAY (the JDK
 * server's own system properties), one worker thread per open connection up to the cap, bounded body reading, and
 * unguessable 128-bit ids.
 *
 * <p>The JDK reads its properties once, when the first {@code HttpServer} of the JVM is created: an
 * application that started one earlier must set them itself (docs/service.md).
 *
 * <p>Thread-safe: static methods; {@link #apply()} is synchronized.
 */
public final class HttpLimits {
    /** Most connections open at once ({@code jdk.httpserver.maxConnections}) unless the JVM was given its own. */
    public static final int MAX_CONNECTIONS = 128;
    /** Seconds a request may take to arrive, head and body ({@code sun.net.httpserver.maxReqTime}). */
    public static final int REQUEST_SECONDS = 10;
    /** Seconds a response may take to leave ({@code sun.net.httpserver.maxRspTime}). */
    public static final int RESPONSE_SECONDS = 60;

    static final String MAX_CONNECTIONS_PROPERTY = "jdk.httpserver.maxConnections";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpLimits() {
    }

    /**
     * Sets the JDK server's limits unless the application gave its own: a client that holds a
     * partial request open is disconnected after {@value #REQUEST_SECONDS} s, a response that cannot
     * leave within {@value #RESPONSE_SECONDS} s is cut, and connections beyond the cap are closed as
     * soon as they are accepted.
     */
    public static synchronized void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        setIfAbsent(MAX_CONNECTIONS_PROPERTY, Integer.toString(MAX_CONNECTIONS));
        // The JDK server writes a response's head and body separately; with Nagle's algorithm on (its default)
        // the body waits for the client's delayed ACK of the head, tens of milliseconds per request on a kept-alive
        // connection (measured 05/12/2026 on a loaded machine, 100 POST /decisions in a row: 57-93 ms a request
        // without, 6 ms with; ServiceLoad's overhead run did not finish 12,000 requests in 5 minutes without).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /** The connection cap in force in this JVM (after {@link #apply()}): the property, or {@value #MAX_CONNECTIONS}. */
    public static int maxConnections() {
        Integer v = Integer.getInteger(MAX_CONNECTIONS_PROPERTY);
        return v == null || v <= 0 ? MAX_CONNECTIONS : v;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * The executor for a JDK server: one daemon thread per open connection up to the connection cap
     * (and a few more).
     * The JDK server reads a request's head on its worker thread, so a slow client holds one thread
     * (until the read deadline) but never another client's.
     *
     * @param name the threads' name prefix, e.g. {@code motcua-service}
     */
    public static ThreadPoolExecutor executor(String name) {
        AtomicInteger n = new AtomicInteger();
        // a worker that has just answered is not back in the pool yet when the client's next request on
        // the same connection arrives: a few threads of slack, and a short wait for a free thread rather
        // than a rejection the JDK server would not expect
        return new ThreadPoolExecutor(Math.min(8, maxConnections()), maxConnections() + 8, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), run -> {
                    Thread t = new Thread(run, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (run, pool) -> {
                    try {
                        if (pool.isShutdown() || !pool.getQueue().offer(run, 1, TimeUnit.SECONDS)) {
                            throw new java.util.concurrent.RejectedExecutionException("no free worker within 1 s");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.RejectedExecutionException("interrupted", e);
                    }
                });
    }

    /**
     * Whether a server's start failed because its address could not be bound: a {@link java.net.BindException} among
     * the failure's causes (the port is in use, the address is not this host's, or the port is one the user may not
     * open). {@code serve} and {@code desk} say "cannot listen" for that only; any other failure of a start says its
     * own cause.
     */
    public static boolean bindFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line a command prints when its server did not start ({@code serve}'s and {@code desk}'s, each with its own
     * bundle's labels): for a {@linkplain #bindFailure bind failure} only, {@code cannotListen: <the address> (<the
     * system's reason>)}; any other failure, {@code startFailed: <its own cause>} (its cause's type and message).
     *
     * @param cannotListen the command's "cannot listen" label, already in both languages
     * @param startFailed  the command's "start failed" label, already in both languages
     */
    public static String startFailure(java.io.UncheckedIOException failure, String cannotListen, String startFailed) {
        Throwable why = failure.getCause() == null ? failure : failure.getCause();
        if (bindFailure(failure)) {
            return cannotListen + ": " + failure.getMessage()
                    + (why == failure || why.getMessage() == null ? "" : " (" + why.getMessage() + ")");
        }
        return startFailed + ": " + io.github.motcua.kernel.Failures.describe(why);
    }

    /** 128 random bits from a {@link SecureRandom}, URL-safe Base64 without padding (22 characters). */
    public static String randomId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * What a log line may say of a request: its method and path, the path cut at 200 characters — no query, header
     * or body (nothing of the dossier or the citizen). Used by the service's and the desk's log of unexpected failures.
     */
    public static String requestLine(com.sun.net.httpserver.HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        return ex.getRequestMethod() + " " + (path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "…" : path);
    }

    /** Most causes, and suppressed failures of each, that {@link #loggable} copies (a chain may be long or loop). */
    static final int MAX_LOGGED_FAILURES = 32;

    /**
     * What a log record may carry of an unexpected failure: {@code e}, its causes and its suppressed failures, each with
     * its class name and its stack frames — and no message. An exception's message may quote the input that caused it:
     * Jackson quotes the JSON it could not read, {@link NumberFormatException} the text, a header parser the header, this
     * library's own argument checks the value in brackets; so no message is trusted, the library's own included, and the
     * log stays as private as the service. The frames say where it failed, which is what an operator passes to a
     * developer. Used by the service's and the desk's log of unexpected failures; the caller's {@code e} is not changed.
     * At most {@link #MAX_LOGGED_FAILURES} failures are copied. Never throws.
     */
    public static Throwable loggable(Throwable e) {
        int[] budget = {MAX_LOGGED_FAILURES};
        return copy(e, budget, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable e, int[] budget, java.util.Set<Throwable> seen) {
        seen.add(e);
        budget[0]--;
        Throwable cause = e.getCause();
        LoggedFailure c = new LoggedFailure(e, cause != null && budget[0] > 0 && !seen.contains(cause)
                ? copy(cause, budget, seen) : null);
        for (Throwable s : e.getSuppressed()) {
            if (budget[0] > 0 && !seen.contains(s)) {
                c.addSuppressed(copy(s, budget, seen));
            }
        }
        return c;
    }

    /**
     * A failure as {@link #loggable} logs it: the original's class name where a message would be, its frames. Printed
     * (and by logging back ends that print {@code toString()}) as {@code java.lang.IllegalStateException (message not
     * logged)}, then the original's frames.
     */
    private static final class LoggedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoggedFailure(Throwable original, Throwable cause) {
            super(original.getClass().getName() + " (message not logged)", cause, true, true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the frames are the original's, set by the constructor
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** The body was larger than the limit; what was sent has been drained or the connection marked to close. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long max;
        private final boolean closeConnection;

        BodyTooLargeException(long max, boolean closeConnection) {
            super(String.format(Locale.ROOT, "request body larger than [%d] bytes", max));
            this.max = max;
            this.closeConnection = closeConnection;
        }

        /** The limit in bytes. */
        public long max() {
            return max;
        }

        /** True when the body was not drained: answer with {@code Connection: close}. */
        public boolean closeConnection() {
            return closeConnection;
        }
    }

    /** The declared Content-Length is not a number. */
    public static final class BadContentLengthException extends IOException {
        private static final long serialVersionUID = 1L;

        BadContentLengthException(String declared) {
            super(String.format(Locale.ROOT, "Content-Length is not a number: [%s]", declared));
        }
    }

    /**
     * Reads a request body of at most {@code max} bytes. A larger body is drained up to
     * {@code 8 × max} so that the client has finished sending before the 413 answer goes out (it would
     * otherwise see a reset connection instead of the answer); beyond that the connection is closed.
     *
     * @param in            the body stream
     * @param contentLength the request's Content-Length header, or {@code null}
     * @param max           the limit in bytes
     * @throws BodyTooLargeException     when the body is larger than {@code max}
     * @throws BadContentLengthException when Content-Length is not a number
     */
    public static byte[] readBody(InputStream in, String contentLength, int max) throws IOException {
        long drainLimit = 8L * max;
        if (contentLength != null) {
            long n;
            try {
                n = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new BadContentLengthException(contentLength);
            }
            if (n > max) {
                if (n <= drainLimit) {
                    drain(in, n);
                    throw new BodyTooLargeException(max, false);
                }
                throw new BodyTooLargeException(max, true);
            }
        }
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            drain(in, drainLimit);
            throw new BodyTooLargeException(max, false);
        }
        return body;
    }

    /**
     * Reads and discards up to {@code limit} bytes; {@code InputStream.skip} may stop early, which made
     * clients see a reset connection instead of the answer.
     */
    public static void drain(InputStream in, long limit) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long left = limit;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            left -= r;
        }
    }
}
