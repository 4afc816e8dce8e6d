package dev.masq.api;

import dev.masq.crypto.Secrets;
import dev.masq.http.Problem;
import dev.masq.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * SimpleLogin's signed suffixes: the options call offers {@code .k3x9@mask.example}, signed for the user who asked
 * and for ten minutes; the create call takes back only such a signature. So a client can neither pick a domain it
 * was not offered nor replay another user's offer, and masq keeps nothing between the two calls.
 */
public record SignedSuffixes(Secrets secrets, Clock clock) {
    /** SimpleLogin's own window; its extension answers an expired offer (412) by asking for new options. */
    static final Duration VALID = Duration.ofMinutes(10);

    /** {@code suffix.<expiry>.<mac>}: the suffix stays readable in front, as SimpleLogin's are. */
    public String sign(String userId, String suffix) {
        String expiry = Long.toString(clock.instant().plus(VALID).getEpochSecond(), 36);
        return suffix + "." + expiry + "." + mac(userId, suffix, expiry);
    }

    /** The suffix this user was offered; 400 for anything else, 412 once the offer has run out. */
    public String verify(String userId, String signed) {
        int macAt = signed == null ? -1 : signed.lastIndexOf('.');
        int expiryAt = macAt <= 0 ? -1 : signed.lastIndexOf('.', macAt - 1);
        if (expiryAt <= 0) {
            throw tampered();
        }
        String suffix = signed.substring(0, expiryAt);
        String expiry = signed.substring(expiryAt + 1, macAt);
        byte[] given = signed.substring(macAt + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, mac(userId, suffix, expiry).getBytes(StandardCharsets.US_ASCII))) {
            throw tampered();
        }
        if (clock.instant().getEpochSecond() > Long.parseLong(expiry, 36)) {
            throw new ProblemException(Problem.ofField(412, "signed_suffix",
                    "Alias creation time is expired, please retry"), Map.of());
        }
        return suffix;
    }

    private String mac(String userId, String suffix, String expiry) {
        byte[] mac = secrets.sign("simplelogin-suffix\n" + userId + "\n" + suffix + "\n" + expiry);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    private static ProblemException tampered() {
        return ProblemException.badRequest("signed_suffix", "Tampered suffix: use one of the suffixes the options call offered");
    }
}
