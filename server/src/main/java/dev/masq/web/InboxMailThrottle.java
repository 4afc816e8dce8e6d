package dev.masq.web;

import dev.masq.crypto.Secrets;
import dev.masq.http.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps "add an inbox" from being a way to mail-bomb someone: adding and removing the same address again mailed
 * it a confirmation each time. One confirmation mail to one address an hour, whoever asks, and a few an hour
 * from one account.
 */
public final class InboxMailThrottle {
    static final int PER_ACCOUNT_PER_HOUR = 5;
    private static final Duration HOUR = Duration.ofHours(1);

    private final RateLimiter perAccount;
    private final OneMailPerAddress perTarget;

    public InboxMailThrottle(Secrets secrets, Clock clock) {
        this.perAccount = new RateLimiter(PER_ACCOUNT_PER_HOUR, HOUR, clock);
        this.perTarget = new OneMailPerAddress(secrets, clock);
    }

    /** Takes one confirmation mail from both budgets: empty when allowed, else how long to wait. */
    Optional<Duration> request(String userId, String target) {
        Optional<Duration> account = perAccount.tryAcquire(userId);
        if (account.isPresent()) {
            return account;
        }
        return perTarget.tryAcquire(String.valueOf(target));
    }
}
