package dev.masq.mail;

import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Signed envelope senders ({@code bounce+<alias id>+<signature>@domain}) for mail masq sends, so a
 * bounce names the alias it concerns and a forged bounce is recognised and dropped.
 */
public final class Verp {
    private static final String PREFIX = "bounce+";
    private static final int SIGNATURE_CHARS = 16;

    private final Secrets secrets;

    public Verp(Secrets secrets) {
        this.secrets = secrets;
    }

    public String address(String aliasId, String domain) {
        return PREFIX + aliasId + "+" + signature(aliasId) + "@" + domain;
    }

    public static boolean looksLikeVerp(String localPart) {
        return localPart.startsWith(PREFIX);
    }

    /** The alias id carried by a VERP local part, if its signature is ours. */
    public Optional<String> aliasIdOf(String localPart) {
        if (!looksLikeVerp(localPart)) {
            return Optional.empty();
        }
        String rest = localPart.substring(PREFIX.length());
        int plus = rest.lastIndexOf('+');
        if (plus <= 0) {
            return Optional.empty();
        }
        String aliasId = rest.substring(0, plus);
        byte[] expected = signature(aliasId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = rest.substring(plus + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(aliasId) : Optional.empty();
    }

    private String signature(String aliasId) {
        return Tokens.base32(secrets.sign("verp:" + aliasId), SIGNATURE_CHARS);
    }
}
