package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A test client of a running service: every answer it gets is checked against the service's
 * /openapi.json and for stack traces before the test sees it. Thread-safe.
 */
final class Client {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final OpenApiCheck openApi;

    Client(URI base) {
        this.base = base;
        this.openApi = new OpenApiCheck(sendRaw("GET", "/openapi.json", null, null, null).body());
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, null);
    }

    HttpResponse<String> get(String path, String language) {
        return send("GET", path, null, null, language);
    }

    /** A GET with {@code Authorization: Bearer token} (e.g. {@code /ready} as the admin sees it). */
    HttpResponse<String> getAsAdmin(String path, String token, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + token);
        if (language != null) {
            b.header("Accept-Language", language);
        }
        HttpResponse<String> r = exchange(b.build());
        check("GET", path, r);
        return r;
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, "application/json", null);
    }

    HttpResponse<String> post(String path, String json, String language) {
        return send("POST", path, json, "application/json", language);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String language) {
        HttpResponse<String> r = sendRaw(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, language);
        check(method, path, r);
        return r;
    }

    HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType) {
        HttpResponse<String> r = sendRaw(method, path, body, contentType, null);
        check(method, path, r);
        return r;
    }

    HttpResponse<String> admin(String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/admin/reload")).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = exchange(b.build());
        check("POST", "/admin/reload", r);
        return r;
    }

    void check(String method, String path, HttpResponse<String> r) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        openApi.check(method, p, r);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at io.github."),
                "a stack trace or exception name reached the client: " + r.body());
    }

    HttpResponse<String> sendRaw(String method, String path, byte[] body, String contentType, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return exchange(b.build());
    }

    /** The request sent and its answer read as UTF-8 text, unchecked. */
    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
