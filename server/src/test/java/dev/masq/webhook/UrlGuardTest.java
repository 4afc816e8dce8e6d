package dev.masq.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.common.InvalidInputException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class UrlGuardTest {
    @Test
    void loopbackPrivateLinkLocalAndCarrierNatAddressesAreRefused() throws Exception {
        UrlGuard guard = new UrlGuard(false);
        for (String url : new String[] {"http://127.0.0.1:8080/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(InvalidInputException.class);
        }
        assertThat(UrlGuard.isPrivate(InetAddress.getByName("93.184.215.14"))).isFalse();
        assertThat(UrlGuard.isPrivate(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))).isFalse();
        assertThat(new UrlGuard(true).check("http://127.0.0.1:8080/x").getPort()).isEqualTo(8080);
    }

    @Test
    void onlyHttpAndHttpsWithAHostAreTaken() {
        UrlGuard guard = new UrlGuard(true);
        for (String url : new String[] {"ftp://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost", "not a url", ""}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(InvalidInputException.class)
                    .extracting("field").isEqualTo("url");
        }
    }
}
