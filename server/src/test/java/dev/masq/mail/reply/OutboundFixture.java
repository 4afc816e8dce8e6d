package dev.masq.mail.reply;

import java.util.Optional;
import java.net.InetAddress;
import dev.masq.testing.SmtpClient;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.DkimResult;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.mail.forward.Contact;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.TestDns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;

/**
 * A masq delivering through a real downstream SMTP server (the contacts' side, and the
 * owner's inbox), with a test DNS publishing SPF, DKIM and DMARC for the inbox's domain
 * {@code inbox.test}: SPF passes for 127.0.0.1 only, DKIM for the key {@link #inboxKey}.
 */
public final class OutboundFixture implements AutoCloseable {
    public static final String INBOX = TestMasq.INBOX;

    public final DownstreamSmtpServer downstream;
    public final TestDns dns;
    public final TestMasq masq;
    public final KeyPair inboxKey;

    public OutboundFixture(Path dir) throws Exception {
        this(dir, Map.of());
    }

    /** With further settings ({@code env}) on top of the fixture's own. */
    public OutboundFixture(Path dir, Map<String, String> env) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        inboxKey = generator.generateKeyPair();
        downstream = DownstreamSmtpServer.start();
        dns = TestDns.start()
                .txt("inbox.test", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.inbox.test", "v=DMARC1; p=reject")
                .txt("s1._domainkey.inbox.test", "v=DKIM1; k=rsa; p="
                        + Base64.getEncoder().encodeToString(inboxKey.getPublic().getEncoded()));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(Map.of(
                "MASQ_RELAY", downstream.hostPort(),
                "MASQ_DELIVERY_STARTTLS", "false",
                "MASQ_DELIVERY_CONCURRENCY", "2",
                "MASQ_DNS", "127.0.0.1:" + dns.address().getPort()));
        masq = TestMasq.start(dir, all);
    }

    public Contact contact(Alias alias, String address) {
        return masq.contacts().open(masq.userId, alias.id(), address);
    }

    /** Waits for the downstream to have received {@code n} messages and returns them. */
    /** As a receiver checks it: jDKIM through masq's own sender authentication, keys from the test DNS. */
    public List<DkimResult> dkimOf(DownstreamSmtpServer.Received message) {
        SenderAuthentication receiver = new SenderAuthentication(Optional.of(dns.address()), Duration.ofSeconds(5), "mx.test");
        return receiver.authenticate(new SmtpIdentity(message.mailFrom(), "mx.mask.test", InetAddress.getLoopbackAddress()),
                message.content()).dkim();
    }

    /** One message over masq's inbound port, accepted. */
    public void send(String sender, String recipient, byte[] message) {
        try (SmtpClient smtp = SmtpClient.connect(masq.smtpPort(), "127.0.0.1")) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO client.example"));
            smtp.expect(250, smtp.send(sender, List.of(recipient), message));
        }
    }

    public List<DownstreamSmtpServer.Received> awaitReceived(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> downstream.received().size() >= n);
        return downstream.received();
    }

    /** The owner answers from their inbox (DKIM-signed as inbox.test) to {@code reverseAlias}: "Re: Your order". */
    public void replyFromInbox(String reverseAlias) throws Exception {
        send(INBOX, reverseAlias, signedByInbox(("From: " + INBOX + "\r\nTo: <" + reverseAlias + ">\r\n"
                + "Subject: Re: Your order\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\nMessage-ID: <r1@inbox.test>\r\n"
                + "\r\nThanks.\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    /** {@code message} with a DKIM-Signature of inbox.test in front. */
    public byte[] signedByInbox(byte[] message) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; q=dns/txt; d=inbox.test; s=s1; "
                + "h=from:to:cc:subject:date:message-id; bh=; b=;", inboxKey.getPrivate());
        String signature = signer.sign(new ByteArrayInputStream(message)) + "\r\n";
        byte[] header = signature.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + message.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(message, 0, out, header.length, message.length);
        return out;
    }

    /** The decoded text of every text part, whatever its transfer encoding. */
    public static List<String> decodedTexts(byte[] message) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        Message m = builder.parseMessage(new ByteArrayInputStream(message));
        List<String> out = new ArrayList<>();
        collect(m, out);
        return out;
    }

    private static void collect(Entity e, List<String> out) throws IOException {
        if (e.getBody() instanceof Multipart mp) {
            for (Entity part : mp.getBodyParts()) {
                collect(part, out);
            }
        } else if (e.getBody() instanceof TextBody text) {
            try (Reader r = text.getReader()) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) >= 0; ) {
                    sb.append(buf, 0, n);
                }
                out.add(sb.toString());
            }
        }
    }

    @Override
    public void close() throws Exception {
        masq.close();
        downstream.close();
        dns.close();
    }
}
