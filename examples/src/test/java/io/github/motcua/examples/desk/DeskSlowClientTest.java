package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 item 6: clients that hold partial requests open (slowloris) cannot starve the others, and
 * each is disconnected at the per-request read deadline. Real sockets on 127.0.0.1 only.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class DeskSlowClientTest {
    @Test
    void slowClients_othersStillServed_andSlowOnesCutAtTheDeadline() throws Exception {
        try (DeskServer desk = DeskServer.start(Path.of("packs/gia-lai"), 0,
                Clock.fixed(Instant.parse("2027-03-09T02:00:00Z"), ZoneOffset.UTC))) {
            int port = desk.uri().getPort();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) { // more than the old pool of 8 threads, more than 16
                    Socket s = new Socket("127.0.0.1", port);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Cham: ").getBytes(StandardCharsets.US_ASCII));
                    out.flush(); // ... and never the end of the head
                    slow.add(s);
                }
                HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = c.send(HttpRequest.newBuilder(desk.uri()).timeout(Duration.ofSeconds(30)).GET()
                            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    assertEquals(200, r.statusCode());
                    assertTrue(r.body().contains("Lĩnh vực: Hộ tịch"));
                }
                // every slow client is disconnected by the server at the read deadline, not left open
                for (Socket s : slow) {
                    s.setSoTimeout(60_000);
                    InputStream in = s.getInputStream();
                    try {
                        byte[] buf = new byte[4096];
                        int n;
                        do {
                            n = in.read(buf); // a 408 page may come first; then the end of the stream
                        } while (n > 0);
                        assertEquals(-1, n);
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("a slow client was still connected after 60 s", e);
                    } catch (SocketException e) {
                        // reset by the server: disconnected
                    }
                }
            } finally {
                for (Socket s : slow) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing a test socket
                    }
                }
            }
        }
    }
}
