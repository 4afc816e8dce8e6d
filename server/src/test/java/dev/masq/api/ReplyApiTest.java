package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.account.Mailbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts (reverse aliases on request), app passwords and the alias display name over HTTP. */
class ReplyApiTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    String key;
    String aliasId;

    @BeforeEach
    void setUp() {
        masq = TestMasq.startEmpty(dir, Map.of());
        key = masq.userWithKey("owner@inbox.test");
        aliasId = masq.call(key, "POST", "/api/v1/aliases", "{}").json().get("id").asText();
    }

    @Test
    void writeToAnAddressFromAnAliasThenBlockIt() {
        TestMasq.Reply opened = masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts",
                "{\"address\":\"Sales@Vendor.Example\"}");
        assertThat(opened.status()).isEqualTo(201);
        JsonNode contact = opened.json();
        assertThat(contact.get("address").asText()).isEqualTo("sales@vendor.example");
        assertThat(contact.get("reverse_alias").asText()).matches("reply\\+[a-z2-7]{20}@mask\\.test");
        assertThat(contact.get("blocked").asBoolean()).isFalse();

        TestMasq.Reply again = masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts",
                "{\"address\":\"sales@vendor.example\"}");
        assertThat(again.json().get("reverse_alias").asText()).isEqualTo(contact.get("reverse_alias").asText());

        String path = "/api/v1/aliases/" + aliasId + "/contacts/" + contact.get("id").asText();
        assertThat(masq.call(key, "PATCH", path, "{\"blocked\":true}").json().get("blocked").asBoolean()).isTrue();
        JsonNode list = masq.call(key, "GET", "/api/v1/aliases/" + aliasId + "/contacts", null).json().get("data");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("blocked").asBoolean()).isTrue();

        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts", "{\"address\":\"x@mask.test\"}")
                .status()).isEqualTo(422);
        String stranger = masq.userWithKey("stranger@inbox.test");
        assertThat(masq.call(stranger, "GET", "/api/v1/aliases/" + aliasId + "/contacts", null).status()).isEqualTo(404);
    }

    @Test
    void aReverseAliasForOneOfYourOwnConfirmedInboxesIsRefused() {
        String userId = masq.accounts().findByEmail("owner@inbox.test").orElseThrow().id();
        masq.db().writeVoid(ctx -> masq.accountRepository().insertMailbox(ctx,
                new Mailbox("mb_second", userId, "work@office.test", true, false), Instant.now()));
        for (String inbox : new String[] {"owner@inbox.test", "Owner@INBOX.test", "work@office.test", "WORK@office.test"}) {
            TestMasq.Reply refused = masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts",
                    "{\"address\":\"" + inbox + "\"}");
            assertThat(refused.status()).as(inbox).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("address");
        }
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + aliasId + "/contacts", null).json().get("data")).isEmpty();
        // Someone else's inbox is an ordinary contact.
        masq.userWithKey("friend@inbox.test");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts", "{\"address\":\"friend@inbox.test\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void aContactMayHaveAnInternationalisedAddress() {
        TestMasq.Reply created = masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts",
                "{\"address\":\"J\u00f6s\u00e9@Ex\u00e4mple.org\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("address").asText()).isEqualTo("j\u00f6s\u00e9@xn--exmple-cua.org");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/contacts", "{\"address\":\"j\u00f6 s@ex\u00e4mple.org\"}")
                .status()).isEqualTo(422);
    }

    @Test
    void appPasswordsAreShownOnceListedWithoutSecretAndRevoked() {
        TestMasq.Reply created = masq.call(key, "POST", "/api/v1/app-passwords", "{\"name\":\"phone\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asText()).isEqualTo("owner@inbox.test");
        String secret = created.json().get("password").asText();
        assertThat(secret).startsWith("mqp_");

        TestMasq.Reply list = masq.call(key, "GET", "/api/v1/app-passwords", null);
        assertThat(list.toString()).doesNotContain(secret);
        assertThat(list.json().get("data").get(0).get("name").asText()).isEqualTo("phone");

        String id = created.json().get("id").asText();
        assertThat(masq.call(key, "DELETE", "/api/v1/app-passwords/" + id, null).status()).isEqualTo(204);
        assertThat(masq.call(key, "DELETE", "/api/v1/app-passwords/" + id, null).status()).isEqualTo(404);
        assertThat(masq.appPasswords().authenticate("owner@inbox.test", secret)).isEmpty();
    }

    @Test
    void theDisplayNameIsSetAndCleared() {
        String path = "/api/v1/aliases/" + aliasId;
        assertThat(masq.call(key, "PATCH", path, "{\"display_name\":\"Shopper\"}").json().get("display_name").asText())
                .isEqualTo("Shopper");
        assertThat(masq.call(key, "PATCH", path, "{\"display_name\":\"a\\nb\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "PATCH", path, "{\"display_name\":null}").json().get("display_name").isNull()).isTrue();
    }
}
