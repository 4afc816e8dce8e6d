package dev.masq.mail;

import dev.masq.crypto.Pem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * DKIM signatures (RFC 6376) for mail masq sends from an alias domain, with the operator's key: one
 * key and selector for every alias domain, so the same record is published under each of them.
 * Without a key, messages go out unsigned.
 */
public final class DkimSigning {
    // The fields a receiver shows or threads by; listing cc and reply-to also keeps anyone from adding them later.
    private static final String SIGNED_FIELDS = "from:to:cc:reply-to:subject:date:message-id:in-reply-to:references:"
            + "mime-version:content-type:content-transfer-encoding";

    private final Optional<PrivateKey> key;
    private final String selector;

    private DkimSigning(Optional<PrivateKey> key, String selector) {
        this.key = key;
        this.selector = selector;
    }

    public static DkimSigning from(Optional<Path> keyFile, String selector) {
        return new DkimSigning(keyFile.map(Pem::privateKey), selector);
    }

    /** {@code message} with a DKIM-Signature of {@code domain} in front, or as it is when no key is set. */
    public byte[] sign(byte[] message, String domain) {
        if (key.isEmpty()) {
            return message;
        }
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; q=dns/txt; d=" + domain + "; s="
                + selector + "; h=" + SIGNED_FIELDS + "; bh=; b=;", key.get());
        try {
            String signature = signer.sign(new ByteArrayInputStream(message));
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + signature.length() + 2);
            out.writeBytes((signature + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(message);
            return out.toByteArray();
        } catch (FailException | java.io.IOException e) {
            throw new IllegalStateException("cannot DKIM-sign a message for " + domain, e);
        }
    }
}
