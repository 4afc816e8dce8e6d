package dev.masq.mail.smtp;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STARTTLS command injection (CVE-2011-0411): whatever an on-path attacker puts behind STARTTLS in
 * clear must never be executed inside the TLS session the client then opens.
 */
class StartTlsInjectionTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    Alias victim;
    Alias other;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir);
        victim = masq.alias("victim");
        other = masq.alias("other");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "STARTTLS\r\nMAIL FROM:<x@evil.example>\r\nRCPT TO:<other@mask.test>\r\n",
            "starttls \r\nMAIL FROM:<x@evil.example>\r\nRCPT TO:<other@mask.test>\r\nDATA\r\n",
            "STARTTLS\r\nRCPT TO:<other@mask.test>\r\nMAIL FROM:<x@evil.example>"})
    void commandsSentInClearWithStartTlsAreDroppedNotRunInsideTls(String injected) {
        try (SmtpClient smtp = masq.open()) {
            smtp.write(injected);
            smtp.expect(220, smtp.reply());
            smtp.handshake(tls -> { });
            assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text()).doesNotContain("STARTTLS");
            SmtpClient.Reply reply = smtp.send("a@vendor.example", List.of("victim@mask.test"),
                    bytes("Subject: for the victim only\r\n\r\nhello\r\n"));
            assertThat(reply.code()).isEqualTo(250);
            smtp.expect(221, smtp.command("QUIT"));
        }
        assertThat(masq.takeQueued()).extracting(Delivery::aliasId).containsExactly(victim.id());
    }

    @Test
    void aStartTlsThatStartsNoTlsLosesNothingPipelinedBehindIt() {
        try (SmtpClient smtp = masq.open()) {
            smtp.write("STARTTLS now\r\nNOOP\r\n");
            assertThat(smtp.reply().text()).startsWith("501");
            assertThat(smtp.reply().code()).isEqualTo(250);
        }
    }

    @Test
    void aStartTlsLineInsideAMessageIsJustText() {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            smtp.expect(250, smtp.command("RCPT TO:<victim@mask.test>"));
            smtp.expect(354, smtp.command("DATA"));
            smtp.write("Subject: how to\r\n\r\nType\r\nSTARTTLS\r\nand then EHLO.\r\n.\r\n");
            assertThat(smtp.reply().code()).isEqualTo(250);
        }
        List<Delivery> queued = masq.takeQueued();
        assertThat(queued).hasSize(1);
        assertThat(new String(queued.getFirst().content(), StandardCharsets.UTF_8)).contains("\r\nType\r\nSTARTTLS\r\nand then EHLO.\r\n");
    }
}
