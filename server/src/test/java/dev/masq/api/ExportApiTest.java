package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/export}: the whole account as JSON, the aliases as CSV. */
class ExportApiTest {
    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());
    final String key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();

    @Test
    void theJsonExportHoldsEachAliasWithItsInboxesSettingsBlocksContactsLeakAndEvents() {
        Alias shop = masq.alias("shop");
        masq.call(key, "PATCH", "/api/v1/aliases/" + shop.id(),
                "{\"note\":\"=cmd|' /C calc'!A0\",\"vendor\":\"Shop\",\"vendor_only\":true,\"allowed_domains\":[\"partner.com\"]}");
        masq.senderBlocks().add(masq.userId, shop.id(), "spammer@bad.example", null);
        masq.senderBlocks().add(masq.userId, null, null, "everywhere.example");
        masq.contacts().open(masq.userId, shop.id(), "friend@elsewhere.example");

        TestMasq.Reply reply = masq.call(key, "GET", "/api/v1/export", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode export = reply.json();
        assertThat(export.get("format").asText()).isEqualTo("masq-export");
        assertThat(export.get("inboxes").get(0).get("address").asText()).isEqualTo(TestMasq.INBOX);
        assertThat(export.get("blocks").get(0).get("domain").asText()).isEqualTo("everywhere.example");
        JsonNode entry = export.get("aliases").get(0);
        assertThat(entry.get("alias").get("address").asText()).isEqualTo("shop@mask.test");
        assertThat(entry.get("alias").get("vendor").asText()).isEqualTo("Shop");
        assertThat(entry.get("inboxes").get(0).asText()).isEqualTo(TestMasq.INBOX);
        assertThat(entry.get("vendor_only").asBoolean()).isTrue();
        assertThat(entry.get("allowed_domains").get(0).asText()).isEqualTo("partner.com");
        assertThat(entry.get("blocks").get(0).get("address").asText()).isEqualTo("spammer@bad.example");
        assertThat(entry.get("contacts").get(0).get("address").asText()).isEqualTo("friend@elsewhere.example");
        assertThat(entry.get("leak").has("status")).isTrue();
        assertThat(entry.get("events").get(0).get("kind").asText()).isEqualTo("created");
    }

    @Test
    void theJsonExportListsTheUsersDomainsWithoutTheirKeys() {
        TestMasq.Reply claimed = masq.call(key, "POST", "/api/v1/domains", "{\"subdomain\":\"alice\"}");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        masq.call(key, "PATCH", "/api/v1/domains/" + claimed.json().get("id").asText(), "{\"catch_all\":true}");
        masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"mine.example\"}");

        JsonNode domains = masq.call(key, "GET", "/api/v1/export", null).json().get("domains");
        assertThat(domains).hasSize(2);
        assertThat(domains.findValuesAsText("domain")).containsExactlyInAnyOrder("alice.mask.test", "mine.example");
        JsonNode alice = domains.get(0).get("domain").asText().equals("alice.mask.test") ? domains.get(0) : domains.get(1);
        assertThat(alice.get("kind").asText()).isEqualTo("subdomain");
        assertThat(alice.get("status").asText()).isEqualTo("verified");
        assertThat(alice.get("catch_all").asBoolean()).isTrue();
        assertThat(domains.toString()).doesNotContain("PRIVATE", "masq-verification");
    }

    @Test
    void theCsvExportHasOneRowPerAliasAndDisarmsFormulas() {
        Alias shop = masq.alias("shop");
        masq.call(key, "PATCH", "/api/v1/aliases/" + shop.id(), "{\"note\":\"=HYPERLINK(\\\"x\\\")\",\"vendor\":\"Shop, Inc\"}");
        masq.alias("news");
        TestMasq.Reply reply = masq.call(key, "GET", "/api/v1/export?format=csv", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        String[] lines = reply.response().body().split("\r\n");
        assertThat(lines[0]).startsWith("id,address,state,vendor,vendor_domains,note");
        assertThat(lines).hasSize(3);
        String shopRow = lines[1].contains("shop@") ? lines[1] : lines[2];
        assertThat(shopRow).contains(",shop@mask.test,active,\"Shop, Inc\",,\"'=HYPERLINK(\"\"x\"\")\",," + TestMasq.INBOX + ",");
    }

    @Test
    void anUnknownFormatIsRefusedAndAKeyWithoutReadScopeToo() {
        assertThat(masq.call(key, "GET", "/api/v1/export?format=xml", null).status()).isEqualTo(422);
        String leaksOnly = masq.apiKeys().create(masq.userId, "leaks", java.util.Set.of(dev.masq.account.ApiScope.LEAKS_READ)).secret();
        assertThat(masq.send("GET", "/api/v1/export", Map.of("Authorization", "Bearer " + leaksOnly), null).status()).isEqualTo(403);
    }
}
