package dev.masq.http;

import dev.masq.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);

    @Test
    void grantsABurstThenRefillsEvenly() {
        assertThat(limiter.tryAcquire("u")).isEmpty();
        assertThat(limiter.tryAcquire("u")).isEmpty();
        assertThat(limiter.tryAcquire("u")).contains(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("u")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("u")).isEmpty();
        assertThat(limiter.tryAcquire("u")).isPresent();
    }

    @Test
    void callersHaveTheirOwnBucketsThatNeverOverfill() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("b")).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

}
