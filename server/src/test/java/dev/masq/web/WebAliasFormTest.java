package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.AliasQuery;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard's create form refuses what the API refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAliasFormTest {
    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String userId = masq.user("person@inbox.test", false);

    @Test
    void anUnknownAddressModeIsRefusedNextToTheFormAndCreatesNothing() throws Exception {
        FormClient client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "person@inbox.test", "password", PASSWORD));
        String token = FormClient.csrf(client.get("/"));

        HttpResponse<String> refused = client.post("/aliases", Map.of("vendor", "Shop", "mode", "bogus", "_csrf", token));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-error\"").contains("mode is one of words, random, custom");
        assertThat(masq.aliases().list(userId, new AliasQuery(null, null, null, 10)).items()).isEmpty();
    }

    @Test
    void aSiteUnderAnUnlistedOrInternationalisedDomainIsTakenAndGarbageRefusedNextToTheField() throws Exception {
        FormClient client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "person@inbox.test", "password", PASSWORD));
        String token = FormClient.csrf(client.get("/"));

        for (String site : List.of("shop.test", "https://login.vendor.internal/", "ma\u00f1ana.com")) {
            assertThat(client.post("/aliases", Map.of("vendor", "Shop", "site", site, "mode", "random", "_csrf", token))
                    .statusCode()).as(site).isIn(200, 302, 303);
        }
        HttpResponse<String> refused = client.post("/aliases", Map.of("vendor", "Shop", "site", "not a site!", "mode", "random",
                "_csrf", token));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("not a site or domain name");
        assertThat(masq.aliases().list(userId, new AliasQuery(null, null, null, 10)).items())
                .extracting(a -> a.vendorDomains().getFirst().domain()).containsExactlyInAnyOrder("shop.test", "vendor.internal", "xn--maana-pta.com");
    }
}
