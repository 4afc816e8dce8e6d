package dev.masq.mail.delivery;

import java.time.Duration;
import java.time.Instant;

/** When to try again after a temporary failure: {@code min × 2^(failures-1)}, never more than {@code max}. */
public record RetryPolicy(Duration min, Duration max) {
    // 2^30 × any sensible minimum is far beyond any maximum; the cap keeps the shift from overflowing.
    private static final int MAX_DOUBLINGS = 30;

    public RetryPolicy {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 < min <= max");
        }
    }

    /** The pause after the {@code failures}-th failed attempt (1 for the first). */
    public Duration delayAfter(int failures) {
        int doublings = Math.clamp(failures - 1, 0, MAX_DOUBLINGS);
        Duration delay = min.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * When to try next. Never later than {@code expiresAt}: the last attempt happens at expiry, so a
     * message is not given up while the next try would still have been within its lifetime.
     */
    public Instant nextAttempt(int failures, Instant now, Instant expiresAt) {
        Instant next = now.plus(delayAfter(failures));
        return next.isAfter(expiresAt) ? expiresAt : next;
    }
}
