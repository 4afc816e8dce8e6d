package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The webhook section of the settings page, driven by a plain HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebWebhookSettingsTest {
    static final Pattern SECRET = Pattern.compile("id=\"webhook-secret\">([^<]+)<");

    @AutoClose
    final TestMasq masq = TestMasq.startEmpty(Map.of());
    final String userId = masq.user("hooked@inbox.test", false);

    @Test
    void setShowsTheSecretOnceRefusesBadUrlsAndRemoves() throws Exception {
        FormClient client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "hooked@inbox.test", "password", PASSWORD));
        HttpResponse<String> settings = client.get("/settings");
        assertThat(settings.body()).contains("id=\"set-webhook\"").doesNotContain("id=\"remove-webhook\"");
        String token = FormClient.csrf(settings);

        HttpResponse<String> local = client.post("/settings/webhook", Map.of("_csrf", token, "url", "http://127.0.0.1/hook"));
        assertThat(local.statusCode()).isEqualTo(422);
        assertThat(local.body()).contains("id=\"webhook-error\"").contains("private or local address")
                .contains("value=\"http://127.0.0.1/hook\"");
        HttpResponse<String> garbage = client.post("/settings/webhook", Map.of("_csrf", token, "url", "ftp://files.example/x"));
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("id=\"webhook-error\"");
        assertThat(masq.webhooks().get(userId)).isEmpty();

        HttpResponse<String> saved = client.post("/settings/webhook", Map.of("_csrf", token, "url", "https://93.184.215.14/hook"));
        assertThat(saved.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(saved.body());
        assertThat(secret.find()).isTrue();
        assertThat(secret.group(1)).startsWith("whsec");
        assertThat(masq.webhooks().get(userId)).get()
                .extracting(r -> r.url()).isEqualTo("https://93.184.215.14/hook");

        HttpResponse<String> later = client.get("/settings");
        assertThat(later.body()).contains("id=\"webhook-url\">https://93.184.215.14/hook<")
                .doesNotContain(secret.group(1)).contains("id=\"remove-webhook\"");

        HttpResponse<String> removed = client.post("/settings/webhook/remove", Map.of("_csrf", FormClient.csrf(later)));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).contains("Webhook removed").doesNotContain("id=\"webhook-url\"");
        assertThat(masq.webhooks().get(userId)).isEmpty();
    }
}
