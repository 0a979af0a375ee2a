package io.github.motcua.examples.desk;

import com.sun.net.httpserver.HttpExchange;
import io.github.motcua.service.HttpLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's HTTP plumbing: bounded, strict reading of cookies, bodies and form encodings (bad input
 * is a {@link DeskApp.HttpProblem}, never a silent replacement character), and responses with the
 * security headers. Stateless; thread-safe.
 */
final class Http {
    /** Largest request body accepted (1 MiB): a form post is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;
    private static final int MAX_PARAMS = 2_000;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Http() {
    }

    static String cookie(HttpExchange ex, String name) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String h : headers) {
            for (String part : h.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    static byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            return HttpLimits.readBody(ex.getRequestBody(), declared, MAX_BODY);
        } catch (HttpLimits.BadContentLengthException e) {
            throw new DeskApp.HttpProblem(400, DeskMessages.vi("DESK_BAD_REQUEST"),
                    DeskMessages.vi("DESK_BAD_LENGTH", "length", declared), null);
        } catch (HttpLimits.BodyTooLargeException e) {
            if (e.closeConnection()) {
                ex.getResponseHeaders().add("Connection", "close");
            }
            throw tooLarge();
        }
    }

    static DeskApp.HttpProblem tooLarge() {
        return new DeskApp.HttpProblem(413, DeskMessages.vi("DESK_TOO_LARGE"), DeskMessages.vi("DESK_TOO_LARGE_DETAIL"), null);
    }

    static Map<String, List<String>> parseForm(byte[] body) {
        return parseQuery(new String(body, StandardCharsets.ISO_8859_1));
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        int count = 0;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMS) {
                throw new DeskApp.HttpProblem(400, DeskMessages.vi("DESK_BAD_REQUEST"),
                        DeskMessages.vi("DESK_TOO_MANY_FIELDS", "max", MAX_PARAMS), null);
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** Strict percent-decoding as UTF-8: a bad escape or invalid UTF-8 is a 400, never a silent U+FFFD. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw malformed();
                }
                bytes.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7f) {
                throw malformed();
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    static DeskApp.HttpProblem malformed() {
        return new DeskApp.HttpProblem(400, DeskMessages.vi("DESK_MALFORMED"), DeskMessages.vi("DESK_MALFORMED_DETAIL"), null);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static void staticFile(HttpExchange ex, String name) throws IOException {
        String type = name.endsWith(".css") ? "text/css; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
        if (type == null || !name.matches("[a-z-]+\\.(css|js)")) {
            throw DeskApp.HttpProblem.notFound();
        }
        try (InputStream in = Http.class.getResourceAsStream(name)) {
            if (in == null) {
                throw DeskApp.HttpProblem.notFound();
            }
            byte[] bytes = in.readAllBytes();
            headers(ex, type);
            body(ex, 200, bytes);
        }
    }

    /** Whether the request is a HEAD: answered as its GET, without the body (RFC 9110 §9.3.2). */
    static boolean head(HttpExchange ex) {
        return "HEAD".equals(ex.getRequestMethod());
    }

    /**
     * Sends the status and {@code bytes} as the body, or, for a HEAD, the status and the same header fields without a
     * body (the JDK's server then leaves out Content-Length, which a HEAD answer may: RFC 9110 §9.3.2).
     */
    static void body(HttpExchange ex, int status, byte[] bytes) throws IOException {
        if (head(ex)) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void headers(HttpExchange ex, String type) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    static void send(HttpExchange ex, int status, String html, String allow) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        headers(ex, "text/html; charset=utf-8");
        if (allow != null) {
            ex.getResponseHeaders().set("Allow", allow);
        }
        body(ex, status, bytes);
    }

    static void redirect(HttpExchange ex, String location) throws IOException {
        headers(ex, "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
    }
}
