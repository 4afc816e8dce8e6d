package dev.masq.mail.delivery;

import static dev.masq.mail.delivery.DeliveryFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.SelfSignedTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS is opportunistic: taken whenever offered, whatever the certificate, and can be turned off. */
class StartTlsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void encryptsWhenTheServerOffersStartTlsEvenWithASelfSignedCertificate() throws Exception {
        try (DeliveryFixture f = fixture()) {
            f.start();
            byte[] content = message("secret");

            f.enqueue(content);

            await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
            assertThat(f.downstream.received().getFirst().tls()).isTrue();
            assertThat(f.downstream.received().getFirst().content()).isEqualTo(content);
        }
    }

    @Test
    void sendsInPlainTextWhenStartTlsIsTurnedOff() throws Exception {
        try (DeliveryFixture f = fixture()) {
            f.env.put("MASQ_DELIVERY_STARTTLS", "false");
            f.start();

            f.enqueue(message("plain"));

            await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
            assertThat(f.downstream.received().getFirst().tls()).isFalse();
        }
    }

    private DeliveryFixture fixture() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        return new DeliveryFixture(data, DownstreamSmtpServer.start(SelfSignedTls.serverContext(dir, "downstream.test")));
    }
}
