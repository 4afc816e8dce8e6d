package dev.masq.mail;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.body;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.longestLine;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.senderauth.DkimResult;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines longer than SMTP allows (RFC 5321 §4.5.3.1.6: 1,000 octets with CRLF) are accepted from
 * senders as they always were, and broken on the way out, so that a next hop enforcing the limit
 * takes the message instead of refusing it after masq said 250.
 */
class LongLinesTest {
    /** 20,000 characters of words: folded at white space, it unfolds to exactly this. */
    static final String SUBJECT = "word ".repeat(4_000).strip();
    /** 1,500 characters without white space, with two-octet characters that must not be split. */
    static final String LONG_LINE = "caf\u00e9".repeat(375);

    @TempDir
    Path dir;
    KeyPair dkimKey;
    @AutoClose
    OutboundFixture f;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        dkimKey = generator.generateKeyPair();
        Path pem = dir.resolve("dkim.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(dkimKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        f = new OutboundFixture(Files.createDirectory(dir.resolve("data")),
                Map.of("MASQ_DKIM_KEY", pem.toString(), "MASQ_DKIM_SELECTOR", "s1"));
        f.dns.txt("s1._domainkey.mask.test", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded()));
        f.downstream.enforceLineLimit();
        f.masq.alias("shop");
    }

    @Test
    void aForwardedCopyWithALongSubjectAndBodyLineArrivesWhole() throws Exception {
        byte[] body = ("Hello,\r\n" + LONG_LINE + "\r\nBye.\r\n").getBytes(StandardCharsets.UTF_8);
        send("jane@vendor.test", "shop@mask.test", concat(bytes("From: Jane Doe <jane@vendor.test>\r\nTo: shop@mask.test\r\n"
                + "Subject: " + SUBJECT + "\r\nMessage-ID: <long-1@vendor.test>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"), body));

        Received copy = f.awaitReceived(1).getFirst();
        assertThat(copy.recipients()).containsExactly(OutboundFixture.INBOX);
        assertThat(longestLine(copy.content())).as("longest line, CRLF included").isLessThanOrEqualTo(1000);
        assertThat(values(copy.content(), "Subject")).containsExactly(SUBJECT);
        assertThat(new String(body(copy.content()), StandardCharsets.UTF_8).replace("\r\n ", ""))
                .isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(verify(copy)).as("signed after breaking the lines").containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));
    }

    @Test
    void aReplyWithALongLineArrivesWhole() throws Exception {
        send("jane@vendor.test", "shop@mask.test", bytes("From: Jane <jane@vendor.test>\r\nSubject: hi\r\n\r\nhi\r\n"));
        String reverse = addresses(values(f.awaitReceived(1).getFirst().content(), "Reply-To").getFirst())[0].getAddress();
        byte[] text = (LONG_LINE + "\r\n").getBytes(StandardCharsets.UTF_8);
        send(OutboundFixture.INBOX, reverse, f.signedByInbox(concat(bytes("From: person@inbox.test\r\nTo: <" + reverse + ">\r\n"
                + "Subject: Re: hi\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\nMessage-ID: <r1@inbox.test>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"), text)));

        Received reply = f.awaitReceived(2).get(1);
        assertThat(reply.recipients()).containsExactly("jane@vendor.test");
        assertThat(longestLine(reply.content())).as("longest line, CRLF included").isLessThanOrEqualTo(1000);
        assertThat(new String(body(reply.content()), StandardCharsets.UTF_8).replace("\r\n ", ""))
                .isEqualTo(new String(text, StandardCharsets.UTF_8));
        assertThat(verify(reply)).containsExactly(new DkimResult("mask.test", DkimResult.Status.PASS));
    }

    private List<DkimResult> verify(Received message) throws Exception {
        SenderAuthentication receiver = new SenderAuthentication(Optional.of(f.dns.address()), Duration.ofSeconds(5), "mx.test");
        return receiver.authenticate(new SmtpIdentity(message.mailFrom(), "mx.mask.test", InetAddress.getLoopbackAddress()),
                message.content()).dkim();
    }

    private void send(String sender, String recipient, byte[] message) {
        try (SmtpClient smtp = SmtpClient.connect(f.masq.smtpPort(), "127.0.0.1")) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO client.example"));
            smtp.expect(250, smtp.send(sender, List.of(recipient), message));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
