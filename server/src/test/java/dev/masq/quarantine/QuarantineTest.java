package dev.masq.quarantine;

import static dev.masq.testing.Messages.text;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.NewAlias;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.Spamd;
import dev.masq.testing.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarantine instead of only a tag, over the real SMTP port and API: the policy per verdict (quarantine, tag,
 * reject) for the account and per alias, what is held and how it is listed, released, deleted and expired, and
 * the daily digest. The inbox is an in-test SMTP server; DNS is the test's own.
 */
class QuarantineTest {
    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;
    Alias openai;
    String key;

    @BeforeEach
    void setUp() throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.forwardingTo(dir, inbox);
        openai = masq.alias("chatgpt", "OpenAI", "https://openai.com");
        key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();
    }

    @Test
    void byDefaultALookalikeIsTaggedAndASpoofOfAStrictDmarcDomainIsQuarantined() {
        assertThat(send("billing@openai-billing.com", "OpenAI Billing <billing@openai-billing.com>", "Invoice overdue").code())
                .isEqualTo(250);
        assertThat(send("bulk@mailer.test", "OpenAI <billing@openai.com>", "Payment failed").code()).isEqualTo(250);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Verdict")).containsExactly("lookalike");

        JsonNode held = list();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("verdict").asText()).isEqualTo("spoof");
        assertThat(held.get(0).get("subject").asText()).isEqualTo("Payment failed");
        assertThat(held.get(0).get("alias").asText()).isEqualTo("chatgpt@mask.test");
        assertThat(held.get(0).get("why").asText()).contains("claims to be openai.com").contains("mailer.test");
        assertThat(held.get(0).get("sender_domain").asText()).isEqualTo("mailer.test");
        JsonNode policy = masq.call(key, "GET", "/api/v1/settings/verdict-policy", null).json();
        assertThat(policy.get("spoof").asText()).isEqualTo("dmarc");
        assertThat(policy.get("phishing").asText()).isEqualTo("quarantine");
        assertThat(policy.get("lookalike").asText()).isEqualTo("tag");
        assertThat(policy.get("quarantine_digest").asBoolean()).isTrue();
    }

    @Test
    void aSpoofOfADomainWithoutAStrictPolicyIsTaggedByDefault() {
        masq.dns.txt("shop.example", "v=spf1 ip4:192.0.2.1 -all").txt("_dmarc.shop.example", "v=DMARC1; p=none");
        masq.alias("shop", "Shop", "https://shop.example");
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("bulk@mailer.test", List.of("shop@mask.test"),
                    TestMail.message("Shop <news@shop.example>", "Sale", "x")).code()).isEqualTo(250);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Verdict")).containsExactly("spoof");
        assertThat(list()).isEmpty();
    }

    @Test
    void eachPolicyForLookalikesQuarantinesTagsOrRejects() {
        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\"}");
        assertThat(send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Held one").code()).isEqualTo(250);
        assertThat(list()).extracting(n -> n.get("subject").asText()).containsExactly("Held one");

        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"reject\"}");
        SmtpClient.Reply rejected = send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Bounced one");
        assertThat(rejected.code()).isEqualTo(550);
        assertThat(rejected.text()).startsWith("550 5.7.1");
        assertThat(masq.events(openai)).anyMatch(e -> e.kind().equals("blocked") && "rejected: lookalike".equals(e.detail()));

        // The alias's own choice wins over the account's.
        TestMasq.Reply aliasPolicy = put("/api/v1/aliases/" + openai.id() + "/verdict-policy", "{\"lookalike\":\"tag\"}");
        assertThat(aliasPolicy.json().get("lookalike").asText()).isEqualTo("tag");
        assertThat(aliasPolicy.json().get("spoof").isNull()).isTrue();
        assertThat(send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Tagged one").code()).isEqualTo(250);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        byte[] tagged = inbox.received().getFirst().content();
        assertThat(values(tagged, "Subject")).containsExactly("[masq: suspicious sender] Tagged one");
        assertThat(list()).hasSize(1);
    }

    @Test
    void phishingIsQuarantinedByDefaultAndTaggedWhenChosen() {
        masq.guards().setIdentifiers(masq.userId, openai.id(), List.of("org-77aa11bb"));
        send("x@random.com", "Support <x@random.com>", "About org-77aa11bb");
        assertThat(list()).extracting(n -> n.get("verdict").asText()).containsExactly("phishing");
        put("/api/v1/settings/verdict-policy", "{\"phishing\":\"tag\"}");
        send("x@random.com", "Support <x@random.com>", "Again org-77aa11bb");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Verdict")).containsExactly("phishing");
        assertThat(values(inbox.received().getFirst().content(), "Subject"))
                .containsExactly("[masq: suspicious sender] Again org-77aa11bb");
    }

    @Test
    void spoofsAndPhishingAreRejectedWhenChosen() {
        masq.guards().setIdentifiers(masq.userId, openai.id(), List.of("ACME-55831"));
        put("/api/v1/settings/verdict-policy", "{\"spoof\":\"reject\",\"phishing\":\"reject\"}");
        assertThat(send("bulk@mailer.test", "OpenAI <billing@openai.com>", "Forged").text()).startsWith("550 5.7.1");
        assertThat(send("x@random.com", "Support <x@random.com>", "Ticket ACME-55831").text()).startsWith("550 5.7.1");
        put("/api/v1/settings/verdict-policy", "{\"spoof\":\"tag\"}");
        assertThat(send("bulk@mailer.test", "OpenAI <billing@openai.com>", "Forged again").code()).isEqualTo(250);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Verdict")).containsExactly("spoof");
        assertThat(list()).isEmpty();
    }

    @Test
    void spamScoredBySpamdIsRejectedOrQuarantinedAsChosen() throws Exception {
        try (Spamd spamd = Spamd.start(dir)) {
            masq.close();
            masq = TestMasq.start(dir.resolve("spam"), Map.of("MASQ_RELAY", inbox.hostPort(), "MASQ_DELIVERY_STARTTLS", "false",
                    "MASQ_DELIVERY_CONCURRENCY", "4", "MASQ_SPAMD", spamd.hostPort()));
            openai = masq.alias("chatgpt", "OpenAI", "https://openai.com");
            key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();
            put("/api/v1/settings/verdict-policy", "{\"spam\":\"reject\"}");
            SmtpClient.Reply rejected = sendBody("offers@cheap-pills.biz", "Offers <offers@cheap-pills.biz>", "Pills", Spamd.GTUBE);
            assertThat(rejected.text()).startsWith("550 5.7.1");
            put("/api/v1/settings/verdict-policy", "{\"spam\":\"quarantine\"}");
            assertThat(sendBody("offers@cheap-pills.biz", "Offers <offers@cheap-pills.biz>", "Pills again", Spamd.GTUBE).code())
                    .isEqualTo(250);
            assertThat(list()).extracting(n -> n.get("verdict").asText()).containsExactly("spam");
            // The inbox hears only that the alias leaked (spam leaks it), not the spam itself.
            assertThat(inbox.received()).noneMatch(r -> values(r.content(), "Subject").getFirst().contains("Pills"));
        }
    }

    @Test
    void aPolicyOutsideTheChoicesIsRefusedNamingTheField() {
        TestMasq.Reply bad = put("/api/v1/settings/verdict-policy", "{\"spam\":\"dmarc\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asText()).contains("spoof only");
        assertThat(put("/api/v1/settings/verdict-policy", "{\"phishing\":\"burn\"}").status()).isEqualTo(422);
        assertThat(put("/api/v1/settings/verdict-policy", "{\"expected\":\"tag\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "PUT", "/api/v1/aliases/al_none/verdict-policy", "{}").status()).isEqualTo(404);
    }

    @Test
    void aRejectingAliasBesideOneThatTakesTheMessageHoldsItsCopyInstead() {
        masq.aliases().create(masq.userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "other", null, null, null, null));
        put("/api/v1/aliases/" + openai.id() + "/verdict-policy", "{\"lookalike\":\"reject\"}");
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("a@openai-billing.com", List.of("chatgpt@mask.test", "other@mask.test"),
                    TestMail.message("OpenAI <a@openai-billing.com>", "Two recipients", "x")).code()).isEqualTo(250);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Alias")).containsExactly("other@mask.test");
        assertThat(list()).extracting(n -> n.get("alias").asText()).containsExactly("chatgpt@mask.test");
    }

    @Test
    void releaseForwardsTheHeldCopyWithItsWarningAndDeleteRemovesIt() {
        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\"}");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Release me");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Delete me");
        JsonNode held = list();
        assertThat(held).hasSize(2);
        String release = idOf(held, "Release me");
        String delete = idOf(held, "Delete me");

        assertThat(masq.call(key, "POST", "/api/v1/quarantine/" + release + "/release", null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        byte[] copy = inbox.received().getFirst().content();
        assertThat(values(copy, "Subject")).containsExactly("[masq: suspicious sender] Release me");
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("lookalike");
        assertThat(text(copy)).contains("masq warning: claims to be openai.com");
        assertThat(masq.call(key, "DELETE", "/api/v1/quarantine/" + delete, null).status()).isEqualTo(204);
        assertThat(list()).isEmpty();
        assertThat(masq.call(key, "POST", "/api/v1/quarantine/" + release + "/release", null).status()).isEqualTo(404);
        assertThat(masq.call(key, "DELETE", "/api/v1/quarantine/" + delete, null).status()).isEqualTo(404);
        assertThat(inbox.received()).hasSize(1);
    }

    @Test
    void anotherPersonsQuarantineIsNotFound() {
        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\"}");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Mine");
        String id = list().get(0).get("id").asText();
        String stranger = masq.userWithKey("stranger@inbox.test");
        assertThat(masq.call(stranger, "GET", "/api/v1/quarantine", null).json().get("data")).isEmpty();
        assertThat(masq.call(stranger, "POST", "/api/v1/quarantine/" + id + "/release", null).status()).isEqualTo(404);
        assertThat(masq.call(stranger, "DELETE", "/api/v1/quarantine/" + id, null).status()).isEqualTo(404);
        assertThat(list()).hasSize(1);
    }

    @Test
    void quarantinedMailIsGoneAfterItsRetentionAndNeverInTheDatabaseInClear() throws Exception {
        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\"}");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Secret subject 7731");
        assertThat(list()).hasSize(1);
        for (String file : List.of("masq.db", "masq.db-wal")) {
            assertThat(text(Files.readAllBytes(dir.resolve(file))))
                    .doesNotContain("Secret subject 7731").doesNotContain("body of Secret subject");
        }
        assertThat(masq.quarantineSweep().expire(Instant.now().plus(Duration.ofDays(29)))).isZero();
        assertThat(masq.quarantineSweep().expire(Instant.now().plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(list()).isEmpty();
    }

    @Test
    void theOwnerGetsAtMostOneDigestADayUnlessTurnedOff() {
        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\"}");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "First held");
        Instant now = Instant.now();
        assertThat(masq.quarantineSweep().digest(now)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        String digest = text(inbox.received().getFirst().content());
        assertThat(digest).contains("First held").contains("openai-billing.com").contains("lookalike");

        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Second held");
        assertThat(masq.quarantineSweep().digest(now.plus(Duration.ofHours(2)))).isZero();
        assertThat(masq.quarantineSweep().digest(now.plus(Duration.ofHours(25)))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 2);
        assertThat(text(inbox.received().get(1).content())).contains("Second held").doesNotContain("First held");

        put("/api/v1/settings/verdict-policy", "{\"lookalike\":\"quarantine\",\"quarantine_digest\":false}");
        send("a@openai-billing.com", "OpenAI <a@openai-billing.com>", "Third held");
        assertThat(masq.quarantineSweep().digest(now.plus(Duration.ofDays(3)))).isZero();
        assertThat(masq.call(key, "GET", "/api/v1/settings/verdict-policy", null).json().get("quarantine_digest").asBoolean())
                .isFalse();
    }

    private SmtpClient.Reply send(String envelopeSender, String from, String subject) {
        return sendBody(envelopeSender, from, subject, "body of " + subject);
    }

    private SmtpClient.Reply sendBody(String envelopeSender, String from, String subject, String body) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<" + envelopeSender + ">"));
            smtp.expect(250, smtp.command("RCPT TO:<chatgpt@mask.test>"));
            return smtp.data(TestMail.message(from, subject, body));
        }
    }

    private TestMasq.Reply put(String path, String body) {
        return masq.call(key, "PUT", path, body);
    }

    private JsonNode list() {
        TestMasq.Reply reply = masq.call(key, "GET", "/api/v1/quarantine", null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("data");
    }

    private static String idOf(JsonNode held, String subject) {
        for (JsonNode n : held) {
            if (n.get("subject").asText().equals(subject)) {
                return n.get("id").asText();
            }
        }
        throw new AssertionError("nothing held with subject " + subject);
    }
}
