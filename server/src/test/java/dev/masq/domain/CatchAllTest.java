package dev.masq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Catch-all: the alias exists the moment someone writes to it, within limits, and never comes back once gone. */
class CatchAllTest {
    private static final byte[] WELCOME = "From: OpenAI <noreply@vendor.example>\r\nSubject: Welcome\r\n\r\nHello.\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of("MASQ_CATCHALL_DAILY_LIMIT", "2", "MASQ_SMTP_HARD_ERROR_LIMIT", "5"));
    final String key = masq.userWithKey("alice@inbox.test");
    final JsonNode domain = OwnDomain.verified(masq, key, "mine.example");

    @Test
    void offUnknownAddressesAreUnknownUsers() {
        assertThat(rcpt("openai@mine.example")).startsWith("550 5.1.1");
        assertThat(OwnDomain.catchAll(masq, key, domain, true).json().get("catch_all").asBoolean()).isTrue();
        assertThat(OwnDomain.catchAll(masq, key, domain, false).json().get("catch_all").asBoolean()).isFalse();
        assertThat(rcpt("openai@mine.example")).startsWith("550 5.1.1");
        assertThat(masq.call(key, "PATCH", "/api/v1/domains/" + domain.get("id").asText(), "{}").status()).isEqualTo(422);
    }

    @Test
    void onTheFirstMailMakesTheAliasForwardsItAndLearnsTheVendorDomain() {
        OwnDomain.catchAll(masq, key, domain, true);
        assertThat(send("noreply@vendor.example", List.of("openai@mine.example"), WELCOME)).startsWith("250 2.0.0");

        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).singleElement().satisfies(d -> assertThat(d.recipient()).isEqualTo("alice@inbox.test"));
        JsonNode alias = onlyAlias();
        assertThat(alias.get("address").asText()).isEqualTo("openai@mine.example");
        assertThat(alias.get("vendor").asText()).isEqualTo("openai");
        assertThat(alias.get("forwarded").asLong()).isEqualTo(1);
        assertThat(alias.get("learned_domains")).extracting(JsonNode::asText).containsExactly("vendor.example");
        JsonNode events = masq.call(key, "GET", "/api/v1/aliases/" + alias.get("id").asText() + "/events", null).json();
        List<String> kinds = new ArrayList<>();
        events.get("data").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).contains("auto_created", "forwarded");
        events.get("data").forEach(e -> {
            if (e.get("kind").asText().equals("auto_created")) {
                assertThat(e.get("sender_domain").asText()).isEqualTo("vendor.example");
            }
        });

        assertThat(send("noreply@vendor.example", List.of("openai@mine.example"), WELCOME)).startsWith("250 2.0.0");
        assertThat(masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")).as("no second alias").hasSize(1);
    }

    @Test
    void aBurnedOrDeletedAddressIsNeverMadeAgain() {
        OwnDomain.catchAll(masq, key, domain, true);
        send("noreply@vendor.example", List.of("openai@mine.example"), WELCOME);
        send("noreply@vendor.example", List.of("shop@mine.example"), WELCOME);
        for (JsonNode a : masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")) {
            String id = a.get("id").asText();
            if (a.get("address").asText().startsWith("openai@")) {
                assertThat(masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{}").status()).isEqualTo(200);
            } else {
                assertThat(masq.call(key, "DELETE", "/api/v1/aliases/" + id, null).status()).isEqualTo(204);
            }
        }
        assertThat(rcpt("openai@mine.example")).startsWith("550 5.1.1");
        assertThat(rcpt("shop@mine.example")).startsWith("550 5.1.1");
        assertThat(rcpt("bounce+x@mine.example")).as("never one of masq's own forms").startsWith("550 5.1.1");
    }

    @Test
    void pastTheDailyLimitNewAddressesAreToldToRetryAndTheOwnerIsToldOnce() {
        OwnDomain.catchAll(masq, key, domain, true);
        assertThat(send("noreply@vendor.example", List.of("one@mine.example", "two@mine.example"), WELCOME)).startsWith("250 2.0.0");
        masq.takeQueued();

        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<harvester@spam.example>"));
            assertThat(smtp.command("RCPT TO:<three@mine.example>").text()).startsWith("451 4.7.1");
            assertThat(smtp.command("RCPT TO:<four@mine.example>").text()).startsWith("451 4.7.1");
            assertThat(smtp.command("RCPT TO:<one@mine.example>").code()).as("made before the limit").isEqualTo(250);
        }
        assertThat(rcpt("five@mine.example")).startsWith("451 4.7.1");
        assertThat(masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")).hasSize(2);

        List<Delivery> notices = masq.takeQueued().stream().filter(d -> d.kind() == Delivery.Kind.NOTICE).toList();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("alice@inbox.test");
            assertThat(new String(n.content(), StandardCharsets.UTF_8)).contains("mine.example").contains("daily limit");
        });
    }

    @Test
    void aDictionaryAttackPastTheLimitRunsIntoTheHarvestingLimits() {
        OwnDomain.catchAll(masq, key, domain, true);
        send("noreply@vendor.example", List.of("one@mine.example", "two@mine.example"), WELCOME);
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<harvester@spam.example>"));
            for (String guess : List.of("guess1", "guess2", "guess3", "guess4", "guess5")) {
                assertThat(smtp.command("RCPT TO:<" + guess + "@mine.example>").text()).startsWith("451 4.7.1");
            }
            assertThat(smtp.command("RCPT TO:<guess6@mine.example>").text()).startsWith("421 4.7.0");
        }
        assertThat(masq.call(key, "GET", "/api/v1/aliases", null).json().get("data")).hasSize(2);
    }

    private JsonNode onlyAlias() {
        JsonNode data = masq.call(key, "GET", "/api/v1/aliases", null).json().get("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    private String rcpt(String recipient) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<someone@vendor.example>"));
            return smtp.command("RCPT TO:<" + recipient + ">").text();
        }
    }

    private String send(String from, List<String> to, byte[] message) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<" + from + ">"));
            for (String rcpt : to) {
                smtp.expect(250, smtp.command("RCPT TO:<" + rcpt + ">"));
            }
            return smtp.data(message).text();
        }
    }
}
