package dev.masq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A domain of the user's own: the records to publish, each checked, and mail taken only once it is verified. */
class CustomDomainTest {
    private static final byte[] MESSAGE = "From: Shop <orders@vendor.example>\r\nSubject: Order\r\n\r\nShipped.\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    String key;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir);
        key = masq.userWithKey("alice@inbox.test");
    }

    @Test
    void recordsAreCheckedOneByOneUntilOwnershipAndMxAreRight() {
        JsonNode added = OwnDomain.add(masq, key, "Mine.Example");
        assertThat(added.get("domain").asText()).isEqualTo("mine.example");
        assertThat(added.get("status").asText()).isEqualTo("pending");
        assertThat(added.get("catch_all").asBoolean()).isFalse();
        List<String> purposes = new ArrayList<>();
        added.get("records").forEach(r -> purposes.add(r.get("purpose").asText()));
        assertThat(purposes).containsExactly("ownership", "mx", "spf", "dkim", "dmarc");
        JsonNode ownership = OwnDomain.record(added, "ownership");
        assertThat(ownership.get("type").asText()).isEqualTo("TXT");
        assertThat(ownership.get("value").asText()).startsWith("masq-verification=").hasSizeGreaterThan(40);
        assertThat(OwnDomain.record(added, "mx").get("value").asText()).isEqualTo("10 mx.mask.test.");
        JsonNode dkim = OwnDomain.record(added, "dkim");
        assertThat(dkim.get("name").asText()).matches("masq[a-z2-7]{6}\\._domainkey\\.mine\\.example");
        byte[] publicKey = Base64.getDecoder().decode(dkim.get("value").asText().replace("v=DKIM1; k=rsa; p=", ""));
        assertThat(publicKey.length).as("a 2048-bit RSA key").isGreaterThan(290);
        assertThat(OwnDomain.record(added, "dmarc").get("name").asText()).isEqualTo("_dmarc.mine.example");

        JsonNode nothing = OwnDomain.verify(masq, key, added).json();
        assertThat(nothing.get("status").asText()).isEqualTo("pending");
        nothing.get("records").forEach(r -> assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("missing"));

        masq.dns.mx("mine.example", 10, "mx.elsewhere.example");
        masq.dns.txt("mine.example", ownership.get("value").asText());
        JsonNode wrongMx = OwnDomain.verify(masq, key, added).json();
        assertThat(wrongMx.get("status").asText()).isEqualTo("pending");
        assertThat(OwnDomain.record(wrongMx, "ownership").get("status").asText()).isEqualTo("ok");
        assertThat(OwnDomain.record(wrongMx, "mx").get("status").asText()).isEqualTo("wrong");
        assertThat(OwnDomain.record(wrongMx, "mx").get("found")).extracting(JsonNode::asText).containsExactly("mx.elsewhere.example");
        assertThat(OwnDomain.record(wrongMx, "spf").get("status").asText()).isEqualTo("missing");

        masq.dns.forget("mine.example");
        masq.dns.mx("mine.example", 10, "mx.mask.test").txt("mine.example", ownership.get("value").asText());
        JsonNode verified = OwnDomain.verify(masq, key, added).json();
        assertThat(verified.get("status").asText()).as("SPF, DKIM and DMARC missing are warnings").isEqualTo("verified");
        assertThat(OwnDomain.record(verified, "dkim").get("status").asText()).isEqualTo("missing");
        JsonNode again = masq.call(key, "GET", "/api/v1/domains/" + added.get("id").asText(), null).json();
        assertThat(again.get("status").asText()).isEqualTo("verified");
        assertThat(OwnDomain.record(again, "mx").get("status").asText()).isEqualTo("ok");
    }

    @Test
    void mailIsRefusedLikeAnyForeignDomainUntilVerifiedThenAliasesThereForward() {
        JsonNode added = OwnDomain.add(masq, key, "mine.example");
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<orders@vendor.example>"));
            assertThat(smtp.command("RCPT TO:<shop@mine.example>").text()).startsWith("550 5.7.1");
        }
        TestMasq.Reply early = masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"custom\",\"local_part\":\"shop\",\"domain\":\"mine.example\"}");
        assertThat(early.status()).as("no aliases on a pending domain").isEqualTo(422);

        OwnDomain.publish(masq.dns, added);
        assertThat(OwnDomain.verify(masq, key, added).json().get("status").asText()).isEqualTo("verified");
        TestMasq.Reply alias = masq.call(key, "POST", "/api/v1/aliases", "{\"mode\":\"custom\",\"local_part\":\"shop\",\"domain\":\"mine.example\"}");
        assertThat(alias.status()).as(alias.toString()).isEqualTo(201);
        assertThat(alias.json().get("address").asText()).isEqualTo("shop@mine.example");
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<orders@vendor.example>"));
            assertThat(smtp.command("RCPT TO:<nobody@mine.example>").text()).as("catch-all off").startsWith("550 5.1.1");
            smtp.expect(250, smtp.command("RCPT TO:<shop@mine.example>"));
            assertThat(smtp.data(MESSAGE).text()).startsWith("250 2.0.0");
        }
        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("alice@inbox.test");
            assertThat(d.envelopeFrom()).as("VERP on the alias's own domain").startsWith("bounce+").endsWith("@mine.example");
        });
        assertThat(masq.domains().verifiedDomains(masq.accounts().addUser("bob@inbox.test", false).id())).isEmpty();
    }

    @Test
    void aDomainVerifiedByOneUserIsNoOneElsesAndNoUserSeesAnothersDomains() {
        JsonNode mine = OwnDomain.verified(masq, key, "mine.example");
        String other = masq.userWithKey("bob@inbox.test");
        TestMasq.Reply taken = masq.call(other, "POST", "/api/v1/domains", "{\"domain\":\"mine.example\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asText()).contains("another account").doesNotContain("alice");
        assertThat(masq.call(other, "GET", "/api/v1/domains/" + mine.get("id").asText(), null).status()).isEqualTo(404);
        assertThat(masq.call(other, "POST", "/api/v1/domains/" + mine.get("id").asText() + "/verify", null).status()).isEqualTo(404);
        assertThat(masq.call(other, "DELETE", "/api/v1/domains/" + mine.get("id").asText(), null).status()).isEqualTo(404);
        assertThat(masq.call(other, "GET", "/api/v1/domains", null).json().get("data")).isEmpty();
        assertThat(masq.call(key, "GET", "/api/v1/domains", null).json().get("data")).hasSize(1);
    }

    @Test
    void whoeverVerifiesFirstWinsAPendingName() {
        JsonNode alices = OwnDomain.add(masq, key, "mine.example");
        String other = masq.userWithKey("bob@inbox.test");
        JsonNode bobs = OwnDomain.add(masq, other, "mine.example");
        OwnDomain.publish(masq.dns, bobs);
        // Bob's ownership token is published, not Alice's: only Bob proves the domain is his.
        assertThat(OwnDomain.verify(masq, key, alices).json().get("status").asText()).isEqualTo("pending");
        assertThat(OwnDomain.verify(masq, other, bobs).json().get("status").asText()).isEqualTo("verified");
        OwnDomain.publish(masq.dns, alices);
        assertThat(OwnDomain.verify(masq, key, alices).status()).isEqualTo(409);
    }

    @Test
    void namesAreCheckedAndTheOperatorsDomainsAreNotForTheTaking() {
        for (String bad : List.of("mask.test", "shop.mask.test", "not a domain", "localhost", "-x.example", "x..example", "1.2.3.4")) {
            TestMasq.Reply reply = masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"" + bad + "\"}");
            assertThat(reply.status()).as(bad).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).as(bad).isNotBlank();
        }
        assertThat(masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"mask.test\"}").json().get("detail").asText())
                .contains("alias domain of this server");
        assertThat(OwnDomain.add(masq, key, "Bücher.example").get("domain").asText()).isEqualTo("xn--bcher-kva.example");
        assertThat(masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"xn--bcher-kva.example\"}").status()).isEqualTo(409);
        assertThat(masq.call(key, "POST", "/api/v1/domains", "{}").status()).isEqualTo(422);
        assertThat(masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"a.example\",\"subdomain\":\"alice\"}").status()).isEqualTo(422);
    }

    @Test
    void theDatabaseAsBytesHoldsNoDkimPrivateKey() throws Exception {
        JsonNode domain = OwnDomain.verified(masq, key, "mine.example");
        masq.call(key, "PATCH", "/api/v1/domains/" + domain.get("id").asText(), "{\"catch_all\":true}");
        byte[] sealed = masq.db().read(ctx -> new DomainRepository().signingKey(ctx, "mine.example")).orElseThrow().sealed();
        byte[] privateKey = masq.secrets().decrypt(sealed);
        String base64 = Base64.getEncoder().encodeToString(privateKey);
        // A stretch from the middle of the key, in each form it could have been written in.
        byte[] raw = java.util.Arrays.copyOfRange(privateKey, 100, 140);
        for (String file : List.of("masq.db", "masq.db-wal")) {
            Path path = dir.resolve(file);
            if (Files.exists(path)) {
                byte[] bytes = Files.readAllBytes(path);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertThat(text).as(file).doesNotContain(base64.substring(100, 160))
                        .doesNotContain(new String(raw, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
