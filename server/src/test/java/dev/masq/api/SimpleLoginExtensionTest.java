package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SimpleLogin's browser extension (github.com/simple-login/browser-extension) against masq, each request as its
 * source builds it: {@code callAPI} in src/popup/APIService.js (routes in API_ROUTE, the key in
 * {@code Authentication}, JSON bodies only on POST and PUT) called from the components named at each step; every
 * assertion is a field that component reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimpleLoginExtensionTest {
    private static final String HOSTNAME = "www.shop.example";

    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");

    /** src/popup/components/ApiKeySetting.vue saveApiKey: the pasted key is checked with user_info, greeting name || email. */
    @Test
    void setUpWithAKeyChecksItWithUserInfo() {
        TestMasq.Reply info = masq.send("GET", "/api/user_info", Map.of("Authentication", key), null);
        assertThat(info.status()).isEqualTo(200);
        String greeted = info.json().get("name").asText().isEmpty() ? info.json().get("email").asText() : info.json().get("name").asText();
        assertThat(greeted).isEqualTo("person@inbox.test");
        // Main.vue getUserInfo and AppSettings.vue read these.
        assertThat(info.json().get("can_create_reverse_alias").asBoolean()).isTrue();
        assertThat(info.json().has("is_premium")).isTrue();

        TestMasq.Reply wrong = masq.send("GET", "/api/user_info", Map.of("Authentication", "not-a-key"), null);
        assertThat(wrong.status()).as("the extension logs out on 401").isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isNotBlank();
    }

    /** Main.vue getUserOptions then createCustomAlias: options v4 and mailboxes, then the first suffix, signed, back. */
    @Test
    void customAliasFromTheOfferedSuffix() {
        JsonNode options = options();
        assertThat(options.get("can_create").asBoolean()).isTrue();
        assertThat(options.get("prefix_suggestion").asText()).isEqualTo("shop");
        JsonNode suffix = options.get("suffixes").get(0);
        assertThat(suffix.get(0).asText()).matches("\\.[a-z2-7]{4}@mask\\.test");
        JsonNode mailboxes = masq.send("GET", "/api/mailboxes", auth(), null).json().get("mailboxes");
        assertThat(mailboxes.get(0).get("email").asText()).isEqualTo("person@inbox.test");
        assertThat(mailboxes.get(0).get("id").asText()).isNotBlank();

        TestMasq.Reply created = masq.send("POST", "/api/v2/alias/custom/new?hostname=" + HOSTNAME, auth(),
                body(Map.of("alias_prefix", "shop", "signed_suffix", suffix.get(1).asText(), "note", "Used on " + HOSTNAME)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String address = created.json().get("alias").asText();
        assertThat(address).isEqualTo("shop" + suffix.get(0).asText());

        // The next visit to the site recommends the alias made there.
        assertThat(options().get("recommendation").get("alias").asText()).isEqualTo(address);
        // The same offer taken twice is the same address: 409, which the extension shows as "already chosen".
        TestMasq.Reply again = masq.send("POST", "/api/v2/alias/custom/new?hostname=" + HOSTNAME, auth(),
                body(Map.of("alias_prefix", "shop", "signed_suffix", suffix.get(1).asText())));
        assertThat(again.status()).isEqualTo(409);
    }

    /** The suffix is the server's offer: a changed domain, a changed suffix or another user's offer is refused. */
    @Test
    void aSuffixThatWasNotOfferedIsRefused() {
        String signed = options().get("suffixes").get(0).get(1).asText();
        String otherDomain = signed.replace("@mask.test", "@elsewhere.test");
        String otherUser = masq.userWithKey("someone@inbox.test");
        for (TestMasq.Reply refused : List.of(
                masq.send("POST", "/api/v3/alias/custom/new", auth(), body(Map.of("alias_prefix", "x1", "signed_suffix", otherDomain))),
                masq.send("POST", "/api/v3/alias/custom/new", auth(), body(Map.of("alias_prefix", "x1", "signed_suffix", ".abcd@mask.test"))),
                masq.send("POST", "/api/v3/alias/custom/new", Map.of("Authentication", otherUser),
                        body(Map.of("alias_prefix", "x1", "signed_suffix", signed))))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).contains("Tampered suffix");
        }
    }

    /** v3 (SimpleLogin's apps) with mailbox_ids and name, and the v5 options it reads them from. */
    @Test
    void v3CreateTakesInboxesAndName() {
        JsonNode suffix = masq.send("GET", "/api/v5/alias/options", auth(), null).json().get("suffixes").get(0);
        String inbox = masq.send("GET", "/api/v2/mailboxes", auth(), null).json().get("mailboxes").get(0).get("id").asText();
        TestMasq.Reply created = masq.send("POST", "/api/v3/alias/custom/new", auth(), body(Map.of("alias_prefix", "news",
                "signed_suffix", suffix.get("signed_suffix").asText(), "mailbox_ids", List.of(inbox), "name", "Jo")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("alias").asText()).isEqualTo("news" + suffix.get("suffix").asText());
        assertThat(created.json().get("name").asText()).isEqualTo("Jo");
        assertThat(created.json().get("mailboxes").get(0).get("id").asText()).isEqualTo(inbox);
    }

    /**
     * Main.vue createRandomAlias, loadAlias/fetchAlias (POST with {@code query}), toggleAlias; AliasMoreOptions.vue
     * handleClickSave and deleteAlias.
     */
    @Test
    void randomAliasListedToggledEditedAndDeleted() {
        TestMasq.Reply created = masq.send("POST", "/api/alias/random/new?hostname=", auth(), body(Map.of("note", "")));
        assertThat(created.status()).isEqualTo(201);
        String address = created.json().get("alias").asText();
        String local = address.substring(0, address.indexOf('@'));

        JsonNode listed = find(masq.send("POST", "/api/v2/aliases?page_id=0", auth(), body(Map.of("query", local))), address);
        assertThat(listed.get("enabled").asBoolean()).isTrue();
        for (String field : List.of("nb_forward", "nb_reply", "nb_block")) {
            assertThat(listed.get(field).asLong()).isZero();
        }
        String id = listed.get("id").asText();

        TestMasq.Reply off = masq.send("POST", "/api/aliases/" + id + "/toggle", auth(), "{}");
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(masq.aliases().get(masq.accounts().findByEmail("person@inbox.test").orElseThrow().id(), id).state().wire())
                .isEqualTo("paused");
        assertThat(masq.send("POST", "/api/aliases/" + id + "/toggle", auth(), "{}").json().get("enabled").asBoolean()).isTrue();

        String inbox = listed.get("mailboxes").get(0).get("id").asText();
        TestMasq.Reply saved = masq.send("PUT", "/api/aliases/" + id, auth(), body(Map.of("note", "newsletter", "name", "Jo",
                "disable_pgp", false, "mailbox_ids", List.of(inbox))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode edited = masq.send("GET", "/api/aliases/" + id, auth(), null).json();
        assertThat(edited.get("note").asText()).isEqualTo("newsletter");
        assertThat(edited.get("name").asText()).isEqualTo("Jo");

        TestMasq.Reply deleted = masq.send("DELETE", "/api/aliases/" + id, auth(), null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(masq.send("GET", "/api/aliases/" + id, auth(), null).status()).isEqualTo(404);
    }

    /** Pages of 20 from page_id 0; the extension stops scrolling at an empty page. */
    @Test
    void aliasesComeInPagesOfTwenty() {
        String pager = masq.userWithKey("pager@inbox.test");
        for (int i = 0; i < 25; i++) {
            masq.send("POST", "/api/alias/random/new", Map.of("Authentication", pager), "{}");
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            masq.send("POST", "/api/v2/aliases?page_id=" + page, Map.of("Authentication", pager), body(Map.of("query", "")))
                    .json().get("aliases").forEach(a -> seen.add(a.get("id").asText()));
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(masq.send("GET", "/api/v2/aliases?page_id=1", Map.of("Authentication", pager), null).json()
                .get("aliases")).hasSize(5);
    }

    /** ReverseAlias.vue createReverseAlias: POST {contact}, reads reverse_alias and existed. */
    @Test
    void contactGivesTheReverseAliasToWriteTo() {
        String id = masq.send("POST", "/api/alias/random/new", auth(), "{}").json().get("id").asText();
        TestMasq.Reply first = masq.send("POST", "/api/aliases/" + id + "/contacts", auth(), body(Map.of("contact", "shop@vendor.test")));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("existed").asBoolean()).isFalse();
        String reverse = first.json().get("reverse_alias_address").asText();
        assertThat(first.json().get("reverse_alias").asText()).isEqualTo("\"shop at vendor.test\" <" + reverse + ">");

        TestMasq.Reply second = masq.send("POST", "/api/aliases/" + id + "/contacts", auth(), body(Map.of("contact", "shop@vendor.test")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("existed").asBoolean()).isTrue();
        assertThat(masq.send("GET", "/api/aliases/" + id + "/contacts?page_id=0", auth(), null).json().get("contacts").get(0)
                .get("contact").asText()).isEqualTo("shop@vendor.test");
    }

    /** Login.vue login: the password is refused with the 403 on which the extension says to use an API key. */
    @Test
    void passwordLoginIsRefusedWithWordsToPasteAKey() {
        TestMasq.Reply login = masq.send("POST", "/api/auth/login", Map.of(),
                body(Map.of("email", "person@inbox.test", "password", TestMasq.PASSWORD, "device", "Firefox (Linux x86_64)")));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("error").asText()).contains("API key");
        assertThat(login.json().has("api_key")).isFalse();
    }

    /** AppSettings.vue handleLogout, then background/index.js handleExtensionSetup's second key. */
    @Test
    void logoutAndASecondKey() {
        assertThat(masq.send("GET", "/api/logout", auth(), null).status()).isEqualTo(200);
        TestMasq.Reply minted = masq.send("POST", "/api/api_key", auth(), body(Map.of("device", "Chrome (Linux x86_64)")));
        assertThat(minted.status()).isEqualTo(201);
        String second = minted.json().get("api_key").asText();
        assertThat(masq.send("GET", "/api/user_info", Map.of("Authentication", second), null).status()).isEqualTo(200);
        // The web session cookie SimpleLogin also takes here is not a key: without one there is nothing to mint from.
        assertThat(masq.send("POST", "/api/api_key", Map.of("X-Sl-Allowcookies", "true"), "{}").status()).isEqualTo(401);
    }

    /**
     * The calls SimpleLogin's apps make beyond the extension's, as SimpleLogin documents them for its clients
     * (docs/api.md of github.com/simple-login/app): PATCH of an alias, its activities, the settings and their domains.
     */
    @Test
    void theAppsCallsPatchActivitiesAndSettings() {
        String id = masq.send("POST", "/api/alias/random/new", auth(), "{}").json().get("id").asText();
        assertThat(masq.send("PATCH", "/api/aliases/" + id, auth(), body(Map.of("note", "from the app"))).status()).isEqualTo(200);
        assertThat(masq.send("GET", "/api/aliases/" + id, auth(), null).json().get("note").asText()).isEqualTo("from the app");

        Instant now = Instant.now();
        masq.db().writeVoid(ctx -> {
            masq.eventRepository().record(ctx, id, "forwarded", "news@vendor.test", null, now);
            masq.eventRepository().record(ctx, id, "replied", "news@vendor.test", null, now.plusSeconds(1));
        });
        JsonNode activities = masq.send("GET", "/api/aliases/" + id + "/activities?page_id=0", auth(), null).json().get("activities");
        assertThat(activities).extracting(a -> a.get("action").asText()).containsExactly("reply", "forward");
        assertThat(activities.get(1).get("from").asText()).isEqualTo("news@vendor.test");

        JsonNode setting = masq.send("GET", "/api/setting", auth(), null).json();
        assertThat(setting.get("random_alias_default_domain").asText()).isEqualTo("mask.test");
        assertThat(masq.send("GET", "/api/v2/setting/domains", auth(), null).json()).extracting(d -> d.get("domain").asText())
                .containsExactly("mask.test", "other.test");
    }

    private JsonNode options() {
        TestMasq.Reply reply = masq.send("GET", "/api/v4/alias/options?hostname=" + URLEncoder.encode(HOSTNAME, StandardCharsets.UTF_8),
                auth(), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode find(TestMasq.Reply list, String address) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode alias : list.json().get("aliases")) {
            if (alias.get("email").asText().equals(address)) {
                return alias;
            }
        }
        throw new AssertionError(address + " not listed: " + list);
    }

    private Map<String, String> auth() {
        return Map.of("Authentication", key);
    }

    private static String body(Map<String, ?> fields) {
        try {
            return TestMasq.JSON.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
