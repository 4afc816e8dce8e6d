package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing aliases over SMTP: the limits on recipients and on refused recipients, per session and per client address. */
class HarvestingTest {
    private static final byte[] MESSAGE = "From: a@vendor.example\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aTransactionNamesAtMostAHundredRecipientsAndTheMessageStillGoesToThem() {
        try (TestMasq masq = TestMasq.start(dir); SmtpClient smtp = masq.open()) {
            masq.alias("shop");
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            for (int i = 0; i < 100; i++) {
                smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
            }
            assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).isEqualTo("452 4.5.3 Too many recipients");
            assertThat(smtp.command("RCPT TO:<nobody@mask.test>").text()).isEqualTo("452 4.5.3 Too many recipients");
            assertThat(smtp.data(MESSAGE).code()).isEqualTo(250);
            assertThat(masq.queueSize()).isEqualTo(1);

            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).as("the limit is per transaction").isEqualTo(250);
        }
    }

    @Test
    void afterTwentyRefusedRecipientsASessionIsToldAndClosed() {
        try (TestMasq masq = TestMasq.start(dir); SmtpClient smtp = masq.open()) {
            masq.alias("shop");
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            for (int i = 0; i < 20; i++) {
                assertThat(smtp.command("RCPT TO:<guess" + i + "@mask.test>").text()).startsWith("550 5.1.1");
                assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).as("accepted ones do not count").isEqualTo(250);
            }
            assertThat(smtp.command("RCPT TO:<guess20@mask.test>").text())
                    .isEqualTo("421 4.7.0 mx.mask.test Too many refused recipients, closing connection");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void refusalsPastTheSoftLimitAreAnsweredEverLater() {
        Duration delay = Duration.ofMillis(300);
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_ERROR_DELAY", "300ms"));
             SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            for (int i = 0; i < 3; i++) {
                smtp.expect(550, smtp.command("RCPT TO:<guess" + i + "@mask.test>"));
            }
            long start = System.nanoTime();
            for (int i = 3; i < 6; i++) {
                smtp.expect(550, smtp.command("RCPT TO:<guess" + i + "@mask.test>"));
            }
            // The fourth refusal waits one delay, the fifth two, the sixth three.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay.multipliedBy(6));
        }
    }

    @Test
    void anAddressWithManyRecentRefusalsIsTempfailedUntilItsCountDecays() {
        Map<String, String> env = Map.of("MASQ_SMTP_HARD_ERROR_LIMIT", "4", "MASQ_SMTP_ADDRESS_ERROR_LIMIT", "3",
                "MASQ_SMTP_ADDRESS_ERROR_HALF_LIFE", "1h");
        try (TestMasq masq = TestMasq.start(dir, env)) {
            masq.alias("shop");
            harvest(masq, "127.0.0.5", 5); // 4 refused, then the fifth ends the session: 5 counted
            try (SmtpClient second = greeted(masq, "127.0.0.5")) {
                // Its count (5) is over the limit (3) by one: the session starts with one error counted.
                second.expect(250, second.command("MAIL FROM:<a@vendor.example>"));
                for (int i = 0; i < 3; i++) {
                    second.expect(550, second.command("RCPT TO:<again" + i + "@mask.test>"));
                }
                assertThat(second.command("RCPT TO:<again3@mask.test>").text()).startsWith("421 4.7.0");
            }
            try (SmtpClient third = SmtpClient.connect(masq.smtpPort(), "127.0.0.5")) {
                assertThat(third.reply().text())
                        .isEqualTo("421 4.7.0 mx.mask.test Too many refused recipients from your address, try again later");
                assertThat(third.closedByServer()).isTrue();
            }
            try (SmtpClient other = greeted(masq, "127.0.0.6")) {
                other.expect(250, other.command("MAIL FROM:<a@vendor.example>"));
                assertThat(other.command("RCPT TO:<shop@mask.test>").code()).as("other addresses are served").isEqualTo(250);
            }
        }
    }

    @Test
    void anAddressCountDecaysSoItsSessionsAreServedAgain() {
        Map<String, String> env = Map.of("MASQ_SMTP_HARD_ERROR_LIMIT", "2", "MASQ_SMTP_ADDRESS_ERROR_LIMIT", "0",
                "MASQ_SMTP_ADDRESS_ERROR_HALF_LIFE", "5s");
        try (TestMasq masq = TestMasq.start(dir, env)) {
            masq.alias("shop");
            harvest(masq, "127.0.0.5", 3); // a count of 3, down to 2 (no budget left) after about 3 s
            try (SmtpClient refused = SmtpClient.connect(masq.smtpPort(), "127.0.0.5")) {
                assertThat(refused.reply().text()).startsWith("421 4.7.0");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (SmtpClient again = SmtpClient.connect(masq.smtpPort(), "127.0.0.5")) {
                    return again.reply().code() == 220;
                }
            });
        }
    }

    private static void harvest(TestMasq masq, String from, int guesses) {
        try (SmtpClient smtp = greeted(masq, from)) {
            smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
            for (int i = 0; i < guesses - 1; i++) {
                smtp.expect(550, smtp.command("RCPT TO:<guess" + i + "@mask.test>"));
            }
            assertThat(smtp.command("RCPT TO:<guess@mask.test>").text()).startsWith("421 4.7.0");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    private static SmtpClient greeted(TestMasq masq, String from) {
        SmtpClient client = SmtpClient.connect(masq.smtpPort(), from);
        client.expect(220, client.reply());
        client.expect(250, client.command("EHLO client.example"));
        return client;
    }
}
