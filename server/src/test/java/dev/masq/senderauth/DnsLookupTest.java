package dev.masq.senderauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.testing.TestDns;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DnsLookupTest {

    @Test
    void answersAreKeptForTheirTtlSoARunOfMailFromOneDomainAsksDnsOnce() throws Exception {
        try (TestDns dns = TestDns.start().txt("vendor.test", "v=spf1 -all")) {
            DnsLookup lookup = DnsLookup.using(Optional.of(dns.address()), Duration.ofMillis(300));
            assertThat(lookup.query("vendor.test", Type.TXT).values()).containsExactly("v=spf1 -all");
            assertThat(lookup.query("_dmarc.vendor.test", Type.TXT).outcome()).isEqualTo(DnsAnswer.Outcome.NONE);

            dns.silenceEverything();
            assertThat(lookup.query("VENDOR.test", Type.TXT).values()).containsExactly("v=spf1 -all");
            assertThat(lookup.query("_dmarc.vendor.test", Type.TXT).outcome()).isEqualTo(DnsAnswer.Outcome.NONE);
            assertThat(lookup.query("other.test", Type.TXT).isTemporaryFailure()).isTrue();
        }
    }
}
