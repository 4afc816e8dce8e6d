package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holding connection slots: junk commands, the session lifetime, and idle sessions making room at the connection cap. */
class SessionLimitsTest {
    private static final byte[] MESSAGE = "From: a@vendor.example\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aSessionMaySendAHundredCommandsThatMoveNoMail() {
        try (TestMasq masq = TestMasq.start(dir); SmtpClient smtp = masq.open()) {
            List<String> junk = List.of("NOOP", "RSET", "VRFY someone", "HELP");
            for (int i = 0; i < 100; i++) {
                assertThat(smtp.command(junk.get(i % junk.size())).text()).doesNotStartWith("421");
            }
            assertThat(smtp.command("NOOP").text())
                    .isEqualTo("421 4.7.0 mx.mask.test Too many commands that send no mail, closing connection");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownCommandsCountAsCommandsThatMoveNoMailEvenPipelinedInOneWrite() {
        try (TestMasq masq = TestMasq.start(dir); SmtpClient smtp = masq.open()) {
            List<String> junk = List.of("FOO", "EXPN someone", "BDAT 10 LAST", "XCLIENT ADDR=192.0.2.1", "HELP");
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i <= 100; i++) {
                batch.append(junk.get(i % junk.size())).append("\r\n");
            }
            smtp.write(batch.toString());
            for (int i = 0; i < 100; i++) {
                assertThat(smtp.reply().text()).as("reply %d", i).matches("50[02] 5\\.[0-9.]+ .*");
            }
            assertThat(smtp.reply().text())
                    .isEqualTo("421 4.7.0 mx.mask.test Too many commands that send no mail, closing connection");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void aSessionPastItsLifetimeIsClosedAtItsNextCommand() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_SESSION_LIFETIME", "1s")); SmtpClient smtp = masq.open()) {
            SmtpClient.Reply reply = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> smtp.command("NOOP"), r -> r.code() != 250);
            assertThat(reply.text()).isEqualTo("421 4.4.2 mx.mask.test Session lasted too long, closing connection");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void aMessageUnderWayWhenTheLifetimeEndsIsReceivedAndAnsweredFirst() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_SESSION_LIFETIME", "1s")); SmtpClient smtp = masq.open()) {
            masq.alias("shop");
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
            smtp.expect(354, smtp.command("DATA"));
            smtp.write("From: a@vendor.example\r\nSubject: slow\r\n\r\n");
            try (SmtpClient later = masq.open()) {
                // Opened after the first session: once its lifetime is over, so is the first one's.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> later.command("NOOP"), r -> r.code() == 421);
            }
            smtp.write("body\r\n.\r\n");
            assertThat(smtp.reply().text()).startsWith("250 2.0.0");
            assertThat(smtp.reply().text()).isEqualTo("421 4.4.2 mx.mask.test Session lasted too long, closing connection");
            assertThat(smtp.closedByServer()).isTrue();
            assertThat(masq.queueSize()).isEqualTo(1);
        }
    }

    @Test
    void atTheConnectionCapTheSessionIdleTheLongestMakesRoomButOneInATransactionNever() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_MAX_CONNECTIONS", "3"));
             SmtpClient busy = masq.open();
             SmtpClient idle = masq.open();
             SmtpClient idler = masq.open()) {
            masq.alias("shop");
            busy.expect(250, busy.command("MAIL FROM:<a@vendor.example>"));
            busy.expect(250, busy.command("RCPT TO:<shop@mask.test>"));
            busy.expect(354, busy.command("DATA"));
            busy.write("From: a@vendor.example\r\nSubject: held\r\n\r\n");

            try (SmtpClient newcomer = SmtpClient.connect(masq.smtpPort())) {
                assertThat(newcomer.reply().code()).isEqualTo(220);
                newcomer.expect(250, newcomer.command("EHLO client.example"));
                assertThat(newcomer.send("b@vendor.example", List.of("shop@mask.test"), MESSAGE).code()).isEqualTo(250);
                assertThat(idle.reply().text()).isEqualTo("421 4.7.0 mx.mask.test Too many connections, closing idle session");
                assertThat(idle.closedByServer()).isTrue();

                // The newcomer has been idle only since its message; the other session since it opened.
                try (SmtpClient second = SmtpClient.connect(masq.smtpPort())) {
                    assertThat(second.reply().code()).isEqualTo(220);
                    assertThat(idler.reply().text()).startsWith("421 4.7.0");
                    assertThat(newcomer.command("NOOP").code()).isEqualTo(250);
                }
            }

            busy.write("body\r\n.\r\n");
            assertThat(busy.reply().text()).as("the session in a transaction kept its slot").startsWith("250 2.0.0");
            assertThat(masq.queueSize()).isEqualTo(2);
        }
    }
}
