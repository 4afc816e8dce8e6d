package dev.masq.leak;

import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breach response per vendor, over the API and the real SMTP port: a recorded breach quarantines mail imitating
 * the vendor whatever the policy, the vendor view shows what reached its aliases since, and one call burns every
 * alias of the vendor with a replacement each.
 */
class BreachTest {
    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;
    Alias chatgpt;
    Alias api;
    String key;

    @BeforeEach
    void setUp() throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.forwardingTo(dir, inbox);
        chatgpt = masq.alias("chatgpt", "OpenAI", "https://openai.com");
        api = masq.alias("platform", "OpenAI", "https://openai.com");
        masq.alias("shop", "Shop", "https://shop.example");
        key = masq.apiKeys().create(TestMasq.INBOX, "test").secret();
    }

    @Test
    void afterABreachMailImitatingTheVendorIsQuarantinedWithTheBreachInItsWarning() {
        TestMasq.Reply recorded = masq.call(key, "POST", "/api/v1/vendors/OpenAI/breaches",
                "{\"date\":\"2025-11-09\",\"note\":\"Mixpanel\",\"source\":\"https://openai.com/index/mixpanel-incident/\"}");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("date").asText()).isEqualTo("2025-11-09");

        send("chatgpt@mask.test", "billing@openai-billing.com", "OpenAI <billing@openai-billing.com>", "Lookalike after");
        send("platform@mask.test", "alerts@random-xyz.com", "\"OpenAI Billing\" <alerts@random-xyz.com>", "Name after");
        send("chatgpt@mask.test", "billing@openai.com", "OpenAI <billing@openai.com>", "Genuine after");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "Subject")).containsExactly("Genuine after");

        JsonNode held = masq.call(key, "GET", "/api/v1/quarantine", null).json().get("data");
        assertThat(held).hasSize(2);
        assertThat(held).extracting(n -> n.get("why").asText()).allMatch(w ->
                w.startsWith("OpenAI was breached on 2025-11-09; this message imitates OpenAI"));
        assertThat(held).extracting(n -> n.get("why").asText())
                .anyMatch(w -> w.contains("calls itself OpenAI but comes from random-xyz.com"));

        JsonNode vendor = masq.call(key, "GET", "/api/v1/vendors/openai", null).json();
        assertThat(vendor.get("aliases")).hasSize(2);
        assertThat(vendor.get("breaches").get(0).get("note").asText()).isEqualTo("Mixpanel");
        JsonNode mail = vendor.get("aliases").get(0).get("mail");
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.get("verdict").asText()).isEqualTo("lookalike");
            assertThat(m.get("kind").asText()).isEqualTo("quarantined");
            assertThat(m.get("sender_domain").asText()).isEqualTo("openai-billing.com");
        });
    }

    @Test
    void aBreachOnlyCountsFromItsDate() {
        masq.call(key, "POST", "/api/v1/vendors/OpenAI/breaches", "{\"date\":\"" + LocalDate.now().plusDays(1) + "\"}");
        send("chatgpt@mask.test", "billing@openai-billing.com", "OpenAI <billing@openai-billing.com>", "Before the breach");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Verdict")).containsExactly("lookalike");
    }

    @Test
    void vendorsListTheirAliasesBreachesAndLeakStatus() {
        masq.call(key, "POST", "/api/v1/vendors/openai/breaches", "{\"date\":\"2025-11-09\"}");
        JsonNode vendors = masq.call(key, "GET", "/api/v1/vendors", null).json().get("data");
        assertThat(vendors).extracting(v -> v.get("vendor").asText()).containsExactly("OpenAI", "Shop");
        JsonNode openai = vendors.get(0);
        assertThat(openai.get("aliases")).extracting(a -> a.get("address").asText())
                .containsExactly("chatgpt@mask.test", "platform@mask.test");
        assertThat(openai.get("breaches")).extracting(b -> b.get("date").asText()).containsExactly("2025-11-09");
        assertThat(openai.get("leak_status").asText()).isEqualTo("clean");
        assertThat(vendors.get(1).get("breaches")).isEmpty();
    }

    @Test
    void aBreachIsRecordedOnlyForAVendorOfTheirsWithADateThatHappened() {
        assertThat(masq.call(key, "POST", "/api/v1/vendors/Stripe/breaches", "{\"date\":\"2025-11-09\"}").status())
                .isEqualTo(404);
        assertThat(masq.call(key, "POST", "/api/v1/vendors/OpenAI/breaches", "{\"date\":\"9 Nov\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "POST", "/api/v1/vendors/OpenAI/breaches",
                "{\"date\":\"" + LocalDate.now().plusDays(30) + "\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "POST", "/api/v1/vendors/OpenAI/breaches",
                "{\"date\":\"2025-11-09\",\"source\":\"javascript:alert(1)\"}").status()).isEqualTo(422);
        String stranger = masq.userWithKey("stranger@inbox.test");
        assertThat(masq.call(stranger, "POST", "/api/v1/vendors/OpenAI/breaches", "{\"date\":\"2025-11-09\"}").status())
                .isEqualTo(404);
    }

    @Test
    void burnAndReplaceAllBurnsEveryAliasOfTheVendorAndHandsOutReplacements() {
        TestMasq.Reply burned = masq.call(key, "POST", "/api/v1/vendors/OpenAI/burn", "{\"replace\":true}");
        assertThat(burned.status()).isEqualTo(200);
        JsonNode results = burned.json().get("data");
        assertThat(results).extracting(r -> r.get("burned").get("address").asText())
                .containsExactly("chatgpt@mask.test", "platform@mask.test");
        assertThat(masq.reload(chatgpt).state()).isEqualTo(AliasState.BURNED);
        assertThat(masq.reload(api).state()).isEqualTo(AliasState.BURNED);
        String replacement = results.get(0).get("replacement").get("address").asText();
        Alias fresh = masq.aliases().get(masq.userId, results.get(0).get("replacement").get("id").asText());
        assertThat(fresh.vendor()).isEqualTo("OpenAI");
        assertThat(fresh.state()).isEqualTo(AliasState.ACTIVE);
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<billing@openai.com>"));
            assertThat(smtp.command("RCPT TO:<chatgpt@mask.test>").text()).startsWith("550 5.1.1");
            smtp.expect(250, smtp.command("RCPT TO:<" + replacement + ">"));
        }
        JsonNode again = masq.call(key, "POST", "/api/v1/vendors/OpenAI/burn", "{\"replace\":false}").json().get("data");
        assertThat(again).extracting(r -> r.get("burned").get("address").asText()).containsExactly(
                replacement, results.get(1).get("replacement").get("address").asText());
    }

    private void send(String rcpt, String envelopeSender, String from, String subject) {
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send(envelopeSender, List.of(rcpt), TestMail.message(from, subject, "body")).code()).isEqualTo(250);
        }
    }
}
