package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.account.ApiKeyService;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every way a request can go wrong ends in problem+json with the right status, and never in a stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasApiErrorsTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");

    @Test
    void malformedJsonIs400() {
        JsonNode problem = problem(create("{\"mode\": "), 400);
        assertThat(problem.get("detail").asText()).startsWith("malformed JSON");
        problem(create("[1, 2]"), 400);
        problem(create("{\"note\":\"a\",\"note\":\"b\"}"), 400);
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        assertThat(field(problem(create("{\"mode\":\"words\",\"colour\":\"red\"}"), 400))).isEqualTo("colour");
    }

    @Test
    void aWrongJsonTypeIs400NamingTheField() {
        assertThat(field(problem(create("{\"note\":5}"), 400))).isEqualTo("note");
        String id = create("{}").json().get("id").asText();
        assertThat(field(problem(masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":\"yes\"}"), 400)))
                .isEqualTo("replace");
        assertThat(field(problem(masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"vendor_domains\":\"shop.com\"}"), 400)))
                .isEqualTo("vendor_domains");
        assertThat(field(problem(masq.call(key, "GET", "/api/v1/aliases?limit=many", null), 400))).isEqualTo("limit");
    }

    @Test
    void aSemanticallyInvalidFieldIs422NamingIt() {
        JsonNode problem = problem(create("{\"mode\":\"custom\",\"local_part\":\"a+b\"}"), 422);
        assertThat(field(problem)).isEqualTo("local_part");
        assertThat(problem.get("errors").get(0).get("detail").asText()).isNotBlank();
        assertThat(field(problem(create("{\"mode\":\"fancy\"}"), 422))).isEqualTo("mode");
        assertThat(field(problem(create("{\"domain\":\"gmail.com\"}"), 422))).isEqualTo("domain");
        assertThat(field(problem(create("{\"site\":\"not a site\"}"), 422))).isEqualTo("site");
        assertThat(field(problem(masq.call(key, "GET", "/api/v1/aliases?state=gone", null), 422))).isEqualTo("state");
        assertThat(field(problem(masq.call(key, "GET", "/api/v1/aliases?cursor=%21%21", null), 422))).isEqualTo("cursor");
    }

    @Test
    void anUnknownIdAndAnotherUsersAliasAreTheSame404() {
        String stranger = masq.userWithKey("stranger@inbox.test");
        String theirs = masq.call(stranger, "POST", "/api/v1/aliases", "{}").json().get("id").asText();

        JsonNode unknown = problem(masq.call(key, "GET", "/api/v1/aliases/al_doesnotexist0000", null), 404);
        JsonNode foreign = problem(masq.call(key, "GET", "/api/v1/aliases/" + theirs, null), 404);
        assertThat(foreign.get("detail").asText().replace(theirs, "ID"))
                .isEqualTo(unknown.get("detail").asText().replace("al_doesnotexist0000", "ID"));
        for (String[] call : new String[][] {{"PATCH", ""}, {"DELETE", ""}, {"POST", "/pause"}, {"POST", "/resume"},
                {"POST", "/burn"}, {"GET", "/events"}}) {
            problem(masq.call(key, call[0], "/api/v1/aliases/" + theirs + call[1], call[0].equals("PATCH") ? "{}" : null), 404);
        }
        assertThat(masq.call(stranger, "GET", "/api/v1/aliases/" + theirs, null).status()).isEqualTo(200);
    }

    @Test
    void aMissingWrongOrRevokedKeyIs401WithABearerChallenge() {
        JsonNode missing = problem(masq.call(null, "GET", "/api/v1/aliases", null), 401);
        assertThat(missing.get("detail").asText()).contains("Bearer");
        TestMasq.Reply wrong = masq.call("mq_wrong", "GET", "/api/v1/aliases", null);
        problem(wrong, 401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        problem(masq.send("GET", "/api/v1/aliases", Map.of("Authorization", "Basic " + key), null), 401);

        String userId = masq.accounts().addUser("revoked@inbox.test", false).id();
        ApiKeyService.IssuedKey issued = masq.apiKeys().create("revoked@inbox.test", "soon revoked");
        assertThat(masq.call(issued.secret(), "GET", "/api/v1/aliases", null).status()).isEqualTo(200);
        masq.apiKeys().revoke(userId, issued.id());
        TestMasq.Reply revoked = masq.call(issued.secret(), "POST", "/api/v1/aliases", "{}");
        problem(revoked, 401);
        assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aHugeBodyIs413() {
        problem(create("{\"note\":\"" + "x".repeat(200_000) + "\"}"), 413);
    }

    @Test
    void anUnknownPathIs404ProblemAndCarriesTheSecurityHeaders() {
        TestMasq.Reply reply = masq.call(key, "GET", "/api/v1/nothing-here", null);
        problem(reply, 404);
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        TestMasq.Reply reply = masq.call(key, "PUT", "/api/v1/aliases", "{}");
        problem(reply, 405);
        assertThat(reply.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void aPatchRefusedOnOneFieldChangesNoneOfTheOthers() {
        String id = create("{}").json().get("id").asText();
        masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"allowed_domains\":[\"stripe.com\"]}");

        JsonNode problem = problem(masq.call(key, "PATCH", "/api/v1/aliases/" + id,
                "{\"allowed_domains\":[\"paypal.com\"],\"vendor_domains\":[\"not a domain\"]}"), 422);

        assertThat(field(problem)).isEqualTo("vendor_domains");
        JsonNode alias = masq.call(key, "GET", "/api/v1/aliases/" + id, null).json();
        assertThat(alias.get("allowed_domains").toString()).isEqualTo("[\"stripe.com\"]");
    }

    private TestMasq.Reply create(String body) {
        return masq.call(key, "POST", "/api/v1/aliases", body);
    }

    /** Asserts an RFC 9457 answer with this status and no trace of the implementation. */
    private static JsonNode problem(TestMasq.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.response().body()).doesNotContain("Exception").doesNotContain("at dev.masq").doesNotContain("java.");
        JsonNode p = reply.json();
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        return p;
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }
}
