package dev.masq.web;

import dev.masq.crypto.Secrets;
import dev.masq.http.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * At most one mail an hour to one address, however many clients or accounts ask: what keeps a form that mails
 * someone from being a way to mail-bomb them. The limiter's memory holds keyed hashes, no email addresses.
 */
final class OneMailPerAddress {
    private final RateLimiter limiter;
    private final Secrets secrets;

    OneMailPerAddress(Secrets secrets, Clock clock) {
        this.limiter = new RateLimiter(1, Duration.ofHours(1), clock);
        this.secrets = secrets;
    }

    /** Takes the address's mail for this hour: empty when allowed, else how long to wait. */
    Optional<Duration> tryAcquire(String address) {
        return limiter.tryAcquire(HexFormat.of().formatHex(secrets.lookupHash(address.strip().toLowerCase(Locale.ROOT))));
    }
}
