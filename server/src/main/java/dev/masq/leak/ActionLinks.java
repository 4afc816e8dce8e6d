package dev.masq.leak;

import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The links in a leak notice: {@code <base>/actions/<token>}, where the token names the action and the
 * alias, expires, and is signed with our key. Whoever holds the link may act on that one alias once,
 * without signing in: the notice went to the owner's inbox, so the link is the owner's capability.
 */
public final class ActionLinks {
    public static final Duration LIFETIME = Duration.ofDays(14);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    public enum Action {
        BURN, DISMISS;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a valid token allows. */
    public record Claim(Action action, String aliasId, Instant expiresAt) {
    }

    private final Secrets secrets;
    private final String baseUrl;

    public ActionLinks(Secrets secrets, String baseUrl) {
        this.secrets = secrets;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String link(Action action, String aliasId, Instant now) {
        return baseUrl + "/actions/" + token(action, aliasId, now.plus(LIFETIME));
    }

    String token(Action action, String aliasId, Instant expiresAt) {
        // The nonce keeps the links of a later notice for the same alias apart from the used ones.
        String payload = "v1|" + action.wire() + "|" + aliasId + "|" + expiresAt.getEpochSecond() + "|" + Tokens.randomBase32(8);
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature(payload));
    }

    /** The claim of a token that we signed; empty when it is malformed or tampered with. Expiry is the caller's to judge. */
    public Optional<Claim> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 512) {
            return Optional.empty();
        }
        try {
            String payload = new String(B64D.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, signature(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            if (parts.length != 5 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            Action action = Action.valueOf(parts[1].toUpperCase(Locale.ROOT));
            return Optional.of(new Claim(action, parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String payload) {
        return secrets.sign("masq-action|" + payload);
    }
}
