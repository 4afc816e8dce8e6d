package dev.masq.mail.smtp;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines are short (RFC 5321 §4.5.3.1.4; 2048 octets as Postfix allows), so no client can make
 * the server hold a message's worth of memory for a command before it has even said who it is.
 * Lines inside DATA may still be as long as a message.
 */
class CommandLineLimitTest {
    // Small enough to keep the test quick, still far above the command limit.
    private static final int MAX_SIZE = 64 * 1024;

    @TempDir
    static Path dir;
    static TestMasq masq;

    @BeforeAll
    static void start() {
        masq = TestMasq.start(dir, Map.of("MASQ_MAX_MESSAGE_SIZE", String.valueOf(MAX_SIZE), "MASQ_SUBMISSIONS_PORT", "0"));
        masq.alias("shop");
    }

    @AfterAll
    static void stop() {
        masq.close();
    }

    @Test
    void aCommandLineOverTheLimitIsRefusedAndEndsTheSession() {
        SmtpClient smtp = SmtpClient.connect(masq.smtpPort());
        smtp.expect(220, smtp.reply());
        smtp.write("EHLO " + "a".repeat(MAX_SIZE / 2) + "\r\n");
        assertThat(smtp.reply().text()).startsWith("500 5.5.2 Line too long");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void onTheSubmissionPortBeforeAuthenticationToo() {
        SmtpClient smtp = SmtpClient.connect(masq.submissionPort());
        smtp.expect(220, smtp.reply());
        smtp.write("NOOP " + "a".repeat(SmtpLineFramer.COMMAND_MAX) + "\r\n");
        assertThat(smtp.reply().text()).startsWith("500 5.5.2 Line too long");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void aCommandLineThatNeverEndsIsRefusedWhileItIsStillBeingSent() {
        SmtpClient smtp = SmtpClient.connect(masq.smtpPort());
        smtp.expect(220, smtp.reply());
        // No CRLF ever: the answer may not wait for the line's end, nor may the line be held meanwhile.
        smtp.write("EHLO " + "a".repeat(4 * MAX_SIZE));
        assertThat(smtp.reply().text()).startsWith("500 5.5.2 Line too long");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void aDataLineThatNeverEndsIsRefusedWhileItIsStillBeingSent() {
        SmtpClient smtp = SmtpClient.open(masq.smtpPort());
        smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
        smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
        smtp.expect(354, smtp.command("DATA"));
        smtp.write("Subject: endless\r\n\r\n" + "y".repeat(4 * MAX_SIZE));
        assertThat(smtp.reply().text()).startsWith("552 5.3.4");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void aCommandLineJustUnderTheLimitIsAnswered() {
        try (SmtpClient smtp = masq.open()) {
            String line = "NOOP " + "a".repeat(SmtpLineFramer.COMMAND_MAX - "NOOP \r\n".length());
            assertThat(smtp.command(line).code()).isEqualTo(250);
        }
    }

    @Test
    void aPathOverTwoHundredFiftySixOctetsIsRefused() {
        try (SmtpClient smtp = masq.open()) {
            String longDomain = ("x".repeat(60) + ".").repeat(4) + "example"; // 251 octets: every path with it is over 256
            assertThat(smtp.command("MAIL FROM:<someone@" + longDomain + ">").text()).startsWith("501 5.1.7");
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            assertThat(smtp.command("RCPT TO:<shop@" + longDomain + ">").text()).startsWith("501 5.1.3");
            smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
        }
    }

    @Test
    void aDataLineMayStillBeFarLongerThanACommand() {
        try (SmtpClient smtp = masq.open()) {
            String line = "y".repeat(MAX_SIZE / 2);
            SmtpClient.Reply reply = smtp.send("a@vendor.example", List.of("shop@mask.test"),
                    bytes("Subject: long line\r\n\r\n" + line + "\r\n"));
            assertThat(reply.code()).isEqualTo(250);
            assertThat(smtp.command("NOOP").code()).as("back to commands after DATA").isEqualTo(250);
            smtp.write("NOOP " + "a".repeat(SmtpLineFramer.COMMAND_MAX) + "\r\n");
            assertThat(smtp.reply().text()).startsWith("500 5.5.2 Line too long");
        }
    }
}
