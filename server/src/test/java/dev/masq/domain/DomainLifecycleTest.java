package dev.masq.domain;

import dev.masq.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verified domain later: its records vanish (notice, then suspension), or its owner deletes it. */
class DomainLifecycleTest {
    @TempDir
    Path dir;
    final MovableClock clock = new MovableClock(Instant.now());
    @AutoClose
    TestMasq masq;
    String key;
    JsonNode domain;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir, Map.of(), clock);
        key = masq.userWithKey("alice@inbox.test");
        domain = OwnDomain.verified(masq, key, "mine.example");
        TestMasq.Reply alias = masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"custom\",\"local_part\":\"shop\",\"domain\":\"mine.example\"}");
        assertThat(alias.status()).isEqualTo(201);
    }

    @Test
    void recordsThatVanishGetTheOwnerOneNoticeThenTheDomainSuspendedUntilVerifiedAgain() {
        assertThat(masq.recheckDomains()).isZero();
        assertThat(notices()).isEmpty();

        masq.dns.forget("mine.example");
        assertThat(masq.recheckDomains()).isEqualTo(1);
        assertThat(notices()).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("alice@inbox.test");
            assertThat(new String(n.content(), StandardCharsets.UTF_8)).contains("mine.example");
        });
        assertThat(status()).as("a week's grace").isEqualTo("verified");
        assertThat(rcpt("shop@mine.example")).startsWith("250");

        clock.advance(Duration.ofDays(1));
        masq.recheckDomains();
        assertThat(notices()).as("one notice, not one a day").isEmpty();

        clock.advance(Duration.ofDays(6));
        masq.recheckDomains();
        assertThat(status()).isEqualTo("suspended");
        assertThat(rcpt("shop@mine.example")).startsWith("550 5.7.1");
        assertThat(notices()).isEmpty();

        OwnDomain.publish(masq.dns, domain);
        assertThat(OwnDomain.verify(masq, key, domain).json().get("status").asText()).isEqualTo("verified");
        assertThat(rcpt("shop@mine.example")).startsWith("250");
    }

    @Test
    void deletingTheDomainBurnsItsAliasesWhichStayListed() {
        assertThat(masq.call(key, "DELETE", "/api/v1/domains/" + domain.get("id").asText(), null).status()).isEqualTo(204);
        assertThat(rcpt("shop@mine.example")).startsWith("550 5.1.1");
        assertThat(rcpt("other@mine.example")).startsWith("550 5.7.1");
        JsonNode aliases = masq.call(key, "GET", "/api/v1/aliases", null).json().get("data");
        assertThat(aliases).singleElement().satisfies(a -> {
            assertThat(a.get("address").asText()).isEqualTo("shop@mine.example");
            assertThat(a.get("state").asText()).isEqualTo("burned");
        });
        assertThat(masq.call(key, "GET", "/api/v1/domains", null).json().get("data")).isEmpty();
        assertThat(masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"custom\",\"local_part\":\"new\",\"domain\":\"mine.example\"}").status())
                .isEqualTo(422);
    }

    private String status() {
        return masq.call(key, "GET", "/api/v1/domains/" + domain.get("id").asText(), null).json().get("status").asText();
    }

    private List<Delivery> notices() {
        return masq.takeQueued().stream().filter(d -> d.kind() == Delivery.Kind.NOTICE).toList();
    }

    private String rcpt(String recipient) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<someone@vendor.example>"));
            return smtp.command("RCPT TO:<" + recipient + ">").text();
        }
    }

}
