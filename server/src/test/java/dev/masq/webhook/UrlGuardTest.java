package dev.masq.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.common.InvalidInputException;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
    private static final UrlGuard GUARD = new UrlGuard(false, new HostResolver(Optional.empty()));

    @Test
    void loopbackPrivateLinkLocalAndCarrierNatAddressesAreRefused() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/"}) {
            assertRefused(url);
        }
        assertThat(NonPublicAddresses.contains(InetAddress.getByName("93.184.215.14"))).isFalse();
        assertThat(NonPublicAddresses.contains(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))).isFalse();
        assertThat(new UrlGuard(true, new HostResolver(Optional.empty())).check("http://127.0.0.1:8080/x").getPort()).isEqualTo(8080);
    }

    @Test
    void everyBlockOfTheIpv4SpecialPurposeRegistryThatIsNotGlobalIsRefused() {
        for (String ip : new String[] {"0.1.2.3", "10.255.255.255", "100.127.255.255", "127.8.8.8", "169.254.0.1", "172.31.255.255",
                "192.0.0.1", "192.0.0.170", "192.0.2.1", "192.88.99.1", "192.168.255.255", "198.18.0.1", "198.19.255.255",
                "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.254", "255.255.255.255"}) {
            assertRefused("http://" + ip + "/hook");
        }
        for (String ip : new String[] {"1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
                "192.0.1.1", "192.88.98.255", "198.17.255.255", "198.20.0.0", "223.255.255.255"}) {
            assertThat(NonPublicAddresses.contains(literal(ip))).as(ip).isFalse();
        }
    }

    @Test
    void everyBlockOfTheIpv6SpecialPurposeRegistryThatIsNotGlobalIsRefused() {
        for (String ip : new String[] {"::", "::1", "::127.0.0.1", "::8.8.8.8", "64:ff9b:1::1", "100::1", "2001::1", "2001:1ff:ffff::1",
                "2001:db8::1", "2002:0808:0808::1", "fc00::1", "fdff::1", "fe80::1", "febf::1", "fec0::1", "ff02::1"}) {
            assertRefused("http://[" + ip + "]/hook");
        }
        for (String ip : new String[] {"2606:4700::1111", "2a00:1450:4001::200e", "2001:200::1", "64:ff9b:2::1", "2003::1"}) {
            assertThat(NonPublicAddresses.contains(literal(ip))).as(ip).isFalse();
        }
    }

    @Test
    void anIpv4AddressCarriedInIpv6IsJudgedOrRefusedWithItsTransition() {
        // The cloud metadata address, reached through NAT64, 6to4, Teredo (its client address inverted), mapped and compatible forms.
        for (String ip : new String[] {"64:ff9b::a9fe:a9fe", "64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1", "2002:a9fe:a9fe::1",
                "2001:0:4136:e378:8000:63bf:5601:5601", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "::127.0.0.1", "::a9fe:a9fe"}) {
            assertRefused("http://[" + ip + "]/hook");
        }
        // NAT64 of a public address is how an IPv6-only network with DNS64 reaches every IPv4-only receiver.
        assertThat(NonPublicAddresses.contains(literal("64:ff9b::808:808"))).isFalse();
        assertThat(NonPublicAddresses.contains(literal("::ffff:8.8.8.8"))).isFalse();
    }

    @Test
    void onlyHttpAndHttpsWithAHostAreTaken() {
        UrlGuard guard = new UrlGuard(true, new HostResolver(Optional.empty()));
        for (String url : new String[] {"ftp://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost", "not a url", ""}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(InvalidInputException.class)
                    .extracting("field").isEqualTo("url");
        }
    }

    private static void assertRefused(String url) {
        assertThatThrownBy(() -> GUARD.check(url)).as(url).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("private or local address");
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
