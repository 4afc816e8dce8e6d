package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.block.SenderBlocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockApiTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final SenderBlocks blocks = masq.senderBlocks();

    @Test
    void aBlockedAddressIsRefusedOnItsAliasOnly() {
        String key = masq.userWithKey("address@inbox.test");
        String user = user("address@inbox.test");
        String id = create(key);
        String other = create(key);
        TestMasq.Reply added = masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks", "{\"address\":\"Spammer@Deals.test\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("address").asText()).isEqualTo("spammer@deals.test");
        assertThat(added.json().get("alias_id").asText()).isEqualTo(id);

        assertThat(blocked(id, user, "spammer@deals.test")).isTrue();
        assertThat(blocked(id, user, "<SPAMMER@deals.test>")).isTrue();
        assertThat(blocked(id, user, "friend@deals.test")).isFalse();
        assertThat(blocked(other, user, "spammer@deals.test")).isFalse();
        assertThat(blocked(id, user, "")).isFalse();

        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks", "{\"address\":\"spammer@deals.test\"}").status()).isEqualTo(409);
        JsonNode list = masq.call(key, "GET", "/api/v1/aliases/" + id + "/blocks", null).json().get("data");
        assertThat(list).extracting(b -> b.get("address").asText()).containsExactly("spammer@deals.test");

        String blockId = added.json().get("id").asText();
        assertThat(masq.call(key, "DELETE", "/api/v1/aliases/" + id + "/blocks/" + blockId, null).status()).isEqualTo(204);
        assertThat(blocked(id, user, "spammer@deals.test")).isFalse();
        assertThat(masq.call(key, "DELETE", "/api/v1/aliases/" + id + "/blocks/" + blockId, null).status()).isEqualTo(404);
    }

    @Test
    void aBlockedDomainRefusesItsSubdomainsButNotItsNeighbours() {
        String key = masq.userWithKey("domain@inbox.test");
        String user = user("domain@inbox.test");
        String id = create(key);
        TestMasq.Reply added = masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks", "{\"domain\":\"Crypto-News.io\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("domain").asText()).isEqualTo("crypto-news.io");
        assertThat(added.json().get("address").isNull()).isTrue();

        assertThat(blocked(id, user, "a@crypto-news.io")).isTrue();
        assertThat(blocked(id, user, "b@mail.crypto-news.io")).isTrue();
        assertThat(blocked(id, user, "c@other-crypto-news.io")).isFalse();
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks", "{\"domain\":\"co.uk\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks", "{}").status()).isEqualTo(422);
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/blocks",
                "{\"domain\":\"x.test\",\"address\":\"a@x.test\"}").status()).isEqualTo(422);
    }

    @Test
    void anAccountWideBlockRefusesTheSenderOnEveryAliasOfThatAccountOnly() {
        String key = masq.userWithKey("account@inbox.test");
        String user = user("account@inbox.test");
        String first = create(key);
        String second = create(key);
        String strangerKey = masq.userWithKey("neighbour@inbox.test");
        String theirs = create(strangerKey);

        TestMasq.Reply added = masq.call(key, "POST", "/api/v1/blocks", "{\"domain\":\"pharmacy-online.net\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("alias_id").isNull()).isTrue();
        assertThat(blocked(first, user, "x@pharmacy-online.net")).isTrue();
        assertThat(blocked(second, user, "y@pharmacy-online.net")).isTrue();
        assertThat(blocked(theirs, user("neighbour@inbox.test"), "x@pharmacy-online.net")).isFalse();

        assertThat(masq.call(key, "GET", "/api/v1/blocks", null).json().get("data")).hasSize(1);
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + first + "/blocks", null).json().get("data")).isEmpty();
        assertThat(masq.call(strangerKey, "GET", "/api/v1/blocks", null).json().get("data")).isEmpty();
        assertThat(masq.call(strangerKey, "GET", "/api/v1/aliases/" + first + "/blocks", null).status()).isEqualTo(404);
        String blockId = added.json().get("id").asText();
        assertThat(masq.call(strangerKey, "DELETE", "/api/v1/blocks/" + blockId, null).status()).isEqualTo(404);
        assertThat(masq.call(key, "DELETE", "/api/v1/blocks/" + blockId, null).status()).isEqualTo(204);
        assertThat(blocked(first, user, "x@pharmacy-online.net")).isFalse();
    }

    @Test
    void vendorOnlyRefusesEveryoneButTheVendorAndTheAllowedDomains() {
        String key = masq.userWithKey("vendor-only@inbox.test");
        String user = user("vendor-only@inbox.test");
        String id = masq.call(key, "POST", "/api/v1/aliases", "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}").json().get("id").asText();
        assertThat(blocks.vendorOnly(user, List.of(id))).isEmpty();

        masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"vendor_only\":true,\"allowed_domains\":[\"stripe.com\"]}");
        assertThat(blocks.vendorOnly(user, List.of(id))).containsExactly(id);
        // Vendor-only mode is judged on each message's verdict after DATA (see LeakOverSmtpTest), not as a block.
        assertThat(blocked(id, user, "stranger@deals-daily.com")).isFalse();

        masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"vendor_only\":false}");
        assertThat(blocks.vendorOnly(user, List.of(id))).isEmpty();
    }

    private String create(String key) {
        return masq.call(key, "POST", "/api/v1/aliases", "{}").json().get("id").asText();
    }

    private String user(String email) {
        return masq.accounts().findByEmail(email).orElseThrow().id();
    }

    /** What the SMTP edge asks for every RCPT and header From. */
    private boolean blocked(String aliasId, String userId, String sender) {
        return masq.db().read(ctx -> blocks.isBlocked(ctx, aliasId, userId, sender));
    }
}
