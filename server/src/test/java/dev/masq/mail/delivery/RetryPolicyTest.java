package dev.masq.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(4));

    @Test
    void delaysDoubleFromTheMinimumUpToTheMaximum() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofMinutes(128));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofHours(4));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theLastAttemptIsAtExpiryNotAfter() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.nextAttempt(3, now, now.plus(Duration.ofHours(1)))).isEqualTo(now.plus(Duration.ofMinutes(4)));
        assertThat(policy.nextAttempt(9, now, now.plus(Duration.ofHours(1)))).isEqualTo(now.plus(Duration.ofHours(1)));
    }
}
