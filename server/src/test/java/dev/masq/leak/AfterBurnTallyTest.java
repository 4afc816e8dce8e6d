package dev.masq.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harvester hammering a burned alias from endless domains grows its total, not its table. */
class AfterBurnTallyTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir);
    }

    @Test
    void pastTheCapOfDomainsOnlyTheTotalGrows() {
        Alias alias = masq.alias("harvested");
        masq.aliases().burn(masq.userId, alias.id(), false, null);
        AfterBurnTally tally = new AfterBurnTally(masq.db(), Clock.systemUTC());
        int extra = 20;
        for (int i = 0; i < AfterBurnTally.MAX_DOMAINS + extra; i++) {
            tally.count(alias.id(), "x@spam" + i + ".example");
        }
        tally.count(alias.id(), "x@[192.0.2.1]");
        AfterBurn capped = afterBurnWith(alias, AfterBurnTally.MAX_DOMAINS + extra + 1);
        assertThat(capped.domains()).hasSize(AfterBurnTally.MAX_DOMAINS).allSatisfy(d -> assertThat(d.count()).isEqualTo(1));

        // A domain that has its row keeps its own count past the cap.
        String kept = capped.domains().getLast().domain();
        tally.count(alias.id(), "again@" + kept);
        AfterBurn after = afterBurnWith(alias, AfterBurnTally.MAX_DOMAINS + extra + 2);
        assertThat(after.domains()).hasSize(AfterBurnTally.MAX_DOMAINS);
        assertThat(after.domains().getFirst().domain()).isEqualTo(kept);
        assertThat(after.domains().getFirst().count()).isEqualTo(2);
    }

    private AfterBurn afterBurnWith(Alias alias, long total) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> masq.leaks().leak(masq.userId, alias.id()).afterBurn(), a -> a.total() == total);
    }
}
