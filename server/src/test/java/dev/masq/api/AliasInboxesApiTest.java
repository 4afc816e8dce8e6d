package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import org.junit.jupiter.api.AutoClose;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-alias inboxes over the API, as the web form chooses them: {@code inbox_ids} on create, PATCH and the alias. */
class AliasInboxesApiTest {

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());
    final String key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();
    final String defaultInbox = masq.inboxes().list(masq.userId).getFirst().id();

    @Test
    void anAliasIsCreatedForwardingToTheChosenInboxesAndListsThem() {
        String work = masq.confirmedInbox("work@inbox.test");
        TestMasq.Reply created = masq.call(key, "POST", "/api/v1/aliases",
                "{\"vendor\":\"Shop\",\"inbox_ids\":[\"" + work + "\",\"" + defaultInbox + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("inbox_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(work, defaultInbox);

        JsonNode listed = masq.call(key, "GET", "/api/v1/aliases", null).json().get("data").get(0);
        assertThat(listed.get("inbox_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(work, defaultInbox);
    }

    @Test
    void withoutInboxIdsTheDefaultInboxIsUsed() {
        JsonNode created = masq.call(key, "POST", "/api/v1/aliases", "{}").json();
        assertThat(created.get("inbox_ids")).extracting(JsonNode::asText).containsExactly(defaultInbox);
    }

    @Test
    void patchReplacesTheInboxesInTheSameTransactionAsTheOtherFields() {
        String work = masq.confirmedInbox("work@inbox.test");
        String id = masq.alias("shop").id();
        TestMasq.Reply patched = masq.call(key, "PATCH", "/api/v1/aliases/" + id,
                "{\"note\":\"moved\",\"inbox_ids\":[\"" + work + "\"]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("inbox_ids")).extracting(JsonNode::asText).containsExactly(work);

        TestMasq.Reply refused = masq.call(key, "PATCH", "/api/v1/aliases/" + id,
                "{\"note\":\"not kept\",\"inbox_ids\":[\"mb_someone_elses\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("inbox_ids");
        JsonNode alias = masq.call(key, "GET", "/api/v1/aliases/" + id, null).json();
        assertThat(alias.get("note").asText()).isEqualTo("moved");
        assertThat(alias.get("inbox_ids")).extracting(JsonNode::asText).containsExactly(work);
    }

    @Test
    void anUnconfirmedOrForeignInboxIsRefusedAndNoAliasIsMade() {
        String pending = masq.inboxes().add(masq.userId, "later@inbox.test").id();
        String otherKey = masq.userWithKey("other@inbox.test");
        String foreign = masq.inboxes().list(masq.accounts().findByEmail("other@inbox.test").orElseThrow().id()).getFirst().id();

        for (String inbox : new String[] {pending, foreign}) {
            TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases",
                    "{\"mode\":\"custom\",\"local_part\":\"never\",\"inbox_ids\":[\"" + inbox + "\"]}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("inbox_ids");
        }
        assertThat(masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")).isEmpty();
        assertThat(masq.call(key, "POST", "/api/v1/aliases", "{\"inbox_ids\":[]}").status()).isEqualTo(422);
        assertThat(masq.call(otherKey, "GET", "/api/v1/aliases", null).json().get("data")).isEmpty();
    }
}
