package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMTP smuggling: a message carrying a second one behind a non-standard end-of-data marker. The
 * variants are those of the public scanners (SEC Consult's smtp-smuggling-tools) and more. Whatever
 * the marker, the session must end with 500 5.5.2 and no message at all may be queued.
 */
class SmugglingTest {
    @TempDir
    static Path dir;
    static TestMasq masq;

    @BeforeAll
    static void start() {
        masq = TestMasq.start(dir);
        masq.alias("victim");
    }

    @AfterAll
    static void stop() {
        masq.close();
    }

    static Stream<String> endOfDataVariants() {
        return Stream.of(
                "\n.\n", "\n.\r\n", "\r.\r", "\r\n.\n", "\r\n.\r\r\n", "\r\r\n.\r\r\n", "\r\n\u0000.\r\n",
                "\r.\r\n", "\n.\r", "\r.\n", "\r\n.\r", "\r\n.\u0000\r\n", "\r\n\r.\r\n", "\n\n.\n\n", "\r\r.\r\r");
    }

    @ParameterizedTest
    @MethodSource("endOfDataVariants")
    void aSmuggledMessageEndsTheSessionAndNothingIsQueued(String marker) {
        int queuedBefore = masq.queueSize();
        SmtpClient smtp = masq.open();
        smtp.expect(250, smtp.command("MAIL FROM:<attacker@evil.example>"));
        smtp.expect(250, smtp.command("RCPT TO:<victim@mask.test>"));
        smtp.expect(354, smtp.command("DATA"));
        smtp.write("From: attacker@evil.example\r\nSubject: first\r\n\r\nfirst body\r\n" + marker
                + "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<victim@mask.test>\r\nDATA\r\n"
                + "From: admin@bank.example\r\nSubject: smuggled\r\n\r\nsmuggled body\r\n.\r\n");

        assertThat(smtp.reply().text()).startsWith("500 5.5.2");
        assertThat(smtp.closedByServer()).isTrue();
        smtp.close();
        assertThat(masq.queueSize()).isEqualTo(queuedBefore);
    }

    @Test
    void aBareLineFeedInACommandEndsTheSession() {
        SmtpClient smtp = SmtpClient.connect(masq.smtpPort());
        smtp.expect(220, smtp.reply());
        smtp.write("EHLO client.example\nMAIL FROM:<a@evil.example>\r\n");
        assertThat(smtp.reply().text()).startsWith("500 5.5.2");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void aBareCarriageReturnInACommandEndsTheSession() {
        SmtpClient smtp = masq.open();
        smtp.write("MAIL FROM:<a@evil.example>\rRCPT TO:<victim@mask.test>\r\n");
        assertThat(smtp.reply().text()).startsWith("500 5.5.2");
        assertThat(smtp.closedByServer()).isTrue();
    }

    @Test
    void aProperMessageAfterwardsIsStillAccepted() {
        SmtpClient smtp = masq.open();
        SmtpClient.Reply reply = smtp.send("someone@vendor.example", java.util.List.of("victim@mask.test"),
                "Subject: fine\r\n\r\n.leading dot\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(reply.text()).startsWith("250 2.0.0");
        smtp.close();
        assertThat(masq.takeQueued()).hasSize(1);
    }
}
