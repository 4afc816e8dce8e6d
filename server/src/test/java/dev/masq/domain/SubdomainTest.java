package dev.masq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A subdomain of the operator's alias domains: claimed first come, first served, and receiving at once. */
class SubdomainTest {
    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());
    final String key = masq.userWithKey("alice@inbox.test");

    @Test
    void aClaimedSubdomainIsVerifiedAtOnceAndItsCatchAllReceives() {
        TestMasq.Reply claimed = claim(key, "{\"subdomain\":\"Alice\"}");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        JsonNode domain = claimed.json();
        assertThat(domain.get("domain").asText()).isEqualTo("alice.mask.test");
        assertThat(domain.get("kind").asText()).isEqualTo("subdomain");
        assertThat(domain.get("status").asText()).isEqualTo("verified");
        assertThat(domain.get("records")).isEmpty();
        assertThat(claim(key, "{\"subdomain\":\"alice\",\"parent\":\"other.test\"}").json().get("domain").asText())
                .isEqualTo("alice.other.test");

        assertThat(rcpt("shop@alice.mask.test")).as("catch-all off").startsWith("550 5.1.1");
        assertThat(rcpt("shop@bob.mask.test")).as("nobody's").startsWith("550 5.7.1");
        OwnDomain.catchAll(masq, key, domain, true);
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<orders@vendor.example>"));
            smtp.expect(250, smtp.command("RCPT TO:<shop@alice.mask.test>"));
            assertThat(smtp.data("From: orders@vendor.example\r\nSubject: Hi\r\n\r\nHello.\r\n"
                    .getBytes(StandardCharsets.US_ASCII)).text()).startsWith("250 2.0.0");
        }
        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).singleElement().satisfies(d -> assertThat(d.recipient()).isEqualTo("alice@inbox.test"));
        TestMasq.Reply alias = masq.call(key, "POST", "/api/v1/aliases",
                "{\"mode\":\"custom\",\"local_part\":\"news\",\"domain\":\"alice.mask.test\"}");
        assertThat(alias.status()).as(alias.toString()).isEqualTo(201);
        assertThat(masq.domains().verifiedDomains(masq.accounts().addUser("carol@inbox.test", false).id())).isEmpty();
    }

    @Test
    void namesAreFirstComeFirstServedWithinTheRules() {
        assertThat(claim(key, "{\"subdomain\":\"alice\"}").status()).isEqualTo(201);
        String bob = masq.userWithKey("bob@inbox.test");
        assertThat(claim(bob, "{\"subdomain\":\"alice\"}").status()).as("taken").isEqualTo(409);
        assertThat(claim(key, "{\"subdomain\":\"alice2\"}").status()).as("one of each domain").isEqualTo(409);
        for (String bad : List.of("www", "postmaster", "ab", "-bob", "bob-", "b_ob", "b".repeat(33))) {
            TestMasq.Reply reply = claim(bob, "{\"subdomain\":\"" + bad + "\"}");
            assertThat(reply.status()).as(bad).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).as(bad).isNotBlank();
        }
        assertThat(claim(bob, "{\"subdomain\":\"bob\",\"parent\":\"gmail.com\"}").status()).isEqualTo(422);
        assertThat(claim(bob, "{\"subdomain\":\"" + "b".repeat(32) + "\"}").status()).isEqualTo(201);
        assertThat(masq.domains().verifiedDomains(masq.userId)).isEmpty();
    }

    private TestMasq.Reply claim(String apiKey, String body) {
        return masq.call(apiKey, "POST", "/api/v1/domains", body);
    }

    private String rcpt(String recipient) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<someone@vendor.example>"));
            return smtp.command("RCPT TO:<" + recipient + ">").text();
        }
    }
}
