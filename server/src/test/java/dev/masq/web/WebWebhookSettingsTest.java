package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The webhook section of the settings page, driven by a plain HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebWebhookSettingsTest {
    static final String PASSWORD = "correct horse battery staple";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SECRET = Pattern.compile("id=\"webhook-secret\">([^<]+)<");

    WebApp masq;
    String userId;

    @BeforeAll
    void start(@TempDir Path dir) {
        masq = new WebApp(dir, Map.of());
        userId = masq.app.services.accounts.addUser("hooked@inbox.test", false).id();
        masq.app.services.signIn.changePassword(userId, PASSWORD);
    }

    @AfterAll
    void stop() {
        masq.close();
    }

    @Test
    void setShowsTheSecretOnceRefusesBadUrlsAndRemoves() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        post(client, "/login", Map.of("_csrf", csrf(get(client, "/login")), "email", "hooked@inbox.test", "password", PASSWORD));
        HttpResponse<String> settings = get(client, "/settings");
        assertThat(settings.body()).contains("id=\"set-webhook\"").doesNotContain("id=\"remove-webhook\"");
        String token = csrf(settings);

        HttpResponse<String> local = post(client, "/settings/webhook", Map.of("_csrf", token, "url", "http://127.0.0.1/hook"));
        assertThat(local.statusCode()).isEqualTo(422);
        assertThat(local.body()).contains("id=\"webhook-error\"").contains("private or local address")
                .contains("value=\"http://127.0.0.1/hook\"");
        HttpResponse<String> garbage = post(client, "/settings/webhook", Map.of("_csrf", token, "url", "ftp://files.example/x"));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("id=\"webhook-error\"");
        assertThat(masq.app.services.webhooks.get(userId)).isEmpty();

        HttpResponse<String> saved = post(client, "/settings/webhook", Map.of("_csrf", token, "url", "https://93.184.215.14/hook"));
        assertThat(saved.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(saved.body());
        assertThat(secret.find()).isTrue();
        assertThat(secret.group(1)).startsWith("whsec");
        assertThat(masq.app.services.webhooks.get(userId)).get()
                .extracting(r -> r.url()).isEqualTo("https://93.184.215.14/hook");

        HttpResponse<String> later = get(client, "/settings");
        assertThat(later.body()).contains("id=\"webhook-url\">https://93.184.215.14/hook<")
                .doesNotContain(secret.group(1)).contains("id=\"remove-webhook\"");

        HttpResponse<String> removed = post(client, "/settings/webhook/remove", Map.of("_csrf", csrf(later)));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("Webhook removed").doesNotContain("id=\"webhook-url\"");
        assertThat(masq.app.services.webhooks.get(userId)).isEmpty();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(masq.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(masq.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.body()).isTrue();
        return m.group(1);
    }
}
