package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.common.Csv;
import dev.masq.TestMasq;
import dev.masq.common.Csv;
import dev.masq.testing.LeakEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakApiTest {
    static final Instant T0 = Instant.parse("2026-01-12T08:30:00Z");

    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());

    @Test
    void theReportListsExactlyTheAliasesThatAreNotCleanOldestFirstAndTheCsvMatches() {
        String key = masq.userWithKey("reporter@inbox.test");
        String shop = create(key, "{\"vendor\":\"Shop\",\"site\":\"shop.com\"}");
        String openai = create(key, "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}");
        String clean = create(key, "{\"vendor\":\"Bank\",\"site\":\"bank.com\"}");
        LeakEvidence.receive(masq, shop, "deals-daily.com", day(5));
        LeakEvidence.leak(masq, openai, day(1));
        LeakEvidence.receive(masq, clean, "bank.com", day(1));
        String strangerKey = masq.userWithKey("stranger@inbox.test");
        LeakEvidence.leak(masq, create(strangerKey, "{\"vendor\":\"OpenAI\"}"), day(0));

        JsonNode report = masq.call(key, "GET", "/api/v1/leaks", null).json();
        assertThat(report.get("data")).extracting(a -> a.get("alias_id").asText()).containsExactly(openai, shop);
        JsonNode leaked = report.get("data").get(0);
        assertThat(leaked.get("status").asText()).isEqualTo("leaked");
        assertThat(leaked.get("vendor").asText()).isEqualTo("OpenAI");
        assertThat(strings(leaked.get("vendor_domains"))).containsExactly("openai.com");
        assertThat(Instant.parse(leaked.get("since").asText())).isEqualTo(day(1));
        assertThat(Instant.parse(leaked.get("leaked_at").asText())).isEqualTo(day(3));
        JsonNode newest = leaked.get("foreign_domains").get(0);
        assertThat(newest.get("domain").asText()).isEqualTo("pharmacy-online.net");
        assertThat(newest.get("messages").asLong()).isEqualTo(1);
        assertThat(Instant.parse(newest.get("first_seen").asText())).isEqualTo(day(3));
        assertThat(Instant.parse(newest.get("last_seen").asText())).isEqualTo(day(3));
        assertThat(report.get("data").get(1).get("status").asText()).isEqualTo("suspected");
        assertThat(report.get("vendors")).extracting(v -> v.get("vendor").asText()).containsExactly("OpenAI", "Shop");
        assertThat(report.get("vendors").get(0).get("leaked").asInt()).isEqualTo(1);

        TestMasq.Reply csv = masq.call(key, "GET", "/api/v1/leaks?format=csv", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.response().body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("alias_id,address,vendor,vendor_domains,status,since,leaked_at");
        assertThat(lines[1]).startsWith(openai + "," + leaked.get("address").asText() + ",OpenAI,openai.com,leaked,"
                + day(1) + "," + day(3) + ",0,3,")
                .contains("pharmacy-online.net (1, " + day(3) + " to " + day(3) + ")");
        assertThat(lines[2]).startsWith(shop + ",").contains(",suspected,");
        assertThat(masq.call(key, "GET", "/api/v1/leaks?format=xml", null).status()).isEqualTo(422);
    }

    @Test
    void theAliasListFiltersByLeakStatusInItsOwnOrderAndPages() {
        String key = masq.userWithKey("filter@inbox.test");
        List<String> leaked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = create(key, "{\"vendor\":\"Leaky\",\"site\":\"leaky" + i + ".com\"}");
            LeakEvidence.leak(masq, id, day(i));
            leaked.add(id);
        }
        String suspected = create(key, "{\"vendor\":\"Shop\",\"site\":\"shop.com\"}");
        LeakEvidence.receive(masq, suspected, "deals-daily.com", day(5));
        String clean = create(key, "{\"vendor\":\"Bank\",\"site\":\"bank.com\"}");
        LeakEvidence.receive(masq, clean, "bank.com", day(1));
        String untouched = create(key, "{\"vendor\":\"Quiet\"}");

        JsonNode first = masq.call(key, "GET", "/api/v1/aliases?leak=leaked&sort=oldest&limit=2", null).json();
        JsonNode second = masq.call(key, "GET", "/api/v1/aliases?leak=leaked&sort=oldest&limit=2&cursor="
                + first.get("next_cursor").asText(), null).json();
        assertThat(first.get("data")).extracting(a -> a.get("id").asText()).containsExactly(leaked.get(0), leaked.get(1));
        assertThat(second.get("data")).extracting(a -> a.get("id").asText()).containsExactly(leaked.get(2));
        assertThat(masq.call(key, "GET", "/api/v1/aliases?leak=suspected", null).json().get("data"))
                .extracting(a -> a.get("id").asText()).containsExactly(suspected);
        assertThat(masq.call(key, "GET", "/api/v1/aliases?leak=clean&sort=oldest", null).json().get("data"))
                .extracting(a -> a.get("id").asText()).containsExactly(clean, untouched);
        TestMasq.Reply wrong = masq.call(key, "GET", "/api/v1/aliases?leak=maybe", null);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("leak");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        String key = masq.userWithKey("formulas@inbox.test");
        String id = create(key, "{\"vendor\":\"=HYPERLINK(\\\"http://evil.test\\\",\\\"x\\\")\",\"site\":\"shop.com\"}");
        LeakEvidence.receive(masq, id, "deals-daily.com", day(1));
        String row = masq.call(key, "GET", "/api/v1/leaks?format=csv", null).response().body().split("\r\n")[1];
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",");
        assertThat(Csv.row(List.of("+1", "-1", "@SUM(A1)", "plain"))).isEqualTo("'+1,'-1,'@SUM(A1),plain\r\n");
    }

    @Test
    void reportingAMessageAsSpamMakesTheAliasLeaked() {
        String key = masq.userWithKey("spam@inbox.test");
        String id = create(key, "{\"vendor\":\"Shop\",\"site\":\"shop.com\"}");
        masq.db().writeVoid(tx -> masq.eventRepository().record(tx, id, "forwarded", "promo@shop.com", null, day(1)));
        JsonNode events = masq.call(key, "GET", "/api/v1/aliases/" + id + "/events", null).json().get("data");
        String message = eventOfKind(events, "forwarded");

        TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases/" + id + "/events/" + message + "/spam", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("leak").get("status").asText()).isEqualTo("leaked");
        assertThat(masq.call(key, "GET", "/api/v1/leaks", null).json().get("data").get(0).get("spam_reports").asInt()).isEqualTo(1);

        String created = eventOfKind(events, "created");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/events/" + created + "/spam", null).status()).isEqualTo(404);
        String other = masq.userWithKey("other-spam@inbox.test");
        assertThat(masq.call(other, "POST", "/api/v1/aliases/" + id + "/events/" + message + "/spam", null).status()).isEqualTo(404);
    }

    @Test
    void markingAForeignDomainAsTheVendorsRecomputesTheStatus() {
        String key = masq.userWithKey("mark@inbox.test");
        String id = create(key, "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}");
        LeakEvidence.receive(masq, id, "openai-mailer.net", day(1));
        assertThat(alias(key, id).get("leak").get("status").asText()).isEqualTo("suspected");

        TestMasq.Reply marked = masq.call(key, "POST", "/api/v1/aliases/" + id + "/vendor-domains", "{\"domain\":\"news.openai-mailer.net\"}");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("leak").get("status").asText()).isEqualTo("clean");
        assertThat(strings(marked.json().get("vendor_domains"))).containsExactly("openai-mailer.net", "openai.com");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/vendor-domains", "{\"domain\":\"co.uk\"}").status()).isEqualTo(422);
    }

    @Test
    void anAllowedDomainStopsCountingAsForeignAndTheAliasListShowsEveryLeak() {
        String key = masq.userWithKey("allow@inbox.test");
        String id = create(key, "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}");
        String other = create(key, "{\"vendor\":\"Shop\",\"site\":\"shop.com\"}");
        LeakEvidence.receive(masq, id, "stripe.com", day(1));
        LeakEvidence.receive(masq, other, "deals-daily.com", day(2));
        JsonNode list = masq.call(key, "GET", "/api/v1/aliases", null).json().get("data");
        assertThat(list).extracting(a -> a.get("leak").get("status").asText()).containsExactly("suspected", "suspected");
        assertThat(strings(list.get(0).get("leak").get("foreign_domains"))).containsExactly("deals-daily.com");

        JsonNode patched = masq.call(key, "PATCH", "/api/v1/aliases/" + id,
                "{\"allowed_domains\":[\"billing.stripe.com\"],\"vendor_only\":true}").json();
        assertThat(strings(patched.get("allowed_domains"))).containsExactly("stripe.com");
        assertThat(patched.get("vendor_only").asBoolean()).isTrue();
        assertThat(patched.get("leak").get("status").asText()).isEqualTo("clean");
        assertThat(LeakEvidence.receive(masq, id, "stripe.com", day(3))).isFalse();
        assertThat(alias(key, id).get("leak").get("foreign_domains")).isEmpty();
    }

    private String create(String key, String body) {
        return masq.call(key, "POST", "/api/v1/aliases", body).json().get("id").asText();
    }

    private JsonNode alias(String key, String id) {
        return masq.call(key, "GET", "/api/v1/aliases/" + id, null).json();
    }

    private static String eventOfKind(JsonNode events, String kind) {
        for (JsonNode e : events) {
            if (e.get("kind").asText().equals(kind)) {
                return e.get("id").asText();
            }
        }
        throw new AssertionError("no " + kind + " event in " + events);
    }

    static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
