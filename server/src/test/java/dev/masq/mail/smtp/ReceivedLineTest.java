package dev.masq.mail.smtp;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarded copy's trace line tells how the hop before masq sent it (RFC 3848, RFC 6531 §3.7.3). */
class ReceivedLineTest {
    private static final byte[] MESSAGE = bytes("From: a@vendor.example\r\nSubject: hi\r\n\r\nbody\r\n");

    @AutoClose
    final TestMasq masq = TestMasq.start(Map.of());

    @BeforeEach
    void alias() {
        masq.alias("shop");
    }

    @Test
    void plainEhloIsEsmtp() {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.send("a@vendor.example", List.of("shop@mask.test"), MESSAGE));
        }
        assertThat(receivedLine()).contains("(masq) with ESMTP\r\n");
    }

    @Test
    void heloIsSmtp() {
        try (SmtpClient smtp = SmtpClient.connect(masq.smtpPort())) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("HELO client.example"));
            smtp.expect(250, smtp.send("a@vendor.example", List.of("shop@mask.test"), MESSAGE));
        }
        assertThat(receivedLine()).contains("(masq) with SMTP\r\n");
    }

    @Test
    void startTlsIsEsmtps() {
        try (SmtpClient smtp = masq.open()) {
            smtp.startTls();
            smtp.expect(250, smtp.command("EHLO client.example"));
            smtp.expect(250, smtp.send("a@vendor.example", List.of("shop@mask.test"), MESSAGE));
        }
        assertThat(receivedLine()).contains("(masq) with ESMTPS\r\n");
    }

    @Test
    void smtpUtf8OverTlsIsUtf8Smtps() {
        try (SmtpClient smtp = masq.open()) {
            smtp.startTls();
            smtp.expect(250, smtp.command("EHLO client.example"));
            smtp.write("MAIL FROM:<jösé@exämple.org> SMTPUTF8\r\n".getBytes(StandardCharsets.UTF_8));
            smtp.expect(250, smtp.reply());
            smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
            smtp.expect(250, smtp.data(MESSAGE));
        }
        assertThat(receivedLine()).contains("(masq) with UTF8SMTPS\r\n");
    }

    private String receivedLine() {
        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).hasSize(1);
        String copy = new String(queued.getFirst().content(), StandardCharsets.UTF_8);
        assertThat(copy).startsWith("Received: from client.example ([127.0.0.1])\r\n");
        return copy.substring(0, copy.indexOf("; "));
    }
}
