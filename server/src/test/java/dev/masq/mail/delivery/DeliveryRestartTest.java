package dev.masq.mail.delivery;

import static dev.masq.mail.delivery.DeliveryFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.DownstreamSmtpServer.Received;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.outbox.Delivery;

/** At least once, never lost: what is queued when masq stops or dies is delivered by the next run. */
class DeliveryRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    @AutoClose
    DeliveryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new DeliveryFixture(dir);
    }

    @Test
    void whatWasQueuedWhenMasqStoppedIsDeliveredAfterARestart() throws Exception {
        f.downstream.stop();
        f.start();
        List<byte[]> contents = List.of(message("one"), message("two"), message("three"));
        contents.forEach(f::enqueue);
        await().atMost(PATIENCE).until(() -> f.rows().stream().allMatch(r -> r.getAttempts() >= 1));
        f.stopApp();

        f.downstream.restart();
        f.start();

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 3);
        assertThat(f.downstream.received()).extracting(Received::content).containsExactlyInAnyOrderElementsOf(contents);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void aDeliveryInFlightWhenMasqStoppedIsSentAgainByTheNextRun() throws Exception {
        f.downstream.holdAfterData();
        f.start();
        byte[] content = message("in flight");
        f.enqueue(content);
        await().atMost(PATIENCE).until(() -> f.downstream.heldAtData() == 1);

        f.stopApp();
        f.downstream.stop();
        assertThat(f.downstream.received()).isEmpty();

        f.downstream.restart();
        f.start();

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.received().getFirst().content()).isEqualTo(content);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void theLeaseOfAProcessThatDiedIsReleasedOnStart() {
        byte[] content = message("orphaned");
        // A process that claimed the delivery for an hour and then died without a word.
        try (TestMasq dead = TestMasq.offline(f.dataDir, f.env, Clock.systemUTC())) {
            Instant now = dead.clock().instant();
            dead.db().writeVoid(ctx -> dead.deliveryQueue().enqueue(ctx, new Delivery("dl_orphan", f.alias.id(),
                    Delivery.Kind.FORWARD, "", DeliveryFixture.INBOX, content, 0, now, now.plus(Duration.ofDays(5)))));
            List<Delivery> claimed = dead.db().write(ctx -> dead.deliveryQueue().claimDue(ctx, now, now.plus(Duration.ofHours(1)), 10));
            assertThat(claimed).extracting(Delivery::id).containsExactly("dl_orphan");
        }

        f.start();

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.received().getFirst().content()).isEqualTo(content);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }
}
