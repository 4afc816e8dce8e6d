package dev.masq.leak;

import static dev.masq.testing.Messages.text;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.Messages;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary identifiers over the API and the real SMTP port: mail that quotes an identifier the person gave the
 * vendor without coming from the vendor is phishing and quarantined; the vendor's own mail quoting it is normal;
 * the identifiers are never in the database in clear.
 */
class CanaryTest {
    static final String ORG = "org-4f2a9c81e7";
    static final String CUSTOMER = "ACME-55831";

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
        TestMasq.Reply put = masq.call(key, "PUT", "/api/v1/aliases/" + openai.id() + "/identifiers",
                "[\"" + ORG + "\", \" " + CUSTOMER + " \"]");
        assertThat(put.status()).isEqualTo(200);
    }

    @Test
    void identifiersThatAreNotAnArrayOfStringsAreRefusedAndTheStoredOnesStay() {
        String path = "/api/v1/aliases/" + openai.id() + "/identifiers";
        assertThat(masq.call(key, "PUT", path, "{\"id\":\"x\"}").status()).isEqualTo(400);
        TestMasq.Reply notText = masq.call(key, "PUT", path, "[\"ok\", 7]");
        assertThat(notText.status()).isEqualTo(422);
        assertThat(notText.json().get("errors").get(0).get("field").asText()).isEqualTo("identifiers");
        assertThat(masq.call(key, "GET", path, null).json().toString()).contains(ORG, CUSTOMER);
    }

    @Test
    void identifiersAreStoredAsGivenAndReadBack() {
        JsonNode got = masq.call(key, "GET", "/api/v1/aliases/" + openai.id() + "/identifiers", null).json();
        assertThat(got).extracting(JsonNode::asText).containsExactly(ORG, CUSTOMER);
        assertThat(masq.call(key, "PUT", "/api/v1/aliases/" + openai.id() + "/identifiers", "[\"abc\"]").status())
                .isEqualTo(422);
        assertThat(masq.call(key, "PUT", "/api/v1/aliases/" + openai.id() + "/identifiers", "{\"x\":1}").status())
                .isEqualTo(400);
        String stranger = masq.userWithKey("stranger@inbox.test");
        assertThat(masq.call(stranger, "GET", "/api/v1/aliases/" + openai.id() + "/identifiers", null).status()).isEqualTo(404);
        assertThat(masq.call(key, "PUT", "/api/v1/aliases/" + openai.id() + "/identifiers", "[]").json()).isEmpty();
    }

    @Test
    void aForeignSenderQuotingAnIdentifierIsPhishingAndQuarantined() {
        assertThat(send("billing@openai-billing.com", TestMail.message("Billing <billing@openai-billing.com>",
                "Action required", "Your organisation " + ORG + " is suspended.")).code()).isEqualTo(250);
        assertThat(send("x@random.com", TestMail.message("Support <x@random.com>", "Ticket " + CUSTOMER, "hello")).code())
                .isEqualTo(250);
        JsonNode held = masq.call(key, "GET", "/api/v1/quarantine", null).json().get("data");
        assertThat(held).hasSize(2);
        assertThat(held).allMatch(n -> n.get("verdict").asText().equals("phishing"));
        assertThat(held).extracting(n -> n.get("why").asText()).containsExactlyInAnyOrder(
                "quotes your OpenAI organisation ID, but comes from openai-billing.com",
                "quotes an identifier you gave OpenAI, but comes from random.com");
        assertThat(inbox.received()).isEmpty();
        assertThat(masq.events(openai)).filteredOn(e -> e.kind().equals("quarantined"))
                .extracting(e -> e.detail()).containsExactly("phishing", "phishing");
    }

    @Test
    void anIdentifierInABase64BodyIsFoundToo() {
        String body = Base64.getMimeEncoder().encodeToString(("Dear customer " + CUSTOMER + ", pay now.")
                .getBytes(StandardCharsets.UTF_8));
        byte[] message = Messages.bytes("From: Billing <x@random.com>\r\nTo: chatgpt@mask.test\r\nSubject: Encoded\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body
                + "\r\n--zz--\r\n");
        send("x@random.com", message);
        JsonNode held = masq.call(key, "GET", "/api/v1/quarantine", null).json().get("data");
        assertThat(held).singleElement().extracting(n -> n.get("verdict").asText()).isEqualTo("phishing");
    }

    @Test
    void theVendorsOwnMailQuotingTheIdentifierIsDelivered() {
        send("billing@openai.com", TestMail.message("OpenAI <billing@openai.com>", "Invoice for " + ORG, "thanks"));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        byte[] copy = inbox.received().getFirst().content();
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("expected");
        assertThat(values(copy, "Subject")).containsExactly("Invoice for " + ORG);
    }

    @Test
    void aReleasedPhishingMessageCarriesItsWarning() {
        send("billing@openai-billing.com", TestMail.message("Billing <billing@openai-billing.com>", "Suspended",
                "Your organisation " + ORG + " is suspended."));
        String id = masq.call(key, "GET", "/api/v1/quarantine", null).json().get("data").get(0).get("id").asText();
        assertThat(masq.call(key, "POST", "/api/v1/quarantine/" + id + "/release", null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        byte[] copy = inbox.received().getFirst().content();
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("phishing");
        assertThat(values(copy, "X-Masq-Warning")).containsExactly(
                "quotes your OpenAI organisation ID, but comes from openai-billing.com");
        assertThat(text(copy)).contains("masq warning: quotes your OpenAI organisation ID");
    }

    @Test
    void theDatabaseHoldsNoIdentifierNorQuarantinedMailInClear() throws Exception {
        send("billing@openai-billing.com", TestMail.message("Billing <billing@openai-billing.com>",
                "Subject quoting " + CUSTOMER, "Body quoting " + ORG + " and more"));
        assertThat(masq.call(key, "GET", "/api/v1/quarantine", null).json().get("data")).hasSize(1);
        for (String file : List.of("masq.db", "masq.db-wal")) {
            String bytes = text(Files.readAllBytes(dir.resolve(file)));
            assertThat(bytes).doesNotContain(ORG).doesNotContain(CUSTOMER).doesNotContain("Subject quoting")
                    .doesNotContain("Body quoting");
        }
    }

    private SmtpClient.Reply send(String envelopeSender, byte[] message) {
        try (SmtpClient smtp = masq.open()) {
            return smtp.send(envelopeSender, List.of("chatgpt@mask.test"), message);
        }
    }
}
