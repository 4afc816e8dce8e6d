package dev.masq.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.testing.TestDns;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MxResolverTest {
    @AutoClose
    TestDns dns;
    MxResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        dns = TestDns.start();
        String[] hp = dns.hostPort().split(":");
        resolver = new MxResolver(Optional.of(InetSocketAddress.createUnresolved(hp[0], Integer.parseInt(hp[1]))), 2525);
    }

    @Test
    void mxHostsComeInOrderOfPreferenceWithTheirAddresses() throws Exception {
        dns.mx("inbox.test", 20, "backup.inbox.test").mx("inbox.test", 10, "mx.inbox.test")
                .a("mx.inbox.test", "127.0.0.10").a("backup.inbox.test", "127.0.0.20");

        assertThat(resolver.resolve("inbox.test")).extracting(Hop::toString)
                .containsExactly("mx.inbox.test[127.0.0.10]:2525", "backup.inbox.test[127.0.0.20]:2525");
    }

    @Test
    void aDomainWithoutMxReceivesAtItsOwnAddress() throws Exception {
        dns.a("plain.test", "127.0.0.7");

        assertThat(resolver.resolve("plain.test")).extracting(Hop::toString).containsExactly("plain.test[127.0.0.7]:2525");
    }

    @Test
    void aNullMxIsPermanent() {
        dns.nullMx("nomail.test").a("nomail.test", "127.0.0.8");

        assertThatThrownBy(() -> resolver.resolve("nomail.test"))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.isPermanent()).isTrue())
                .hasMessageContaining("null MX");
    }

    @Test
    void aDomainThatDoesNotExistIsPermanent() {
        assertThatThrownBy(() -> resolver.resolve("nowhere.test"))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.isPermanent()).isTrue());
    }

    @Test
    void aDnsFailureIsTemporary() {
        dns.failing("broken.test");

        assertThatThrownBy(() -> resolver.resolve("broken.test"))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.TEMPORARY));
    }

    @Test
    void anMxHostWithoutAddressIsTemporary() {
        dns.mx("lame.test", 10, "mx.lame.test");

        assertThatThrownBy(() -> resolver.resolve("lame.test"))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.TEMPORARY));
    }
}
