package dev.masq.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masq.App;
import dev.masq.config.Config;
import dev.masq.testing.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A real masq on free ports over a temp data dir, and a JDK HTTP client speaking to it. */
final class RunningApp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final App app;
    private final HttpClient client = HttpClient.newHttpClient();

    RunningApp(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MASQ_DATA_DIR", dataDir.toString(),
                "MASQ_DOMAINS", "mask.test,other.test",
                "MASQ_HTTP_PORT", "0",
                "MASQ_SMTP_PORT", "0",
                "MASQ_SUBMISSION_PORT", "0"));
        env.putAll(extraEnv);
        this.app = App.start(Config.from(env), Clock.systemUTC());
    }

    /** A new user with a fresh API key; returns the key. */
    String userWithKey(String email) {
        app.services.accounts.addUser(email, false);
        return app.services.apiKeys.create(email, "test").secret();
    }

    Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.http.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return new Reply(OpenApiContract.verified(client.send(request.build(), HttpResponse.BodyHandlers.ofString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply call(String key, String method, String path, String body) {
        return send(method, path, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key), body);
    }

    @Override
    public void close() {
        app.close();
    }

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
