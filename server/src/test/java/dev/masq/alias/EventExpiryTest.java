package dev.masq.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Alias events older than the retention are deleted; newer ones, and the alias's counters, stay. */
class EventExpiryTest {
    private static final Instant NOW = Instant.now();

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());

    @Test
    void eventsOlderThanTheRetentionGoInBatchesAndRecentOnesStay() {
        Alias shop = masq.alias("shop");
        Instant old = NOW.minus(Duration.ofDays(91));
        Instant recent = NOW.minus(Duration.ofDays(89));
        int oldEvents = EventExpiry.BATCH * 2 + 7;
        masq.db().writeVoid(tx -> {
            for (int i = 0; i < oldEvents; i++) {
                masq.eventRepository().record(tx, shop.id(), "forwarded", "old@sender.test", null, old);
                masq.aliasRepository().countForwarded(tx, shop.id(), old);
            }
            masq.eventRepository().record(tx, shop.id(), "forwarded", "recent@sender.test", null, recent);
            masq.aliasRepository().countForwarded(tx, shop.id(), recent);
        });
        EventExpiry expiry = new EventExpiry(masq.db(), masq.eventRepository(), Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(expiry.expireOld()).isEqualTo(oldEvents);

        assertThat(masq.events(shop)).filteredOn(e -> e.kind().equals("forwarded")).extracting(AliasEvent::sender)
                .containsExactly("recent@sender.test");
        assertThat(masq.reload(shop).forwarded()).isEqualTo(oldEvents + 1);
        assertThat(expiry.expireOld()).isZero();
    }
}
