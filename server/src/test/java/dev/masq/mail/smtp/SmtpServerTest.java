package dev.masq.mail.smtp;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener itself: names, connection limits, idle timeout, and sessions waiting on commits. */
class SmtpServerTest {
    @TempDir
    Path dir;

    @Test
    void greetsAndAnswersHeloWithTheConfiguredHostname() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_HOSTNAME", "mail.example.net"));
             SmtpClient smtp = SmtpClient.connect(masq.smtpPort())) {
            assertThat(smtp.reply().text()).isEqualTo("220 mail.example.net ESMTP masq");
            assertThat(smtp.command("HELO client.example").text()).startsWith("250 mail.example.net");
            assertThat(smtp.command("EHLO client.example").text())
                    .startsWith("250-mail.example.net Hello client.example [127.0.0.1]\n")
                    .contains("250-PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME", "SIZE", "STARTTLS");
            assertThat(smtp.command("MAIL FROM:<a@vendor.example> BODY=8BITMIME SIZE=1000").code()).isEqualTo(250);
            assertThat(smtp.command("QUIT").code()).isEqualTo(221);
        }
    }

    /** Every session holds a transaction, so none can be closed to make room (see SessionLimitsTest). */
    @Test
    void connectionsOverTheLimitsGet421AndAreClosed() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_MAX_CONNECTIONS", "3",
                "MASQ_SMTP_MAX_CONNECTIONS_PER_IP", "2"))) {
            List<SmtpClient> open = new ArrayList<>();
            open.add(greeted(SmtpClient.connect(masq.smtpPort(), "127.0.0.1")));
            open.add(greeted(SmtpClient.connect(masq.smtpPort(), "127.0.0.1")));
            SmtpClient thirdFromSameAddress = SmtpClient.connect(masq.smtpPort(), "127.0.0.1");
            assertThat(thirdFromSameAddress.reply().text()).startsWith("421 4.7.0");
            assertThat(thirdFromSameAddress.closedByServer()).isTrue();

            open.add(greeted(SmtpClient.connect(masq.smtpPort(), "127.0.0.2")));
            SmtpClient fourth = SmtpClient.connect(masq.smtpPort(), "127.0.0.3");
            assertThat(fourth.reply().text()).startsWith("421 4.7.0");

            open.removeFirst().close();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (SmtpClient again = SmtpClient.connect(masq.smtpPort(), "127.0.0.1")) {
                    return again.reply().code() == 220;
                }
            });
            open.forEach(SmtpClient::close);
        }
    }

    @Test
    void anIdleSessionIsToldAndClosed() {
        try (TestMasq masq = TestMasq.start(dir, Map.of("MASQ_SMTP_TIMEOUT", "300ms"));
             SmtpClient smtp = masq.open()) {
            assertThat(smtp.reply().text()).startsWith("421 4.4.2");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    /**
     * Trap 5: with the hooks on Netty's I/O threads, sessions waiting for a commit would stall every
     * other session on their threads. Here more sessions than there are I/O threads wait on a held
     * commit while a new session is served from greeting to RCPT.
     */
    @Test
    void sessionsWaitingForACommitDoNotStallOthers() throws Exception {
        int waiting = Runtime.getRuntime().availableProcessors() * 2 + 4;
        try (TestMasq masq = TestMasq.start(dir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            masq.alias("shop");
            CountDownLatch writerHeld = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> masq.db().writeVoid(ctx -> {
                writerHeld.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }), pool);
            writerHeld.await();
            List<SmtpClient> senders = new ArrayList<>();
            try {
                heldCommitsDoNotStallANewSession(masq, senders, waiting);
            } finally {
                release.countDown();
            }
            holder.get();
            List<Future<Integer>> replies = senders.stream().map(s -> pool.submit(() -> s.reply().code())).toList();
            for (Future<Integer> reply : replies) {
                assertThat(reply.get()).isEqualTo(250);
            }
            senders.forEach(SmtpClient::close);
            assertThat(masq.queueSize()).isEqualTo(waiting);
        }
    }

    private static void heldCommitsDoNotStallANewSession(TestMasq masq, List<SmtpClient> senders, int waiting) {
        for (int i = 0; i < waiting; i++) {
            SmtpClient s = masq.open();
            senders.add(s);
            s.expect(250, s.command("MAIL FROM:<a@vendor.example>"));
            s.expect(250, s.command("RCPT TO:<shop@mask.test>"));
            s.expect(354, s.command("DATA"));
            s.write("Subject: " + i + "\r\n\r\nbody\r\n.\r\n");
        }
        try (SmtpClient probe = masq.open()) {
            probe.expect(250, probe.command("MAIL FROM:<b@vendor.example>"));
            assertThat(probe.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
        }
        assertThat(senders).noneMatch(SmtpClient::hasUnreadInput);
    }

    @Test
    void manyConcurrentSessionsAreAllCommitted() throws Exception {
        int sessions = 50;
        try (TestMasq masq = TestMasq.start(dir);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            masq.alias("shop");
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try (SmtpClient s = masq.open()) {
                        return s.send("a@vendor.example", List.of("shop@mask.test"), bytes("Subject: " + n + "\r\n\r\nx\r\n")).code();
                    }
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(250);
            }
            assertThat(masq.queueSize()).isEqualTo(sessions);
            assertThat(masq.reload(masq.aliases().list(masq.userId,
                    new dev.masq.alias.AliasQuery(null, null, null, 1)).items().getFirst()).forwarded()).isEqualTo(sessions);
        }
    }

    private static SmtpClient greeted(SmtpClient client) {
        client.expect(220, client.reply());
        client.expect(250, client.command("EHLO client.example"));
        client.expect(250, client.command("MAIL FROM:<a@vendor.example>"));
        return client;
    }
}
