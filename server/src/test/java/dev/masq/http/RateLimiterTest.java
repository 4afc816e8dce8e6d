package dev.masq.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MovableClock clock = new MovableClock();
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

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
