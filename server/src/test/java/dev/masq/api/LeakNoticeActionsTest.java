package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.TestMasq;
import dev.masq.leak.ActionLinks;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.LeakEvidence;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one leak notice, delivered to a real downstream SMTP server, and the links in it. */
class LeakNoticeActionsTest {
    static final Pattern LINK = Pattern.compile("https?://\\S+(/actions/\\S+)");
    static final String INBOX = "person@inbox.test";

    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;
    String key;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_RELAY", inbox.hostPort(), "MASQ_DELIVERY_STARTTLS", "false"));
        key = masq.userWithKey(INBOX);
    }

    @Test
    void oneNoticeWithBothLinksAndTheBurnLinkBurnsAndReplacesOnce() {
        String id = create("{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}");
        String address = alias(id).get("address").asText();
        Instant start = Instant.now().minusSeconds(3 * 86_400);
        LeakEvidence.leak(masq, id, start);
        assertThat(LeakEvidence.receive(masq, id, "fourth-one.org", Instant.now())).isFalse();
        boolean again = masq.db().write(tx -> masq.leakNotices().enqueue(tx, id, Instant.now()));
        assertThat(again).as("a second call queues nothing").isFalse();

        DownstreamSmtpServer.Received notice = await().until(inbox::received, r -> !r.isEmpty()).getFirst();
        assertThat(notice.mailFrom()).isEmpty();
        assertThat(notice.recipients()).containsExactly(INBOX);
        assertThat(notice.readable()).contains("Subject: masq: the address you gave to OpenAI has leaked", address,
                "pharmacy-online.net", "Burn this alias and get a new one:", "Keep it and dismiss this warning:");
        String burn = link(notice.readable(), 0);
        String dismiss = link(notice.readable(), 1);
        assertThat(burn).isNotEqualTo(dismiss);

        TestMasq.Reply page = masq.send("GET", burn, Map.of(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.response().body()).contains("<form method=\"post\" action=\"" + burn + "\">", address);
        assertThat(masq.send("GET", burn, Map.of(), null).status()).isEqualTo(200);
        assertThat(alias(id).get("state").asText()).as("a GET changes nothing").isEqualTo("active");

        TestMasq.Reply burned = masq.send("POST", burn, Map.of(), null);
        assertThat(burned.status()).isEqualTo(200);
        TestMasq.Reply after = masq.call(key, "GET", "/api/v1/aliases/" + id, null);
        assertThat(after.json().get("state").asText()).isEqualTo("burned");
        String replacement = after.json().get("replaced_by").asText();
        String newAddress = alias(replacement).get("address").asText();
        assertThat(alias(replacement).get("vendor").asText()).isEqualTo("OpenAI");
        assertThat(burned.response().body()).contains(newAddress);

        assertThat(masq.send("POST", burn, Map.of(), null).status()).as("single use").isEqualTo(410);
        assertThat(masq.send("GET", burn, Map.of(), null).status()).isEqualTo(410);
        assertThat(masq.send("POST", dismiss, Map.of(), null).status()).isEqualTo(409);
        // Nothing left in the queue: the one notice is all the inbox will ever get.
        await().until(() -> masq.db().read(masq.deliveryQueue()::size) == 0);
        assertThat(inbox.received()).hasSize(1);
    }

    @Test
    void dismissingHoldsUntilTheAliasLeaksAgainAndThePageEscapesWhatItShows() {
        String id = create("{\"vendor\":\"Shop <script>alert(1)</script>\",\"site\":\"shop.com\"}");
        LeakEvidence.leak(masq, id, Instant.now().minusSeconds(3 * 86_400));
        String notice = await().until(inbox::received, r -> r.size() == 1).getFirst().readable();
        String dismiss = link(notice, 1);

        String page = masq.send("GET", dismiss, Map.of(), null).response().body();
        assertThat(page).doesNotContain("<script>").contains("Dismiss");
        assertThat(masq.send("POST", dismiss, Map.of(), null).status()).isEqualTo(200);
        assertThat(alias(id).get("leak").get("status").asText()).as("the status stays").isEqualTo("leaked");
        boolean afterDismiss = masq.db().write(tx -> masq.leakNotices().enqueue(tx, id, Instant.now()));
        assertThat(afterDismiss).isFalse();

        masq.call(key, "POST", "/api/v1/aliases/" + id + "/vendor-domains", "{\"domain\":\"deals-daily.com\"}");
        assertThat(alias(id).get("leak").get("status").asText()).isEqualTo("suspected");
        assertThat(LeakEvidence.receive(masq, id, "fourth-one.org", Instant.now())).isTrue();
        await().until(() -> inbox.received().size() == 2);
    }

    @Test
    void anExpiredOrTamperedLinkDoesNothing() {
        String id = create("{\"vendor\":\"Shop\",\"site\":\"shop.com\"}");
        ActionLinks links = new ActionLinks(masq.secrets(), "http://masq.test");
        String expired = path(links.link(ActionLinks.Action.BURN, id, Instant.now().minus(Duration.ofDays(15))));
        assertThat(masq.send("GET", expired, Map.of(), null).status()).isEqualTo(410);
        assertThat(masq.send("POST", expired, Map.of(), null).status()).isEqualTo(410);

        String valid = path(links.link(ActionLinks.Action.BURN, id, Instant.now()));
        int dot = valid.indexOf('.');
        char c = valid.charAt(dot + 3);
        String tampered = valid.substring(0, dot + 3) + (c == 'A' ? 'B' : 'A') + valid.substring(dot + 4);
        assertThat(masq.send("POST", tampered, Map.of(), null).status()).isEqualTo(404);
        String otherAlias = valid.replaceFirst("/actions/[^.]+", "/actions/" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1|burn|al_other|" + Instant.now().plusSeconds(60).getEpochSecond() + "|x").getBytes()));
        assertThat(masq.send("POST", otherAlias, Map.of(), null).status()).isEqualTo(404);
        assertThat(masq.send("POST", "/actions/garbage", Map.of(), null).status()).isEqualTo(404);
        assertThat(alias(id).get("state").asText()).isEqualTo("active");
    }

    private String create(String body) {
        return masq.call(key, "POST", "/api/v1/aliases", body).json().get("id").asText();
    }

    private com.fasterxml.jackson.databind.JsonNode alias(String id) {
        return masq.call(key, "GET", "/api/v1/aliases/" + id, null).json();
    }

    /** The path of the {@code n}th action link in the notice (the base URL of a test server is no real one). */
    private static String link(String text, int n) {
        Matcher m = LINK.matcher(text);
        for (int i = 0; i <= n; i++) {
            assertThat(m.find()).as("link " + i + " in " + text).isTrue();
        }
        return m.group(1);
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/actions/"));
    }
}
