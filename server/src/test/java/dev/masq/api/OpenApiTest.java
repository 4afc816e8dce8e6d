package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    @AutoClose
    TestMasq masq;
    JsonNode document;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = TestMasq.startEmpty(dir, Map.of());
        TestMasq.Reply reply = masq.send("GET", "/api/openapi.json", Map.of(), null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        document = reply.json();
    }

    @Test
    void describesEveryRouteRegisteredInJavalinAndNothingElse() {
        // The web pages are HTML for people, not part of the API the document describes; the leak notice links are,
        // since mail sends people to them.
        List<String> registered = masq.routes().stream()
                .filter(route -> route.contains(" /api/") || route.contains(" /actions/") || route.endsWith(" /healthz")
                        || route.contains(" /jmap/") || route.contains(" /.well-known/"))
                .toList();
        assertThat(registered).contains("POST /api/v1/aliases", "GET /api/v1/aliases/{id}/events", "GET /api/v1/leaks");

        List<String> described = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .map(Map.Entry::getKey)
                .filter(METHODS::contains)
                .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void isOpenApi31WithTheSharedSchemasAndBearerAuth() {
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        JsonNode components = document.get("components");
        assertThat(components.get("schemas").has("Alias")).isTrue();
        assertThat(components.get("schemas").has("Event")).isTrue();
        assertThat(components.get("schemas").has("Problem")).isTrue();
        assertThat(components.get("securitySchemes").get("bearer").get("scheme").asText()).isEqualTo("bearer");
        assertThat(document.get("security").get(0).has("bearer")).isTrue();
    }

    @Test
    void describesEveryFieldOfTheAliasObjectTheServerSends() {
        String key = masq.userWithKey("reader@inbox.test");
        JsonNode alias = masq.call(key, "POST", "/api/v1/aliases", "{}").json();
        JsonNode schema = document.get("components").get("schemas").get("Alias").get("properties");
        List<String> sent = new ArrayList<>();
        alias.fieldNames().forEachRemaining(sent::add);
        List<String> described = new ArrayList<>();
        schema.fieldNames().forEachRemaining(described::add);
        assertThat(described).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void healthNeedsNoKey() {
        TestMasq.Reply health = masq.send("GET", "/healthz", Map.of(), null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        assertThat(health.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
