package dev.masq.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DoorbellTest {
    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aRingWhileTheSenderWasBusyIsKeptForItsNextWait() {
        Doorbell bell = new Doorbell(Clock.systemUTC(), HOUR);
        bell.ring();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> bell.waitUntil(Instant.now().plus(HOUR)));
    }

    @Test
    void aRingWakesAWaitingSenderAndIsUsedUpByIt() throws Exception {
        Doorbell bell = new Doorbell(Clock.systemUTC(), HOUR);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                bell.waitUntil(null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();
        bell.ring();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> waiting.get());
    }

    @Test
    void somethingAlreadyDueIsNotWaitedFor() {
        Doorbell bell = new Doorbell(Clock.systemUTC(), HOUR);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> bell.waitUntil(Instant.now().minusSeconds(1)));
    }
}
