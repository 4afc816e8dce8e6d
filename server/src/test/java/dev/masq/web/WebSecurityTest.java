package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** CSRF, cookies and login throttling, seen by a plain HTTP client (no browser needed to forge a request). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSecurityTest {

    @AutoClose
    TestMasq masq;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = TestMasq.startEmpty(dir, Map.of());
        String id = masq.user("person@inbox.test", false);
    }

    @Test
    @Order(1)
    void aPostWithoutTheCsrfTokenIsRefusedEvenWithAValidSession() throws Exception {
        FormClient client = new FormClient(masq.base());
        assertThat(client.post("/login", Map.of("email", "person@inbox.test", "password", PASSWORD)).statusCode()).isEqualTo(403);

        String token = FormClient.csrf(client.get("/login"));
        HttpResponse<String> signedIn = client.post("/login", Map.of("_csrf", token, "email", "person@inbox.test", "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/");

        assertThat(client.post("/aliases", Map.of("vendor", "forged")).statusCode()).isEqualTo(403);
        assertThat(client.post("/aliases", Map.of("vendor", "forged", "_csrf", token)).statusCode())
                .as("the token from before sign-in is bound to the anonymous visit, not the session").isEqualTo(403);
        String sessionToken = FormClient.csrf(client.get("/"));
        HttpResponse<String> created = client.post("/aliases", Map.of("vendor", "real", "_csrf", sessionToken));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("New alias for real");
    }

    @Test
    @Order(2)
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> form = new FormClient(masq.base(), client).get("/login");
        String pre = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(pre).contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(masq.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", pre.substring(0, pre.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=person%40inbox.test&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + FormClient.csrf(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("masq=")).findFirst().orElseThrow();
        // Plain HTTP here; behind an https MASQ_BASE_URL the cookie is __Host-masq and Secure.
        assertThat(session).matches("masq=ms_[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    @Order(3)
    void exportHoldsTheAliasesAndDeletingTheAccountNeedsThePasswordAgain() throws Exception {
        String id = masq.user("leaving@inbox.test", false);
        var alias = masq.aliases().create(id, new dev.masq.alias.NewAlias(null, null, null, "Old Shop", null, null));
        FormClient client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "leaving@inbox.test", "password", PASSWORD));

        HttpResponse<String> export = client.get("/settings/export");
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(export.body()).contains(alias.address()).contains("Old Shop").contains("leaving@inbox.test");

        String token = FormClient.csrf(client.get("/settings"));
        HttpResponse<String> asked = client.post("/settings/delete", Map.of("_csrf", token, "confirm", "leaving@inbox.test", "back", "/settings"));
        assertThat(asked.uri().getPath()).isEqualTo("/reauth");
        client.post("/reauth?next=/settings", Map.of("_csrf", token, "password", PASSWORD));
        HttpResponse<String> deleted = client.post("/settings/delete", Map.of("_csrf", token, "confirm", "leaving@inbox.test"));
        assertThat(deleted.uri().getPath()).isEqualTo("/login");
        assertThat(masq.accounts().findByEmail("leaving@inbox.test")).isEmpty();
        boolean taken = masq.db().read(ctx -> masq.aliasRepository().addressTaken(ctx, alias.address()));
        assertThat(taken).as("a deleted account's addresses are never reissued").isTrue();
    }

    @Test
    @Order(4)
    void wrongPasswordsAreThrottledPerAccountWithTheSameAnswerForUnknownAccounts() throws Exception {
        FormClient client = new FormClient(masq.base());
        String token = FormClient.csrf(client.get("/login"));
        HttpResponse<String> unknown = client.post("/login", Map.of("_csrf", token, "email", "nobody@inbox.test", "password", "wrong password!"));
        HttpResponse<String> wrong = client.post("/login", Map.of("_csrf", token, "email", "person@inbox.test", "password", "wrong password!"));
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(errorOf(unknown)).isEqualTo(errorOf(wrong)).isEqualTo("Wrong email or password.");

        HttpResponse<String> last = wrong;
        for (int i = 0; i < 10 && last.statusCode() != 429; i++) {
            last = client.post("/login", Map.of("_csrf", token, "email", "person@inbox.test", "password", "wrong password!"));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // Even the right password waits now: a guesser cannot tell when it hit.
        assertThat(client.post("/login", Map.of("_csrf", token, "email", "person@inbox.test", "password", PASSWORD)).statusCode())
                .isEqualTo(429);
    }

    @Test
    @Order(5)
    void oneClientAddressTryingManyAccountsIsThrottledToo() throws Exception {
        FormClient client = new FormClient(masq.base());
        String token = FormClient.csrf(client.get("/login"));
        int status = 0;
        for (int i = 0; i < 60 && status != 429; i++) {
            status = client.post("/login", Map.of("_csrf", token, "email", "guess" + i + "@inbox.test", "password", "wrong password!"))
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    private static String errorOf(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"form-error\">([^<]*)<").matcher(page.body());
        return m.find() ? m.group(1) : null;
    }
}
