package dev.masq.mail.reply;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.senderauth.DkimResult;
import dev.masq.testing.DownstreamSmtpServer.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leaves masq as an alias domain, a forwarded copy and a reply, carries a DKIM signature of that
 * domain which a receiver verifies against the key published in DNS; without a key, nothing is signed.
 */
class DkimSignatureTest {
    private static final byte[] FROM_JANE = bytes("From: Jane Doe <jane@vendor.test>\r\nTo: shop@mask.test\r\n"
            + "Subject: Your order\r\nDate: Mon, 12 Jan 2026 08:30:00 +0000\r\nMessage-ID: <order-1@vendor.test>\r\n"
            + "\r\nShipped.\r\n.dot-stuffed line\r\n");

    @TempDir
    Path dir;

    @Test
    void forwardedCopiesAndRepliesAreSignedForTheAliasDomainAndVerify() throws Exception {
        try (OutboundFixture f = signing()) {
            f.masq.alias("shop");
            f.send("jane@vendor.test", "shop@mask.test", FROM_JANE);
            Received forwarded = f.awaitReceived(1).getFirst();
            assertThat(f.dkimOf(forwarded)).containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));

            String reverse = addresses(values(forwarded.content(), "Reply-To").getFirst())[0].getAddress();
            f.replyFromInbox(reverse);
            Received sent = f.awaitReceived(2).get(1);
            assertThat(sent.recipients()).containsExactly("jane@vendor.test");
            // The inbox's own signature is gone with the rest of the inbox's headers: only the alias domain signs.
            assertThat(f.dkimOf(sent)).containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));
        }
    }

    @Test
    void aNewslettersListUnsubscribeFieldsAreSignedSoThatOneClickUnsubscribeIsOffered() throws Exception {
        try (OutboundFixture f = signing()) {
            f.masq.alias("shop");
            f.send("news@vendor.test", "shop@mask.test", bytes("From: News <news@vendor.test>\r\nTo: shop@mask.test\r\n"
                    + "Subject: Weekly\r\nMessage-ID: <w1@vendor.test>\r\n"
                    + "List-Unsubscribe: <mailto:unsub@vendor.test>, <https://vendor.test/u/1>\r\n"
                    + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nNews.\r\n"));
            Received forwarded = f.awaitReceived(1).getFirst();
            assertThat(f.dkimOf(forwarded)).containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));
            // RFC 8058 §4: a receiver offers one-click unsubscribe only when the signature covers both fields.
            String text = new String(forwarded.content(), StandardCharsets.ISO_8859_1);
            for (String tampered : new String[] {
                    text.replace("<https://vendor.test/u/1>", "<https://attacker.test/u/1>"),
                    text.replace("List-Unsubscribe=One-Click", "List-Unsubscribe=One-Click-Not")}) {
                assertThat(f.dkimOf(new Received(forwarded.mailFrom(), forwarded.recipients(),
                        tampered.getBytes(StandardCharsets.ISO_8859_1), false)))
                        .extracting(DkimResult::status).doesNotContain(DkimResult.Status.PASS);
            }
        }
    }

    @Test
    void aCopyConvertedForAHopWithout8bitmimeOrSmtputf8IsSignedAfterTheConversion() throws Exception {
        try (OutboundFixture f = signing()) {
            f.downstream.withdraw("8BITMIME");
            f.masq.alias("shop");
            f.send("jane@vendor.test", "shop@mask.test", ("From: Jos\u00e9 <jane@vendor.test>\r\nTo: shop@mask.test\r\n"
                    + "Subject: Gr\u00fc\u00dfe\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\nCaf\u00e9\r\n").getBytes(StandardCharsets.UTF_8));
            Received forwarded = f.awaitReceived(1).getFirst();
            assertThat(new String(forwarded.content(), StandardCharsets.ISO_8859_1)).as("converted").matches("\\p{ASCII}*");
            assertThat(values(forwarded.content(), "DKIM-Signature")).hasSize(1);
            assertThat(f.dkimOf(forwarded)).containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));
        }
    }

    /** A fixture whose alias domain mask.test signs with selector s2026, the key published in its DNS. */
    private OutboundFixture signing() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        Path pem = dir.resolve("dkim.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        OutboundFixture f = new OutboundFixture(Files.createDirectory(dir.resolve("data")),
                Map.of("MASQ_DKIM_KEY", pem.toString(), "MASQ_DKIM_SELECTOR", "s2026"));
        f.dns.txt("s2026._domainkey.mask.test", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        return f;
    }

    @Test
    void withoutAKeyNothingIsSigned() throws Exception {
        try (OutboundFixture f = new OutboundFixture(dir)) {
            f.masq.alias("shop");
            f.send("jane@vendor.test", "shop@mask.test", FROM_JANE);
            Received forwarded = f.awaitReceived(1).getFirst();
            assertThat(values(forwarded.content(), "DKIM-Signature")).isEmpty();
        }
    }
}
