package dev.masq.mail;

import dev.masq.crypto.Pem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * DKIM signatures (RFC 6376) for mail masq sends from an alias domain. The operator's domains share the
 * operator's key and selector, so the same record is published under each of them; a subdomain a user claimed
 * of one is signed for that domain ({@code d=} aligns with it under DMARC's relaxed rule). A user's own domain
 * is signed with its own key, {@code d=} itself. Without a key, messages go out unsigned.
 */
public final class DkimSigning {
    // The fields a receiver shows or threads by; listing cc and reply-to also keeps anyone from adding them later.
    // A receiver offers one-click unsubscribe only when the signature covers List-Unsubscribe and
    // List-Unsubscribe-Post (RFC 8058 §4), and masq's is the signature of a forwarded newsletter.
    private static final String SIGNED_FIELDS = "from:to:cc:reply-to:subject:date:message-id:in-reply-to:references:"
            + "mime-version:content-type:content-transfer-encoding:list-unsubscribe:list-unsubscribe-post";

    /** The DKIM-Signature field {@link #sign} writes in front of a message, continuation lines included. */
    private static final Pattern LEADING_SIGNATURE = Pattern.compile("DKIM-Signature:[^\\n]*\\n([ \\t][^\\n]*\\n)*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNING_DOMAIN = Pattern.compile("[;\\s]d=([A-Za-z0-9.-]+)\\s*;");

    private final Optional<PrivateKey> key;
    private final String selector;
    private final List<String> operatorDomains;
    private final DomainKeys domainKeys;

    private DkimSigning(Optional<PrivateKey> key, String selector, List<String> operatorDomains, DomainKeys domainKeys) {
        this.key = key;
        this.selector = selector;
        this.operatorDomains = List.copyOf(operatorDomains);
        this.domainKeys = domainKeys;
    }

    public static DkimSigning from(Optional<Path> keyFile, String selector, List<String> operatorDomains,
                                   DomainKeys domainKeys) {
        return new DkimSigning(keyFile.map(Pem::privateKey), selector, operatorDomains, domainKeys);
    }

    /** {@code message} with a DKIM-Signature for {@code domain} in front, or as it is when no key serves it. */
    public byte[] sign(byte[] message, String domain) {
        Optional<String> operator = operatorDomains.stream()
                .filter(d -> domain.equals(d) || domain.endsWith("." + d)).findFirst();
        if (operator.isPresent()) {
            return key.isEmpty() ? message : sign(message, operator.get(), selector, key.get());
        }
        return domainKeys.find(domain).map(own -> sign(message, domain, own.selector(), own.privateKey())).orElse(message);
    }

    /**
     * {@code message}, changed after {@link #sign} (converted for a hop without 8BITMIME or SMTPUTF8), with the
     * signature masq put in front replaced by a new one for the same domain; as it is when it starts with none.
     */
    public byte[] resign(byte[] message) {
        Matcher m = LEADING_SIGNATURE.matcher(new String(message, 0, Math.min(message.length, 8192), StandardCharsets.ISO_8859_1));
        if (!m.lookingAt()) {
            return message;
        }
        Matcher d = SIGNING_DOMAIN.matcher(m.group());
        if (!d.find()) {
            return message;
        }
        byte[] unsigned = Arrays.copyOfRange(message, m.end(), message.length);
        byte[] signed = sign(unsigned, d.group(1).toLowerCase(Locale.ROOT));
        return signed == unsigned ? message : signed;
    }

    private static byte[] sign(byte[] message, String domain, String selector, PrivateKey key) {
        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; q=dns/txt; d=" + domain + "; s="
                + selector + "; h=" + SIGNED_FIELDS + "; bh=; b=;", key);
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
