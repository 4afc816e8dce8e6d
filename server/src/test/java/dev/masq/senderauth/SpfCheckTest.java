package dev.masq.senderauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.testing.TestDns;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

class SpfCheckTest {
    @AutoClose
    TestDns dns;
    final AtomicLong nanos = new AtomicLong();
    SpfCheck spf;

    @BeforeEach
    void setUp() throws Exception {
        // TTL 0: the resolver keeps nothing, so every evaluation SpfCheck makes shows up as a query.
        dns = TestDns.start().add(new TXTRecord(Name.fromString("vendor.test."), DClass.IN, 0,
                List.of("v=spf1 ip4:192.0.2.10 -all")));
        spf = new SpfCheck(DnsLookup.using(Optional.of(dns.address()), Duration.ofMillis(300)), "mx.mask.test", nanos::get);
    }

    @Test
    void aRunOfMailFromOneSenderIsEvaluatedOnceUntilTheResultIsStale() {
        assertThat(spf.check("192.0.2.10", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.PASS);
        int afterFirst = dns.queries();
        assertThat(afterFirst).isPositive();

        nanos.addAndGet(SpfCheck.KEEP.toNanos() - 1);
        assertThat(spf.check("192.0.2.10", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.PASS);
        assertThat(dns.queries()).as("kept, not evaluated again").isEqualTo(afterFirst);
        assertThat(spf.check("198.51.100.7", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.FAIL);
        int afterOtherClient = dns.queries();
        assertThat(afterOtherClient).as("another client address is evaluated").isGreaterThan(afterFirst);

        nanos.addAndGet(1);
        assertThat(spf.check("192.0.2.10", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.PASS);
        assertThat(dns.queries()).isGreaterThan(afterOtherClient);
    }

    @Test
    void aTemporaryErrorIsAskedAgainNextTime() {
        dns.silence("vendor.test");
        assertThat(spf.check("192.0.2.10", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.TEMPERROR);
        int afterFirst = dns.queries();
        assertThat(spf.check("192.0.2.10", "news@vendor.test", "mta.vendor.test")).isEqualTo(SpfResult.TEMPERROR);
        assertThat(dns.queries()).isGreaterThan(afterFirst);
    }
}
