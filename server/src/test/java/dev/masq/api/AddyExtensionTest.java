package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.alias.AliasState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * addy.io's browser extension (github.com/anonaddy/browser-extension) against masq, each request as its source
 * builds it: the calls of src/assets/js/components/App.vue and src/assets/js/api/createAlias.js, all with
 * {@code Content-Type: application/json}, {@code X-Requested-With: XMLHttpRequest},
 * {@code X-Requested-From: browser-extension} and {@code Authorization: Bearer}; the assertions are the fields
 * and statuses those functions read. The extension writes {@code [} and {@code ]} in its query strings bare, as
 * browsers send them; the JDK client needs them percent-encoded, which the server reads the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddyExtensionTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");
    final String userId = masq.accounts().findByEmail("person@inbox.test").orElseThrow().id();

    /** App.vue getAliasDomainOptions: the key must pass validToken and the length check before it is even sent. */
    @Test
    void aMasqKeyPassesTheExtensionsKeyCheckAndDomainOptions() {
        assertThat(key).matches("^(addy_io_)?[a-zA-Z0-9]+$");
        assertThat(key.length()).isBetween(40, 60);

        TestMasq.Reply options = get("/api/v1/domain-options");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.json().get("data")).extracting(JsonNode::asText).containsExactly("mask.test", "other.test");
        assertThat(options.json().get("defaultAliasDomain").asText()).isEqualTo("mask.test");
        assertThat(options.json().get("defaultAliasFormat").asText()).isIn("random_words", "random_characters");

        TestMasq.Reply wrong = masq.send("GET", "/api/v1/domain-options", headers("mqnotakey", false), null);
        assertThat(wrong.status()).as("the extension says the key is invalid on 401").isEqualTo(401);
    }

    /** createAlias.js createAliasRequest with each of the formats the extension offers; formatAliasEmail builds the address. */
    @Test
    void createsEachFormat() {
        Map<String, String> pattern = Map.of(
                "random_characters", "[a-z2-7]{12}",
                "uuid", "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                "random_words", "[a-z]+\\.[a-z]+[0-9]{3}",
                "custom", "newsletter");
        pattern.forEach((format, local) -> {
            Map<String, Object> body = new HashMap<>(Map.of("domain", "other.test", "format", format,
                    "local_part", format.equals("custom") ? "newsletter" : "", "recipient_ids", List.of(),
                    "description", "www.shop.example"));
            TestMasq.Reply created = post("/api/v1/aliases", body);
            assertThat(created.status()).as(format + ": " + created).isEqualTo(201);
            JsonNode data = created.json().get("data");
            String email = data.get("extension").isNull() ? data.get("local_part").asText() + "@" + data.get("domain").asText() : null;
            assertThat(email).isEqualTo(data.get("email").asText()).endsWith("@other.test");
            assertThat(data.get("local_part").asText()).as(format).matches(local);
            assertThat(data.get("active").asBoolean()).isTrue();
            assertThat(masq.aliases().get(userId, data.get("id").asText()).note()).isEqualTo("www.shop.example");
        });
    }

    /**
     * createAliasRequest's failure path: a 422 with {@code errors} is read as Laravel's field map, anything else
     * through {@code message}; masq's refusals to addy.io's clients carry {@code message} and no list to misread.
     */
    @Test
    void refusalsSayWhyWhereTheExtensionReads() {
        post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "custom", "local_part", "taken"));
        TestMasq.Reply taken = post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "custom", "local_part", "taken"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("taken");

        TestMasq.Reply invalid = post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "custom", "local_part", "a"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().has("errors")).isFalse();
        assertThat(invalid.json().get("message").asText()).contains("letters");

        // masq's own clients keep the list of fields.
        TestMasq.Reply own = masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"custom\",\"local_part\":\"a\"}");
        assertThat(own.json().get("errors").get(0).get("field").asText()).isEqualTo("local_part");
        assertThat(own.json().has("message")).isFalse();
    }

    /** The context menu's quick create (background.js createQuickAlias): no description at all, recipients empty. */
    @Test
    void quickCreateWithoutDescription() {
        TestMasq.Reply created = post("/api/v1/aliases", Map.of("domain", "mask.test", "local_part", "",
                "format", "random_characters", "recipient_ids", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("data").get("email").asText()).endsWith("@mask.test");
    }

    /** getRecipientsRequest, then a create that picks the inbox (createAliasRecipientIds). */
    @Test
    void recipientsAreTheInboxesAnAliasForwardsTo() {
        JsonNode recipients = get("/api/v1/recipients?filter%5Bverified%5D=true&alias_count=false").json().get("data");
        assertThat(recipients.get(0).get("email").asText()).isEqualTo("person@inbox.test");
        String inbox = recipients.get(0).get("id").asText();
        TestMasq.Reply created = post("/api/v1/aliases", Map.of("domain", "mask.test", "local_part", "",
                "format", "random_words", "recipient_ids", List.of(inbox)));
        assertThat(created.json().get("data").get("recipients").get(0).get("id").asText()).isEqualTo(inbox);

        TestMasq.Reply notMine = post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "random_words",
                "recipient_ids", List.of("mb_notmine")));
        assertThat(notMine.status()).as("an inbox of someone else creates nothing").isEqualTo(422);
        assertThat(notMine.json().get("message").asText()).contains("mb_notmine");
    }

    /** getAliases: the list with the extension's filters and paging, reading data, meta.total and links.next. */
    @Test
    void listWithTheExtensionsFiltersAndPaging() {
        String lister = masq.userWithKey("lister@inbox.test");
        for (int i = 0; i < 12; i++) {
            masq.send("POST", "/api/v1/aliases", headers(lister, true),
                    "{\"domain\":\"mask.test\",\"format\":\"custom\",\"local_part\":\"shop" + i + "\",\"description\":\"Shop " + i + "\"}");
        }
        JsonNode first = masq.send("GET", listQuery("", 1), headers(lister, false), null).json();
        assertThat(first.get("data")).hasSize(10);
        assertThat(first.get("data").get(0).get("local_part").asText()).isEqualTo("shop11");
        assertThat(first.get("meta").get("total").asInt()).isEqualTo(12);
        assertThat(first.get("links").get("next").isNull()).isFalse();
        JsonNode second = masq.send("GET", listQuery("", 2), headers(lister, false), null).json();
        assertThat(second.get("data")).hasSize(2);
        assertThat(second.get("links").get("next").isNull()).isTrue();

        JsonNode found = masq.send("GET", listQuery("shop1", 1), headers(lister, false), null).json();
        assertThat(found.get("meta").get("total").asInt()).as("shop1, shop10, shop11").isEqualTo(3);

        // The oldest-first order, and one of the extension's orders masq lacks, which still lists (newest first).
        assertThat(masq.send("GET", listQuery("", 1).replace("sort=-created_at", "sort=created_at"), headers(lister, false), null)
                .json().get("data").get(0).get("local_part").asText()).isEqualTo("shop0");
        assertThat(masq.send("GET", listQuery("", 1).replace("sort=-created_at", "sort=email"), headers(lister, false), null)
                .status()).isEqualTo(200);
        assertThat(masq.send("GET", listQuery("", 1).replace("sort=-created_at", "sort=bogus"), headers(lister, false), null)
                .status()).isEqualTo(422);
    }

    /** activateAlias / deactivateAlias, editAliasDescription, deleteAlias, then the deleted filter. */
    @Test
    void toggleEditAndDelete() {
        String id = post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "random_words", "local_part", ""))
                .json().get("data").get("id").asText();

        TestMasq.Reply off = masq.send("DELETE", "/api/v1/active-aliases/" + id, headers(key, false), null);
        assertThat(off.status()).isEqualTo(204);
        assertThat(masq.aliases().get(userId, id).state()).isEqualTo(AliasState.PAUSED);
        TestMasq.Reply on = post("/api/v1/active-aliases", Map.of("id", id));
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("data").get("active").asBoolean()).isTrue();

        TestMasq.Reply edited = masq.send("PATCH", "/api/v1/aliases/" + id, headers(key, true), "{\"description\":\"changed\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("data").get("description").asText()).isEqualTo("changed");

        TestMasq.Reply deleted = masq.send("DELETE", "/api/v1/aliases/" + id, headers(key, false), null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(masq.aliases().get(userId, id).state()).as("addy.io's delete keeps the alias, refusing mail").isEqualTo(AliasState.BURNED);
        JsonNode onlyDeleted = get("/api/v1/aliases?filter%5Bdeleted%5D=only&page%5Bnumber%5D=1&page%5Bsize%5D=10").json().get("data");
        assertThat(onlyDeleted).extracting(a -> a.get("id").asText()).containsExactly(id);
        assertThat(onlyDeleted.get(0).get("deleted_at").isNull()).isFalse();
        JsonNode without = get("/api/v1/aliases?filter%5Bdeleted%5D=without&page%5Bnumber%5D=1").json().get("data");
        assertThat(without).extracting(a -> a.get("id").asText()).doesNotContain(id);

        // restoreAlias: a burned alias stays burned; forgetAlias: masq's delete for good.
        assertThat(masq.send("PATCH", "/api/v1/aliases/" + id + "/restore", headers(key, false), null).status()).isEqualTo(409);
        assertThat(masq.send("DELETE", "/api/v1/aliases/" + id + "/forget", headers(key, false), null).status()).isEqualTo(204);
        assertThat(masq.send("GET", "/api/v1/aliases/" + id, headers(key, false), null).status()).isEqualTo(404);
    }

    /** pinAlias: masq pins nothing, and says so instead of pretending. */
    @Test
    void pinningIsRefusedPlainly() {
        String id = post("/api/v1/aliases", Map.of("domain", "mask.test", "format", "random_words")).json().get("data").get("id").asText();
        TestMasq.Reply pin = post("/api/v1/pinned-aliases", Map.of("id", id));
        assertThat(pin.status()).isEqualTo(422);
        assertThat(pin.json().get("error").asText()).contains("pin");
    }

    /** masq's own clients on the same paths, without addy.io's header or fields, get masq's answers. */
    @Test
    void masqsOwnAnswersOnTheSharedPathsAreUnchanged() {
        TestMasq.Reply created = masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"random\"}");
        assertThat(created.json().has("address")).isTrue();
        String id = created.json().get("id").asText();
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id, null).json().get("address").asText())
                .isEqualTo(created.json().get("address").asText());
        assertThat(masq.call(key, "GET", "/api/v1/aliases?limit=1", null).json().has("next_cursor")).isTrue();
        assertThat(masq.call(key, "DELETE", "/api/v1/aliases/" + id, null).status()).isEqualTo(204);
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id, null).status()).as("masq's delete deletes").isEqualTo(404);
    }

    /** The extension's login screen (loginWithCredentials) shows {@code message}: it says to paste a key. */
    @Test
    void passwordLoginIsRefusedWithAMessage() {
        TestMasq.Reply login = masq.send("POST", "/api/auth/login", Map.of("Accept", "application/json",
                "X-Requested-With", "XMLHttpRequest", "X-Requested-From", "browser-extension"),
                "{\"username\":\"person@inbox.test\",\"password\":\"" + TestMasq.PASSWORD + "\",\"device_name\":\"Firefox browser extension\"}");
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("message").asText()).contains("API key");
    }

    /** getAliases's URL: its filters as the "All" status and default sort leave them. */
    private static String listQuery(String search, int page) {
        return "/api/v1/aliases?filter%5Bdeleted%5D=without&filter%5Bactive%5D=&filter%5Bpinned%5D=&filter%5Bsearch%5D=" + search
                + "&sort=-created_at&page%5Bnumber%5D=" + page + "&page%5Bsize%5D=10";
    }

    private TestMasq.Reply get(String path) {
        return masq.send("GET", path, headers(key, false), null);
    }

    private TestMasq.Reply post(String path, Map<String, ?> body) {
        try {
            return masq.send("POST", path, headers(key, true), TestMasq.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The extension's headers; with a body, TestMasq sets the Content-Type itself. */
    private static Map<String, String> headers(String key, boolean withBody) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Requested-With", "XMLHttpRequest",
                "X-Requested-From", "browser-extension", "Authorization", "Bearer " + key));
        if (!withBody) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }
}
