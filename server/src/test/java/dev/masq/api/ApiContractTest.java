package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.account.ApiScope;
import dev.masq.mail.delivery.UndeliverableNotices;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the document promises and the server once did otherwise: every answer here passes the contract check in
 * {@link TestMasq#send}, and these calls reach the corners other tests do not (scope refusals, range and null
 * refusals, SimpleLogin's modes, every event kind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String userId = masq.accounts().addUser("person@inbox.test", false).id();
    final String key = masq.apiKeys().create(userId, "all", Set.of(ApiScope.values())).secret();

    @Test
    void everyScopedOperationRefusesAKeyWithoutItsScopeAsDocumented() throws IOException {
        String leaksOnly = masq.apiKeys().create(userId, "leaks", Set.of(ApiScope.LEAKS_READ)).secret();
        String aliasesOnly = masq.apiKeys().create(userId, "aliases",
                Set.of(ApiScope.ALIASES_READ, ApiScope.ALIASES_WRITE)).secret();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/") && !path.getKey().startsWith("/api/alias/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "xx_none");
            String header = path.getKey().startsWith("/api/alias/") ? "Authentication" : "Authorization";
            String prefix = header.equals("Authorization") ? "Bearer " : "";
            String lacking = path.getKey().equals("/api/v1/leaks") ? aliasesOnly : leaksOnly;
            for (String method : fieldNames(path.getValue())) {
                if (method.equals("parameters")) {
                    continue;
                }
                String verb = method.toUpperCase(Locale.ROOT);
                TestMasq.Reply reply = masq.send(verb, concrete, Map.of(header, prefix + lacking), null);
                assertThat(reply.status()).as(verb + " " + path.getKey()).isEqualTo(403);
                refused.add(verb + " " + path.getKey());
            }
        }
        assertThat(refused).hasSizeGreaterThan(25).contains("GET /api/v1/leaks", "PUT /api/v1/webhook", "POST /api/alias/random/new");
    }

    @Test
    void aLimitOutsideItsDocumentedRangeIsRefusedNotClamped() {
        for (String limit : new String[] {"0", "-1", "201", "500"}) {
            TestMasq.Reply reply = masq.call(key, "GET", "/api/v1/aliases?limit=" + limit, null);
            assertThat(reply.status()).as("limit=" + limit).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).contains("limit").contains("1 and 200");
        }
        assertThat(masq.call(key, "GET", "/api/v1/aliases?limit=200", null).status()).isEqualTo(200);
        assertThat(masq.call(key, "GET", "/api/v1/aliases?limit=1", null).status()).isEqualTo(200);
        assertThat(masq.call(key, "GET", "/api/v1/aliases?limit=x", null).status()).as("not an integer").isEqualTo(400);

        String id = masq.call(key, "POST", "/api/v1/aliases", "{}").json().get("id").asText();
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id + "/events?limit=501", null).status()).isEqualTo(422);
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id + "/events?limit=0", null).status()).isEqualTo(422);
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id + "/events?limit=500", null).status()).isEqualTo(200);
    }

    @Test
    void nullForAFieldThatIsNotNullableIsRefused() {
        TestMasq.Reply created = masq.call(key, "POST", "/api/v1/aliases", "{\"domain\":null}");
        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().get("detail").asText()).contains("domain");

        String id = masq.call(key, "POST", "/api/v1/aliases", "{\"note\":\"kept\"}").json().get("id").asText();
        TestMasq.Reply patched = masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"vendor_only\":null}");
        assertThat(patched.status()).isEqualTo(422);
        assertThat(patched.json().get("detail").asText()).contains("vendor_only");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":null}").status()).isEqualTo(422);

        // Where the document says null clears, it still does.
        TestMasq.Reply cleared = masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"note\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("note").isNull() || cleared.json().get("note").asText().isEmpty()).isTrue();
    }

    @Test
    void everyEventKindTheServerRecordsIsOneTheDocumentNames() {
        String id = masq.call(key, "POST", "/api/v1/aliases", "{}").json().get("id").asText();
        // The kinds written by the mail, leak and alias services (grep "events.record"); the contract check on the
        // listing refuses any kind Event.kind does not enumerate.
        List<String> kinds = List.of("bounce", "replied", "sent", "spam_reported", "vendor_spam_reported", "leak_dismissed",
                UndeliverableNotices.EVENT, "forged_reply", "forwarded", "blocked", "paused", "resumed", "burned");
        masq.db().writeVoid(ctx -> kinds.forEach(kind ->
                masq.eventRepository().record(ctx, id, kind, "someone@vendor.test", "detail", Instant.now())));
        TestMasq.Reply events = masq.call(key, "GET", "/api/v1/aliases/" + id + "/events", null);
        assertThat(events.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        events.json().get("data").forEach(event -> listed.add(event.get("kind").asText()));
        assertThat(listed).containsAll(kinds).contains("created");
    }

    @Test
    void simpleLoginModeIsWordOrUuidAndAnythingElseA400() {
        Map<String, String> auth = Map.of("Authentication", key);
        TestMasq.Reply bad = masq.send("POST", "/api/alias/random/new?mode=zzz", auth, "{}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asText()).contains("mode");
        assertThat(masq.send("POST", "/api/alias/random/new?mode=word", auth, "{}").status()).isEqualTo(201);
        assertThat(masq.send("POST", "/api/alias/random/new?mode=uuid", auth, "{}").status()).isEqualTo(201);
        assertThat(masq.send("POST", "/api/alias/random/new", auth, "{}").status()).isEqualTo(201);
    }

    private static JsonNode document() throws IOException {
        return TestMasq.JSON.readTree(OpenApi.document());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
