package dev.masq.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import dev.masq.http.RateLimiter;

/**
 * Slows password and code guessing: a budget of attempts per account and per client address, each refilled over
 * a quarter of an hour. Unknown accounts have budgets too, so being throttled says nothing about whether one exists.
 */
public final class LoginThrottle {
    private static final Duration PERIOD = Duration.ofMinutes(15);
    private final RateLimiter perAccount;
    private final RateLimiter perAddress;
    private final dev.masq.crypto.Secrets secrets;

    public LoginThrottle(dev.masq.crypto.Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.perAccount = new RateLimiter(10, PERIOD, clock);
        this.perAddress = new RateLimiter(50, PERIOD, clock);
    }

    /** Takes one attempt from the budgets of {@code address} and {@code account}: empty when allowed, else how long to wait. */
    Optional<Duration> attempt(String address, String account) {
        Optional<Duration> byAddress = perAddress.tryAcquire(address);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        // A keyed hash, so the limiter's memory holds no email addresses.
        String key = HexFormat.of().formatHex(secrets.lookupHash(account == null ? "" : account));
        return perAccount.tryAcquire(key);
    }
}
