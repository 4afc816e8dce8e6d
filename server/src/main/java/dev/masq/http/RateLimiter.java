package dev.masq.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per caller: up to {@code capacity} requests at once, refilled evenly over {@code period}.
 * Buckets live in memory, one per caller that asked lately, which is enough for one process: once there are many, the
 * full ones (callers that have not asked for a whole period) are dropped, since a new full bucket is the same thing.
 */
public final class RateLimiter {
    private static final int SWEEP_AT = 10_000;
    private final int capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1");
        }
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / period.toMillis();
        this.clock = clock;
    }

    /** Takes a token for {@code caller}: empty when granted, else how long until the next token. */
    public Optional<Duration> tryAcquire(String caller) {
        long now = clock.millis();
        Bucket bucket = buckets.compute(caller, (k, old) -> take(old == null ? capacity : refilled(old, now), now));
        if (buckets.size() > SWEEP_AT) {
            // Callers chosen by whoever asks (addresses typed into a form) must not grow this map for ever.
            buckets.values().removeIf(b -> refilled(b, now) >= capacity);
        }
        if (bucket.granted()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil((1 - bucket.tokens()) / tokensPerMilli)));
    }

    /** As {@link #tryAcquire}, but a refusal ends the request with 429 and {@code Retry-After}. */
    public void acquire(String caller) {
        tryAcquire(caller).ifPresent(wait -> {
            throw ProblemException.tooManyRequests(wait);
        });
    }

    private double refilled(Bucket b, long now) {
        return Math.min(capacity, b.tokens() + Math.max(0, now - b.at()) * tokensPerMilli);
    }

    private static Bucket take(double tokens, long now) {
        return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
    }

    private record Bucket(double tokens, long at, boolean granted) {
    }
}
