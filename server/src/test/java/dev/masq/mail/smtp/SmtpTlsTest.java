package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What TLS the SMTP ports speak, on each way in: STARTTLS on the inbound and the submission port, and
 * TLS from the first byte on the implicit-TLS submission port. TLS 1.3, or TLS 1.2 with an AEAD suite;
 * nothing older, no CBC, and no renegotiation asked for by the client.
 */
class SmtpTlsTest {
    private static final String CBC = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
    private static final String GCM = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

    @TempDir
    static Path dir;
    static TestMasq masq;

    @BeforeAll
    static void start() {
        masq = TestMasq.start(dir, Map.of("MASQ_SUBMISSIONS_PORT", "0"));
    }

    @AfterAll
    static void stop() {
        masq.close();
    }

    enum Port {
        INBOUND, SUBMISSION, SUBMISSIONS;

        SmtpClient open(Consumer<SSLSocket> setUp) {
            if (this == SUBMISSIONS) {
                SmtpClient smtp = SmtpClient.connectTls(masq.submissionsPort(), setUp);
                smtp.expect(220, smtp.reply());
                return smtp;
            }
            SmtpClient smtp = SmtpClient.open(this == INBOUND ? masq.smtpPort() : masq.submissionPort());
            smtp.expect(220, smtp.command("STARTTLS"));
            smtp.handshake(setUp);
            return smtp;
        }
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void tls13IsSpoken(Port port) {
        AtomicReference<SSLSocket> socket = new AtomicReference<>();
        try (SmtpClient smtp = port.open(tls -> {
            tls.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.set(tls);
        })) {
            assertThat(smtp.command("EHLO client.example").code()).isEqualTo(250);
            assertThat(socket.get().getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void tls12WithAnAeadSuiteIsSpoken(Port port) {
        AtomicReference<SSLSocket> socket = new AtomicReference<>();
        try (SmtpClient smtp = port.open(tls12(GCM, socket))) {
            assertThat(smtp.command("EHLO client.example").code()).isEqualTo(250);
            assertThat(socket.get().getSession().getCipherSuite()).isEqualTo(GCM);
        }
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void aClientOfferingOnlyCbcIsRefused(Port port) {
        assertThatThrownBy(() -> port.open(tls12(CBC, new AtomicReference<>())).close()).hasRootCauseInstanceOf(SSLException.class);
    }

    /** The JDK refuses TLS 1.1 by default on both ends; this holds it so should the JDK's defaults loosen. */
    @ParameterizedTest
    @EnumSource(Port.class)
    void tls11IsRefused(Port port) {
        assertThatThrownBy(() -> port.open(tls -> tls.setEnabledProtocols(new String[] {"TLSv1.1"})).close())
                .hasRootCauseInstanceOf(SSLException.class);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void aClientCannotRenegotiate(Port port) {
        AtomicReference<SSLSocket> socket = new AtomicReference<>();
        try (SmtpClient smtp = port.open(tls12(GCM, socket))) {
            assertThat(smtp.command("EHLO client.example").code()).isEqualTo(250);
            assertThatThrownBy(() -> {
                socket.get().startHandshake();
                smtp.command("NOOP");
            }).isInstanceOfAny(RuntimeException.class, SSLException.class);
        }
    }

    private static Consumer<SSLSocket> tls12(String suite, AtomicReference<SSLSocket> socket) {
        return tls -> {
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.setEnabledCipherSuites(new String[] {suite});
            socket.set(tls);
        };
    }
}
