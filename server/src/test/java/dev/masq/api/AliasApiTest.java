package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasApiTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String key = masq.userWithKey("person@inbox.test");

    @Test
    void createsAnAliasInEachModeAndReadsItBack() {
        TestMasq.Reply words = create("{\"mode\":\"words\"}");
        assertThat(words.status()).isEqualTo(201);
        assertThat(words.header("Content-Type")).startsWith("application/json");
        assertThat(words.json().get("address").asText()).matches("[a-z]+\\.[a-z]+\\d{3}@mask\\.test");
        assertThat(words.header("Location")).isEqualTo("/api/v1/aliases/" + words.json().get("id").asText());

        TestMasq.Reply random = create("{\"mode\":\"random\",\"domain\":\"other.test\"}");
        assertThat(random.json().get("address").asText()).matches("[a-z2-7]{12}@other\\.test");

        TestMasq.Reply custom = create("{\"mode\":\"custom\",\"local_part\":\"Shop.2026\",\"note\":\"for the shop\"}");
        assertThat(custom.json().get("address").asText()).isEqualTo("shop.2026@mask.test");

        JsonNode read = masq.call(key, "GET", custom.header("Location"), null).json();
        assertThat(read).isEqualTo(custom.json());
        assertThat(read.get("note").asText()).isEqualTo("for the shop");
        assertThat(read.get("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(read.get("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(read.get("forwarded").asLong()).isZero();
        assertThat(read.get("blocked").asLong()).isZero();
        assertThat(read.get("last_received_at").isNull()).isTrue();
        assertThat(read.get("replaced_by").isNull()).isTrue();
        assertThat(read.get("burned_at").isNull()).isTrue();
    }

    @Test
    void aSiteBecomesItsRegistrableDomainAndEveryAliasStartsClean() {
        JsonNode alias = create("{\"site\":\"https://platform.openai.com/x\"}").json();
        assertThat(alias.get("vendor").asText()).isEqualTo("openai.com");
        assertThat(strings(alias.get("vendor_domains"))).containsExactly("openai.com");
        assertThat(strings(alias.get("learned_domains"))).isEmpty();
        assertThat(alias.get("leak").get("status").asText()).isEqualTo("clean");
        assertThat(alias.get("leak").get("since").isNull()).isTrue();
        assertThat(strings(alias.get("leak").get("foreign_domains"))).isEmpty();
    }

    @Test
    void aSiteUnderAnUnlistedTopLevelDomainFallsUnderThePublicSuffixDefaultRule() {
        assertThat(strings(create("{\"site\":\"shop.test\"}").json().get("vendor_domains"))).containsExactly("shop.test");
        assertThat(strings(create("{\"site\":\"https://a.b.vendor.internal/x\"}").json().get("vendor_domains")))
                .containsExactly("vendor.internal");
        for (String notASite : List.of("internal", "co.uk", "https://192.168.1.1/", "http://[::1]/", "bad_label.test")) {
            TestMasq.Reply refused = create("{\"site\":\"" + notASite + "\"}");
            assertThat(refused.status()).as(notASite).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("site");
        }
    }

    @Test
    void anInternationalisedSiteIsTakenInItsALabelForm() {
        assertThat(strings(create("{\"site\":\"ma\u00f1ana.com\"}").json().get("vendor_domains"))).containsExactly("xn--maana-pta.com");
        assertThat(strings(create("{\"site\":\"https://www.Ma\u00f1ana.com/pan?x=1\"}").json().get("vendor_domains")))
                .containsExactly("xn--maana-pta.com");
        assertThat(strings(create("{\"site\":\"\u65e5\u672c.example\"}").json().get("vendor_domains"))).containsExactly("xn--wgv71a.example");
        for (String notASite : List.of("ex\u00e4mple..org", "bad_l\u00e4bel.test")) {
            assertThat(create("{\"site\":\"" + notASite + "\"}").status()).as(notASite).isEqualTo(422);
        }
    }

    @Test
    void idsAreOpaqueNotSequential() {
        String first = create("{}").json().get("id").asText();
        String second = create("{}").json().get("id").asText();
        assertThat(first).matches("al_[a-z2-7]{16}").isNotEqualTo(second);
        assertThat(first.substring(3)).doesNotContainPattern("^\\d+$");
    }

    @Test
    void listsFilteredByStateAndTextAcrossCursorPages() {
        String own = masq.userWithKey("lister@inbox.test");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(masq.call(own, "POST", "/api/v1/aliases", "{\"vendor\":\"Vendor " + i + "\"}").json().get("id").asText());
        }
        masq.call(own, "POST", "/api/v1/aliases/" + ids.get(1) + "/pause", null);

        JsonNode paused = masq.call(own, "GET", "/api/v1/aliases?state=paused", null).json();
        assertThat(paused.get("data")).hasSize(1);
        assertThat(paused.get("data").get(0).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(paused.get("next_cursor").isNull()).isTrue();

        JsonNode found = masq.call(own, "GET", "/api/v1/aliases?q=vendor%203", null).json();
        assertThat(found.get("data")).extracting(a -> a.get("id").asText()).containsExactly(ids.get(3));

        List<String> seen = new ArrayList<>();
        String path = "/api/v1/aliases?limit=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = masq.call(own, "GET", path, null).json();
            page.get("data").forEach(a -> seen.add(a.get("id").asText()));
            pages++;
            JsonNode next = page.get("next_cursor");
            path = next.isNull() ? null : "/api/v1/aliases?limit=2&cursor=" + next.asText();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids.reversed());

        JsonNode oldest = masq.call(own, "GET", "/api/v1/aliases?sort=oldest", null).json();
        assertThat(oldest.get("data")).extracting(a -> a.get("id").asText()).containsExactlyElementsOf(ids);
        String newestCursor = masq.call(own, "GET", "/api/v1/aliases?limit=2", null).json().get("next_cursor").asText();
        assertThat(masq.call(own, "GET", "/api/v1/aliases?sort=oldest&cursor=" + newestCursor, null).status()).isEqualTo(422);
        assertThat(masq.call(own, "GET", "/api/v1/aliases?sort=sideways", null).status()).isEqualTo(422);
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        String id = create("{\"vendor\":\"Shop\",\"note\":\"old\"}").json().get("id").asText();
        JsonNode patched = masq.call(key, "PATCH", "/api/v1/aliases/" + id,
                "{\"note\":\"new note\",\"vendor_domains\":[\"https://mail.shop.co.uk/x\",\"shop.io\"]}").json();
        assertThat(patched.get("note").asText()).isEqualTo("new note");
        assertThat(patched.get("vendor").asText()).isEqualTo("Shop");
        assertThat(strings(patched.get("vendor_domains"))).containsExactlyInAnyOrder("shop.co.uk", "shop.io");

        JsonNode cleared = masq.call(key, "PATCH", "/api/v1/aliases/" + id, "{\"note\":null}").json();
        assertThat(cleared.get("note").isNull()).isTrue();
        assertThat(cleared.get("vendor").asText()).isEqualTo("Shop");
    }

    @Test
    void pausesAndResumes() {
        String id = create("{}").json().get("id").asText();
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/pause", null).json().get("state").asText()).isEqualTo("paused");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/resume", null).json().get("state").asText()).isEqualTo("active");
    }

    @Test
    void burningWithReplaceReturnsTheSuccessor() {
        String id = create("{\"vendor\":\"Leaky\",\"site\":\"leaky.com\"}").json().get("id").asText();
        TestMasq.Reply burn = masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":true,\"reason\":\"spam\"}");
        assertThat(burn.status()).isEqualTo(200);
        JsonNode burned = burn.json().get("burned");
        JsonNode replacement = burn.json().get("replacement");
        assertThat(burned.get("state").asText()).isEqualTo("burned");
        assertThat(burned.get("burned_at").isNull()).isFalse();
        assertThat(burned.get("replaced_by").asText()).isEqualTo(replacement.get("id").asText());
        assertThat(replacement.get("state").asText()).isEqualTo("active");
        assertThat(replacement.get("vendor").asText()).isEqualTo("Leaky");
        assertThat(replacement.get("address").asText()).isNotEqualTo(burned.get("address").asText());

        TestMasq.Reply again = masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", null);
        assertThat(again.status()).isEqualTo(409);
        TestMasq.Reply plain = masq.call(key, "POST", "/api/v1/aliases/" + replacement.get("id").asText() + "/burn", "{}");
        assertThat(plain.json().get("replacement").isNull()).isTrue();
    }

    @Test
    void deletingLeavesATombstoneSoTheAddressIsNeverReissued() {
        String id = create("{\"mode\":\"custom\",\"local_part\":\"once-only\"}").json().get("id").asText();
        TestMasq.Reply deleted = masq.call(key, "DELETE", "/api/v1/aliases/" + id, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.response().body()).isEmpty();
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id, null).status()).isEqualTo(404);

        TestMasq.Reply reuse = create("{\"mode\":\"custom\",\"local_part\":\"once-only\"}");
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.json().get("errors").get(0).get("field").asText()).isEqualTo("local_part");
    }

    @Test
    void eventsTellTheAliasHistoryNewestFirst() {
        String id = create("{}").json().get("id").asText();
        masq.call(key, "POST", "/api/v1/aliases/" + id + "/pause", null);
        masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"reason\":\"sold\"}");

        JsonNode events = masq.call(key, "GET", "/api/v1/aliases/" + id + "/events", null).json().get("data");
        assertThat(events).extracting(e -> e.get("kind").asText()).containsExactly("burned", "paused", "created");
        JsonNode burned = events.get(0);
        assertThat(burned.get("id").asText()).startsWith("ev_");
        assertThat(burned.get("detail").asText()).isEqualTo("sold");
        assertThat(Instant.parse(burned.get("created_at").asText())).isNotNull();
        assertThat(burned.has("sender")).isTrue();
        assertThat(burned.has("sender_domain")).isTrue();
    }

    @Test
    void leaksListsNothingUntilLeakClassificationExists() {
        create("{}");
        JsonNode leaks = masq.call(key, "GET", "/api/v1/leaks", null).json();
        assertThat(leaks.get("data")).isEmpty();
    }

    private TestMasq.Reply create(String body) {
        return masq.call(key, "POST", "/api/v1/aliases", body);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
