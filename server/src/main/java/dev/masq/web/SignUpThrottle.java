package dev.masq.web;

import dev.masq.config.SignUpSettings;
import dev.masq.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import dev.masq.http.RateLimiter;

/**
 * Keeps open sign-up from being a way to mail-bomb someone: a budget of requests per client address an hour, and
 * at most one sign-up mail to one target address an hour, however many clients ask for it.
 */
public final class SignUpThrottle {
    private static final Duration HOUR = Duration.ofHours(1);

    private final RateLimiter perClient;
    private final OneMailPerAddress perTarget;

    public SignUpThrottle(SignUpSettings settings, Secrets secrets, Clock clock) {
        this.perClient = new RateLimiter(settings.perClientPerHour(), HOUR, clock);
        this.perTarget = new OneMailPerAddress(secrets, clock);
    }

    /** Takes one request from {@code client}'s budget: empty when allowed, else how long to wait. */
    Optional<Duration> request(String client) {
        return perClient.tryAcquire(client);
    }

    /** Whether {@code target} may be mailed now; false for an hour after each mail. */
    boolean mayMail(String target) {
        return perTarget.tryAcquire(target).isEmpty();
    }
}
