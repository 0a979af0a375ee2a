package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients cannot starve the others: the connection cap and the per-request read
 * deadline, over raw sockets. The module's surefire settings make the cap 24 connections and the
 * deadline 3 s; the test reads the cap in force rather than assuming it.
 */
class ConnectionLimitsTest {
    static Path dir;
    static Path pack;
    /** A server of its own per test: the JDK counts connections per server, and a closed one lingers a moment. */
    DecisionService service;

    @BeforeAll
    static void copy() throws Exception {
        dir = Files.createTempDirectory("motcua-limits-test");
        pack = TestPacks.small(dir);
    }

    @AfterAll
    static void delete() throws Exception {
        TestPacks.delete(dir);
    }

    @BeforeEach
    void start() {
        service = DecisionService.builder(pack).clock(TestPacks.CLOCK).start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    Socket connect() throws IOException {
        Socket s = new Socket(service.uri().getHost(), service.uri().getPort());
        s.setSoTimeout(60_000); // a liveness bound: the server acts long before
        return s;
    }

    static final byte[] HEALTH = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Sends GET /health and reads one whole answer; returns its status line, or null when the server closed. */
    static String health(Socket s) throws IOException {
        try {
            s.getOutputStream().write(HEALTH);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
            }
            String h = head.toString(StandardCharsets.US_ASCII);
            int at = h.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
            int length = Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).strip());
            in.readNBytes(length);
            return h.substring(0, h.indexOf("\r\n"));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException e) {
            return null; // reset by the server
        }
    }

    @Test
    void connectionCap_refusesConnectionsBeyondIt_whileTheOpenOnesKeepBeingServed() throws Exception {
        int cap = HttpLimits.maxConnections();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                Socket s = connect();
                held.add(s);
                assertEquals("HTTP/1.1 200 OK", health(s), "connection " + (i + 1) + " of " + cap);
            }
            // every one of the cap's connections is open and idle (kept alive): one more is closed at once
            try (Socket extra = connect()) {
                assertEquals(null, health(extra), "a connection beyond the cap of " + cap + " was served");
            }
            // the clients already connected are not starved by the cap
            assertEquals("HTTP/1.1 200 OK", health(held.get(0)));
            assertEquals("HTTP/1.1 200 OK", health(held.get(cap - 1)));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        // once they leave, new clients are served again (the server notices the closes on its own)
        for (int attempt = 0; ; attempt++) {
            try (Socket s = connect()) {
                if ("HTTP/1.1 200 OK".equals(health(s))) {
                    break;
                }
            }
            if (attempt > 100) {
                fail("no connection was accepted after the held ones closed");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void readDeadline_aClientThatNeverFinishesItsRequestIsDisconnected_andOthersAreServedMeanwhile() throws Exception {
        try (Socket slow = connect(); Socket other = connect()) {
            slow.getOutputStream().write(("POST /decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"procedure\":").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            assertEquals("HTTP/1.1 200 OK", health(other), "a slow client held up another");
            int r;
            try {
                r = slow.getInputStream().read();
            } catch (SocketException e) {
                r = -1; // reset: closed by the server as well
            }
            assertEquals(-1, r, "the server answered a request that never arrived");
        }
    }

    @Test
    void limits_areSetOnlyWhenTheJvmHasNone() {
        // surefire gave both: apply() must not have replaced them with the production values
        assertEquals("24", System.getProperty("jdk.httpserver.maxConnections"));
        assertEquals("3", System.getProperty("sun.net.httpserver.maxReqTime"));
        assertEquals(Integer.toString(HttpLimits.RESPONSE_SECONDS), System.getProperty("sun.net.httpserver.maxRspTime"));
        assertTrue(HttpLimits.maxConnections() == 24);
    }
}
