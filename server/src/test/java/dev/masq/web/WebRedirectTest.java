package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.NewAlias;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** After a form, the browser is sent back to a page of this site, never to another one (no open redirect). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebRedirectTest {
    // Browsers read "/\" as "//" and drop tabs and line breaks, so each of these would leave the site.
    static final List<String> ELSEWHERE = List.of("//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
            "https://evil.example");

    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String userId = masq.user("owner@inbox.test", false);

    @Test
    void reauthenticationGoesBackOnlyToAPathOfThisSite() throws Exception {
        FormClient client = signedIn();
        for (String next : ELSEWHERE) {
            String csrf = FormClient.csrf(client.get("/reauth"));
            HttpResponse<String> reply = client.post("/reauth?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    Map.of("_csrf", csrf, "password", PASSWORD));
            assertThat(reply.statusCode()).isEqualTo(303);
            assertThat(reply.headers().firstValue("Location")).as(next).hasValue("/security");
        }
        String csrf = FormClient.csrf(client.get("/reauth"));
        assertThat(client.post("/reauth?next=%2Fsettings", Map.of("_csrf", csrf, "password", PASSWORD)).headers().firstValue("Location"))
                .hasValue("/settings");
    }

    @Test
    void anAliasActionGoesBackOnlyToAPathOfThisSite() throws Exception {
        FormClient client = signedIn();
        String id = masq.aliases().create(userId, new NewAlias(null, null, null, "Shop", null, null)).id();
        for (String back : ELSEWHERE) {
            String csrf = FormClient.csrf(client.get("/aliases/" + id));
            HttpResponse<String> reply = client.post("/aliases/" + id + "/pause", Map.of("_csrf", csrf, "back", back));
            assertThat(reply.statusCode()).isEqualTo(303);
            assertThat(reply.headers().firstValue("Location")).as(back).hasValue("/aliases/" + id);
        }
    }

    private FormClient signedIn() throws Exception {
        FormClient client = new FormClient(masq.base(),
                HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "owner@inbox.test", "password", PASSWORD));
        return client;
    }
}
