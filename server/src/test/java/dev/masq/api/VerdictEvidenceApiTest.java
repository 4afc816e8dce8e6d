package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestDns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence that must tell the truth without moving the leak status: the vendor's own mail reported as
 * spam, and who still writes to a burned alias. Mail arrives over the real SMTP port; the answers are
 * read from the API.
 */
class VerdictEvidenceApiTest {
    @TempDir
    Path dir;
    @AutoClose
    TestDns dns;
    @AutoClose
    TestMasq masq;
    String key;

    @BeforeEach
    void start() throws Exception {
        dns = TestDns.start();
        // shop.com publishes SPF for the test client: its mail is the vendor's own.
        dns.txt("shop.com", "v=spf1 ip4:127.0.0.1 -all");
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_DNS", dns.hostPort(), "MASQ_HOSTNAME", "mx.mask.test",
                "MASQ_DELIVERY_CONCURRENCY", "0"));
        key = masq.userWithKey("person@inbox.test");
    }

    @Test
    void aSpamReportOnTheVendorsOwnMailIsVendorSpamNotALeak() {
        String id = create("{\"vendor\":\"Shop\",\"site\":\"shop.com\",\"mode\":\"custom\",\"local_part\":\"shop\"}");
        send("promo@shop.com", "Shop <promo@shop.com>", "Weekly offers", "shop@mask.test");
        String vendorMail = forwarded(id, "expected");

        JsonNode alias = reportSpam(id, vendorMail);
        assertThat(alias.get("vendor_spam").asInt()).isEqualTo(1);
        assertThat(alias.get("leak").get("status").asText()).isEqualTo("clean");
        assertThat(alias.get("leak").get("foreign_domains")).isEmpty();
        assertThat(reportSpam(id, vendorMail).get("vendor_spam").asInt()).as("reported twice counts once").isEqualTo(1);
        assertThat(masq.call(key, "GET", "/api/v1/leaks", null).json().get("data")).isEmpty();

        send("news@deals-daily.com", "Deals <news@deals-daily.com>", "Hot deals", "shop@mask.test");
        alias = reportSpam(id, forwarded(id, "foreign"));
        assertThat(alias.get("leak").get("status").asText()).isEqualTo("leaked");
        assertThat(alias.get("vendor_spam").asInt()).isEqualTo(1);
        JsonNode entry = masq.call(key, "GET", "/api/v1/leaks", null).json().get("data").get(0);
        assertThat(entry.get("spam_reports").asInt()).isEqualTo(1);
        assertThat(entry.get("vendor_spam").asInt()).isEqualTo(1);
    }

    @Test
    void whoStillWritesToABurnedAliasIsCountedByEnvelopeSenderDomain() {
        String id = create("{\"vendor\":\"Shop\",\"site\":\"shop.com\",\"mode\":\"custom\",\"local_part\":\"shop\"}");
        send("news@deals-daily.com", "Deals <news@deals-daily.com>", "Hot deals", "shop@mask.test");
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id, null).json().get("after_burn").isNull()).isTrue();
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":false}").status()).isEqualTo(200);

        // A session each, as separate senders would come: no session makes more refusals than any client might.
        for (String sender : List.of("a@deals-daily.com", "b@Deals-Daily.COM", "c@deals-daily.com", "win@lottery-prize.net", "")) {
            try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
                smtp.expect(250, smtp.command("MAIL FROM:<" + sender + ">"));
                assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.1.1");
            }
        }

        JsonNode afterBurn = await().atMost(Duration.ofSeconds(10)).until(
                () -> masq.call(key, "GET", "/api/v1/aliases/" + id, null).json().get("after_burn"),
                a -> a.get("total").asLong() == 5);
        assertThat(afterBurn.get("domains")).extracting(d -> d.get("domain").asText() + "=" + d.get("count").asLong())
                .containsExactly("deals-daily.com=3", "<>=1", "lottery-prize.net=1");
        assertThat(Instant.parse(afterBurn.get("domains").get(0).get("last_at").asText())).isBefore(Instant.now().plusSeconds(1));
        JsonNode entry = masq.call(key, "GET", "/api/v1/leaks", null).json().get("data").get(0);
        assertThat(entry.get("after_burn").get("total").asLong()).isEqualTo(5);
        assertThat(entry.get("after_burn").get("domains")).hasSize(3);
        String csv = masq.call(key, "GET", "/api/v1/leaks?format=csv", null).response().body();
        assertThat(csv.split("\r\n")[0]).endsWith(",vendor_spam,after_burn_total,after_burn_domains");
        assertThat(csv.split("\r\n")[1]).endsWith(",0,5,deals-daily.com (3); <> (1); lottery-prize.net (1)");
    }

    @Test
    void aBurnedAliasThatNeverLeakedButIsStillWrittenToIsInTheLeakReportWithoutBeingCalledLeaked() {
        String id = create("{\"vendor\":\"Shop\",\"site\":\"shop.com\",\"mode\":\"custom\",\"local_part\":\"shop\"}");
        send("promo@shop.com", "Shop <promo@shop.com>", "Weekly offers", "shop@mask.test");
        assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":false}").status()).isEqualTo(200);
        JsonNode before = masq.call(key, "GET", "/api/v1/leaks", null).json();
        assertThat(before.get("data")).isEmpty();
        assertThat(before.get("written_after_burn")).isEmpty();

        for (String sender : List.of("a@deals-daily.com", "b@deals-daily.com", "win@lottery-prize.net")) {
            try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
                smtp.expect(250, smtp.command("MAIL FROM:<" + sender + ">"));
                assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.1.1");
            }
        }

        JsonNode report = await().atMost(Duration.ofSeconds(10)).until(
                () -> masq.call(key, "GET", "/api/v1/leaks", null).json(), r -> r.get("written_after_burn").size() == 1
                        && r.get("written_after_burn").get(0).get("after_burn").get("total").asLong() == 3);
        assertThat(report.get("data")).isEmpty();
        JsonNode burned = report.get("written_after_burn").get(0);
        assertThat(burned.get("alias_id").asText()).isEqualTo(id);
        assertThat(burned.get("address").asText()).isEqualTo("shop@mask.test");
        assertThat(burned.get("after_burn").get("domains")).extracting(d -> d.get("domain").asText() + "=" + d.get("count").asLong())
                .containsExactly("deals-daily.com=2", "lottery-prize.net=1");
        assertThat(masq.call(key, "GET", "/api/v1/aliases/" + id, null).json().get("leak").get("status").asText()).isEqualTo("clean");
    }

    private String create(String body) {
        TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases", body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private void send(String envelopeSender, String from, String subject, String to) {
        byte[] message = ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + Math.abs(subject.hashCode()) + "@test>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            assertThat(smtp.send(envelopeSender, List.of(to), message).code()).isEqualTo(250);
        }
    }

    /** The id of the newest forwarded message on the alias with that verdict. */
    private String forwarded(String aliasId, String verdict) {
        List<String> ids = new ArrayList<>();
        masq.call(key, "GET", "/api/v1/aliases/" + aliasId + "/events", null).json().get("data").forEach(e -> {
            if (e.get("kind").asText().equals("forwarded") && verdict.equals(e.get("detail").asText())) {
                ids.add(e.get("id").asText());
            }
        });
        assertThat(ids).as("a forwarded message judged " + verdict).isNotEmpty();
        return ids.getFirst();
    }

    private JsonNode reportSpam(String aliasId, String eventId) {
        TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/aliases/" + aliasId + "/events/" + eventId + "/spam", null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }
}
