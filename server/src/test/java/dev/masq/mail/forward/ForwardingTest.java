package dev.masq.mail.forward;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.body;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.headerSection;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail sent over SMTP to an alias, read back from the delivery queue as the inbox will get it. */
class ForwardingTest {
    static final String REVERSE = "reply\\+[a-z2-7]{20}@mask\\.test";

    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    Alias shop;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir);
        shop = masq.alias("shop");
    }

    @Test
    void fromAndReplyToBecomeTheReverseAliasAndEverythingElseIsKeptByteForByte() throws Exception {
        byte[] body = sampleBody();
        String headers = "Received: from mx.vendor.example by relay.example; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                + "DKIM-Signature: v=1; a=rsa-sha256; d=vendor.example; s=s1;\r\n\th=from:subject; bh=abc=; b=def=\r\n"
                + "From: Jane Doe <Jane@Vendor.Example>\r\n"
                + "To: shop@mask.test\r\n"
                + "Subject: =?utf-8?q?Your_order_=E2=9C=93?=\r\n"
                + "Date: Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                + "Message-ID: <123@vendor.example>\r\n"
                + "X-Masq-Alias: forged@mask.test\r\n"
                + "x-masq-verdict: clean\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n";
        byte[] message = concat(bytes(headers + "\r\n"), body);
        send("bounces@vendor.example", message);

        Delivery d = masq.takeQueued().getFirst();
        assertThat(d.kind()).isEqualTo(Delivery.Kind.FORWARD);
        assertThat(d.recipient()).isEqualTo(TestMasq.INBOX);
        assertThat(d.envelopeFrom()).isEqualTo(masq.verp().address(shop.id(), "mask.test"));
        assertThat(masq.verp().aliasIdOf(d.envelopeFrom().substring(0, d.envelopeFrom().indexOf('@'))))
                .contains(shop.id());
        assertThat(Duration.between(d.createdAt(), d.expiresAt())).isEqualTo(Duration.ofDays(5));
        assertThat(d.createdAt()).isCloseTo(java.time.Instant.now(), within(1, ChronoUnit.MINUTES));

        byte[] forwarded = d.content();
        assertThat(body(forwarded)).isEqualTo(body);
        String section = headerSection(forwarded);
        assertThat(section).startsWith("Received: from client.example ([127.0.0.1])\r\n\tby mx.mask.test");
        assertThat(section).contains("\r\n" + headers.substring(0, headers.indexOf("From:")))
                .contains("To: shop@mask.test\r\nSubject: =?utf-8?q?Your_order_=E2=9C=93?=\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n"
                        + "Message-ID: <123@vendor.example>\r\nMIME-Version: 1.0\r\n");
        assertThat(values(forwarded, "X-Masq-Alias")).containsExactly("shop@mask.test");
        assertThat(values(forwarded, "X-Masq-Verdict")).as("the first sender teaches the alias its vendor").containsExactly("expected");
        assertThat(section).doesNotContainIgnoringCase("jane@vendor.example").doesNotContain(TestMasq.INBOX);

        List<String> from = values(forwarded, "From");
        assertThat(from).singleElement().asString()
                .matches("\"Jane Doe - jane at vendor\\.example\" <" + REVERSE + ">");
        assertThat(values(forwarded, "Reply-To")).containsExactlyElementsOf(from);
        InternetAddress parsed = addresses(from.getFirst())[0];
        assertThat(parsed.getPersonal()).isEqualTo("Jane Doe - jane at vendor.example");

        Alias after = masq.reload(shop);
        assertThat(after.forwarded()).isEqualTo(1);
        assertThat(after.lastReceivedAt()).isNotNull();
        assertThat(masq.events(shop)).filteredOn(e -> e.kind().equals("forwarded"))
                .singleElement().extracting(AliasEvent::sender).isEqualTo("jane@vendor.example");
        for (String file : List.of("masq.db", "masq.db-wal")) {
            assertThat(dev.masq.testing.Messages.text(Files.readAllBytes(dir.resolve(file))))
                    .doesNotContain("jane@vendor.example").doesNotContain(TestMasq.INBOX);
        }
    }

    @Test
    void oneReverseAliasPerAliasAndContact() {
        Alias news = masq.alias("news");
        send("a@vendor.example", bytes("From: Jane <jane@vendor.example>\r\nSubject: 1\r\n\r\none\r\n"));
        send("b@vendor.example", bytes("From: Jane Again <JANE@vendor.example>\r\nSubject: 2\r\n\r\ntwo\r\n"));
        send("c@vendor.example", bytes("From: Bob <bob@vendor.example>\r\nSubject: 3\r\n\r\nthree\r\n"));
        sendTo("news@mask.test", bytes("From: Jane <jane@vendor.example>\r\nSubject: 4\r\n\r\nfour\r\n"));

        List<String> reverse = masq.takeQueued().stream()
                .sorted(java.util.Comparator.comparing(d -> values(d.content(), "Subject").getFirst()))
                .map(d -> addresses(values(d.content(), "From").getFirst())[0].getAddress())
                .toList();
        assertThat(reverse).allMatch(a -> a.matches(REVERSE));
        assertThat(reverse.get(1)).isEqualTo(reverse.get(0));
        assertThat(reverse.get(2)).isNotEqualTo(reverse.get(0));
        assertThat(reverse.get(3)).isNotEqualTo(reverse.get(0));
        assertThat(news.id()).isNotEqualTo(shop.id());
    }

    @Test
    void anExplicitReplyToGetsItsOwnReverseAlias() {
        send("a@vendor.example", bytes("From: Shop <noreply@vendor.example>\r\nReply-To: Support <help@vendor.example>\r\n"
                + "Subject: hi\r\n\r\nbody\r\n"));
        byte[] forwarded = masq.takeQueued().getFirst().content();
        InternetAddress from = addresses(values(forwarded, "From").getFirst())[0];
        InternetAddress replyTo = addresses(values(forwarded, "Reply-To").getFirst())[0];
        assertThat(from.getPersonal()).isEqualTo("Shop - noreply at vendor.example");
        assertThat(replyTo.getPersonal()).isEqualTo("Support - help at vendor.example");
        assertThat(replyTo.getAddress()).matches(REVERSE).isNotEqualTo(from.getAddress());
    }

    @Test
    void withoutAFromHeaderTheEnvelopeSenderIsWhoWrote() {
        send("list-bounces@vendor.example", bytes("Subject: no from\r\n\r\nbody\r\n"));
        byte[] forwarded = masq.takeQueued().getFirst().content();
        assertThat(values(forwarded, "From")).singleElement().asString()
                .matches("\"list-bounces at vendor\\.example\" <" + REVERSE + ">");
    }

    @Test
    void aLeadingMboxFromLineIsDroppedAndTheHeadersStayHeaders() {
        send("bounces@vendor.example", bytes("From jane@vendor.example Mon Jan  1 00:00:00 2024\r\n"
                + "From: Jane Doe <jane@vendor.example>\r\nTo: shop@mask.test\r\nSubject: Your order\r\n"
                + "Message-ID: <mbox-1@vendor.example>\r\n\r\nShipped.\r\n"));
        byte[] forwarded = masq.takeQueued().getFirst().content();
        assertThat(values(forwarded, "Subject")).containsExactly("Your order");
        assertThat(values(forwarded, "Message-ID")).containsExactly("<mbox-1@vendor.example>");
        assertThat(addresses(values(forwarded, "From").getFirst())[0].getPersonal()).isEqualTo("Jane Doe - jane at vendor.example");
        assertThat(dev.masq.testing.Messages.text(body(forwarded))).isEqualTo("Shipped.\r\n");
        assertThat(dev.masq.testing.Messages.text(forwarded)).doesNotContain("From jane@vendor.example");
    }

    @Test
    void oneCopyPerVerifiedInboxOfEveryRecipientAlias() {
        Alias news = masq.alias("news");
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test", "news@mask.test", "SHOP@mask.test"),
                    bytes("From: a@vendor.example\r\n\r\nx\r\n")).code()).isEqualTo(250);
        }
        assertThat(masq.takeQueued()).extracting(d -> values(d.content(), "X-Masq-Alias").getFirst())
                .containsExactlyInAnyOrder("shop@mask.test", "news@mask.test");
        assertThat(masq.reload(news).forwarded()).isEqualTo(1);
        assertThat(masq.reload(shop).forwarded()).isEqualTo(1);
    }

    private void send(String sender, byte[] message) {
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send(sender, List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }
    }

    private void sendTo(String alias, byte[] message) {
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("x@vendor.example", List.of(alias), message).code()).isEqualTo(250);
        }
    }

    /** A body with 8-bit bytes, a line that starts with a dot, trailing blanks and the longest line SMTP allows. */
    private static byte[] sampleBody() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes("Hello,\r\n.a line starting with a dot\r\n..two dots\r\ntrailing blanks   \t\r\n"));
        b.writeBytes(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x9C, (byte) 0x93, (byte) 0xFF, '\r', '\n'});
        b.writeBytes(bytes("z".repeat(998) + "\r\n\r\n\r\n-- \r\nsig\r\n"));
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
