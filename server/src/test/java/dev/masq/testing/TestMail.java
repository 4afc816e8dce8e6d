package dev.masq.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.james.jdkim.DKIMSigner;

/** Messages for tests, and DKIM signing of them with a key the test publishes in {@link TestDns}. */
public final class TestMail {
    private TestMail() {
    }

    public static byte[] message(String from, String subject, String body) {
        String text = "From: " + from + "\r\n"
                + "To: shop.k3x9@mask.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 12 Jan 2026 08:30:00 +0000\r\n"
                + "Message-ID: <" + Math.abs(body.hashCode()) + "@test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + body + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TXT record that publishes {@code key} for DKIM. */
    public static String dkimRecord(KeyPair key) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    /** {@code message} with a DKIM-Signature header by {@code domain}, selector {@code selector}, in front. */
    public static byte[] dkimSigned(byte[] message, String domain, String selector, KeyPair key) throws Exception {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; q=dns/txt; d=" + domain + "; s=" + selector
                + "; h=from:to:subject:date:message-id; bh=; b=;", key.getPrivate());
        String signature = signer.sign(new ByteArrayInputStream(message));
        byte[] header = (signature + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[header.length + message.length];
        System.arraycopy(header, 0, signed, 0, header.length);
        System.arraycopy(message, 0, signed, header.length, message.length);
        return signed;
    }
}
