package dev.masq.mail.delivery;

import static dev.masq.mail.delivery.DeliveryFixture.INBOX;
import static dev.masq.mail.delivery.DeliveryFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.alias.AliasEvent;
import dev.masq.db.schema.tables.records.DeliveriesRecord;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.DownstreamSmtpServer.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.outbox.DeliveryQueue;

class DeliveryServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    @AutoClose
    DeliveryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new DeliveryFixture(dir);
    }

    @Test
    void deliversThroughTheRelayByteForByteAndForgetsTheMessage() {
        f.start();
        byte[] content = message("Your order");

        f.enqueue(content);

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        Received got = f.downstream.received().getFirst();
        assertThat(got.content()).isEqualTo(content);
        assertThat(got.recipients()).containsExactly(INBOX);
        assertThat(got.mailFrom()).startsWith("bounce+" + f.alias.id() + "+").endsWith("@mask.test");
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void theSchedulerSeesWhenTheNextDeliveryIsDueAndThatAnEmptyQueueHasNone() throws Exception {
        f.start();
        DeliveryQueue queue = f.masq.deliveryQueue();
        assertThat(f.masq.db().read(queue::nextDue)).isNull();
        f.downstream.stop();
        f.enqueue(message("later"));
        await().atMost(PATIENCE).until(() -> f.masq.db().read(queue::nextDue) != null);
        assertThat(f.masq.db().read(queue::nextDue)).isAfter(Instant.now().minusSeconds(1));
    }

    @Test
    void takesMailInMemoryOnlyUpToItsBudgetAndNotOnceStopped() {
        f.start();
        DeliveryService senders = f.masq.delivery();
        assertThat(senders.reserve(12L << 20)).isAfter(Instant.now());
        assertThat(senders.reserve(8L << 20)).as("over the budget: left to the queue").isNull();
        senders.release(12L << 20);
        assertThat(senders.reserve(8L << 20)).isNotNull();
        senders.stop();
        assertThat(senders.reserve(1)).as("a stopped sender takes nothing").isNull();
    }

    @Test
    void deliversToTheFirstReachableMxFoundThroughDns() {
        // 127.0.0.2 is loopback too, but nothing listens there: the preferred MX is down.
        f.dns.mx("inbox.test", 10, "mx1.inbox.test").a("mx1.inbox.test", "127.0.0.2")
                .mx("inbox.test", 20, "mx2.inbox.test").a("mx2.inbox.test", "127.0.0.1");
        f.withoutRelay().start();

        f.enqueue(message("via MX"));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void keepsTheMessageWhileTheDownstreamIsDownAndDeliversWhenItReturns() throws Exception {
        f.downstream.stop();
        f.start();
        byte[] content = message("patience");

        f.enqueue(content);

        await().atMost(PATIENCE).until(() -> f.rows().size() == 1 && f.rows().getFirst().getAttempts() >= 2);
        DeliveriesRecord row = f.rows().getFirst();
        assertThat(row.getLastError()).isEqualTo("could not connect");
        assertThat(row.getLeaseUntil()).as("not leased between attempts").isNull();
        f.downstream.restart();
        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.received().getFirst().content()).isEqualTo(content);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void aTemporaryRefusalIsRetried() {
        f.downstream.replyOnce(Stage.RCPT, "451 4.7.1 greylisted, come back later");
        f.downstream.replyOnce(Stage.DATA, "452 4.3.1 out of disk");
        f.start();

        f.enqueue(message("greylisted"));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.reply().substring(0, 3)).containsExactly("451", "250", "250");
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void aPermanentRefusalGivesUpAndTellsOnlyTheOwner() throws Exception {
        f.downstream.replyOnce(Stage.RCPT, "550 5.1.1 <" + INBOX + ">: no such user here");
        f.start();

        f.enqueue(message("=?UTF-8?Q?Caf=C3=A9_order?="));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        Received notice = f.downstream.received().getFirst();
        assertThat(notice.mailFrom()).as("null sender").isEmpty();
        assertThat(notice.recipients()).containsExactly(INBOX);
        String text = notice.readable();
        assertThat(text).contains("Subject: Undeliverable: message to " + f.alias.address())
                .contains("From: masq <masq@mask.test>")
                .contains("Auto-Submitted: auto-generated")
                .contains(f.alias.address())
                .contains("Caf\u00e9 order")
                .contains("550 5.1.1 <<address>>: no such user here");
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.recipient()).containsOnly(INBOX);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
        List<AliasEvent> events = f.masq.aliases().events(f.userId, f.alias.id(), 10);
        assertThat(events).filteredOn(e -> e.kind().equals(UndeliverableNotices.EVENT)).singleElement()
                .satisfies(e -> assertThat(e.detail()).as("only the code is kept in clear").isEqualTo("550 5.1.1"));
    }

    @Test
    void givesUpAtExpiryAndTellsTheOwner() throws Exception {
        // Everything but the notice (null sender) is deferred for ever.
        f.downstream.respond((stage, from, rcpt) -> stage == Stage.RCPT && !from.isEmpty() ? "451 4.3.0 try later" : null);
        f.start();

        f.enqueue(INBOX, message("expiring"), Duration.ofMillis(1500));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.received().getFirst().mailFrom()).isEmpty();
        assertThat(f.downstream.received().getFirst().readable())
                .contains("still not delivered after 1 second")
                .contains("451 4.3.0 try later");
        assertThat(f.downstream.rcptAttempts().stream().filter(a -> !a.mailFrom().isEmpty()).count()).isGreaterThanOrEqualTo(3);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
        assertThat(f.masq.aliases().events(f.userId, f.alias.id(), 10)).filteredOn(e -> e.kind().equals(UndeliverableNotices.EVENT))
                .singleElement().satisfies(e -> assertThat(e.detail()).matches("expired after \\d+ attempts; last: 451 4\\.3\\.0"));
    }

    @Test
    void aNullMxIsAPermanentFailure() throws Exception {
        f.dns.nullMx("nomail.test").a("nomail.test", "127.0.0.1")
                .mx("inbox.test", 10, "mx.inbox.test").a("mx.inbox.test", "127.0.0.1");
        f.withoutRelay().start();

        f.enqueue("someone@nomail.test", message("to nowhere"), Duration.ofDays(5));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        assertThat(f.downstream.received().getFirst().recipients()).containsExactly(INBOX);
        assertThat(f.downstream.received().getFirst().readable()).contains("null MX");
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.recipient()).containsExactly(INBOX);
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsDroppedWithoutAnotherNotice() {
        f.downstream.respond((stage, from, rcpt) -> stage == Stage.RCPT ? "550 5.1.1 gone" : null);
        f.start();

        f.enqueue(message("lost"));

        await().atMost(PATIENCE).until(() -> f.downstream.rcptAttempts().size() == 2);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.mailFrom().isEmpty()).containsExactly(false, true);
        assertThat(f.downstream.received()).isEmpty();
        assertThat(f.masq.aliases().events(f.userId, f.alias.id(), 10))
                .filteredOn(e -> e.kind().equals(UndeliverableNotices.EVENT)).hasSize(1);
    }

    @Test
    void theDatabaseNeverHoldsTheInboxOrItsMailServerInClear() throws Exception {
        f.dns.mx("inbox.test", 10, "mx.inbox.test").a("mx.inbox.test", "127.0.0.1");
        AtomicReference<String> refusal = new AtomicReference<>("451 4.2.0 <" + INBOX + "> mailbox busy at mx.inbox.test");
        f.downstream.respond((stage, from, rcpt) -> stage == Stage.RCPT && !from.isEmpty() ? refusal.get() : null);
        f.withoutRelay().start();

        f.enqueue(message("private"));

        await().atMost(PATIENCE).until(() -> f.rows().size() == 1 && f.rows().getFirst().getAttempts() >= 2);
        assertNothingInClear("inbox.test");
        refusal.set("550 5.2.1 <" + INBOX + "> disabled at mx.inbox.test");
        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
        f.stopApp();
        assertNothingInClear("inbox.test");
    }

    /** The database as a thief would copy it: the file and its write-ahead log, as bytes. */
    private void assertNothingInClear(String text) throws Exception {
        for (String file : List.of("masq.db", "masq.db-wal")) {
            Path path = dir.resolve(file);
            if (Files.exists(path)) {
                assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)).as(file).doesNotContain(text);
            }
        }
    }

    @Test
    void sendsManyAtOnce() {
        f.start();
        for (int i = 0; i < 100; i++) {
            f.enqueue(("Subject: " + i + "\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 100);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void sendsOneMessageAfterAnotherOnOneConnection() {
        f.start();
        for (int i = 1; i <= 3; i++) {
            f.enqueue(message("order " + i));
            int sent = i;
            await().atMost(PATIENCE).until(() -> f.downstream.received().size() == sent);
        }

        assertThat(f.downstream.connections()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsReplacedByANewOne() throws Exception {
        f.start();
        f.enqueue(message("first"));
        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        f.downstream.stop();
        f.downstream.restart();

        f.enqueue(message("second"));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 2);
        assertThat(f.downstream.connections()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }
}
