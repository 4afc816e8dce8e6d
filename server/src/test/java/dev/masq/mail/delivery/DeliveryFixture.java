package dev.masq.mail.delivery;

import static dev.masq.db.schema.Tables.DELIVERIES;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.NewAlias;
import dev.masq.crypto.Tokens;
import dev.masq.db.schema.tables.records.DeliveriesRecord;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.TestDns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.masq.outbox.Delivery;

/**
 * A masq data directory with one user ({@value #INBOX}) and one alias, a real downstream SMTP
 * server and a test DNS; starts and stops {@link TestMasq}s on that directory with short retry delays.
 */
final class DeliveryFixture implements AutoCloseable {
    static final String INBOX = "person@inbox.test";
    static final String DOMAIN = "mask.test";

    final Path dataDir;
    final DownstreamSmtpServer downstream;
    final TestDns dns;
    final Map<String, String> env = new HashMap<>();
    /** The running masq, between {@link #start()} and {@link #stopApp()}. */
    TestMasq masq;
    String userId;
    Alias alias;

    DeliveryFixture(Path dataDir) throws Exception {
        this(dataDir, DownstreamSmtpServer.start());
    }

    DeliveryFixture(Path dataDir, DownstreamSmtpServer downstream) throws Exception {
        this.dataDir = dataDir;
        this.downstream = downstream;
        this.dns = TestDns.start();
        env.putAll(Map.of(
                "MASQ_DATA_DIR", dataDir.toString(),
                "MASQ_DOMAINS", DOMAIN,
                "MASQ_HOSTNAME", "mx." + DOMAIN,
                "MASQ_RETRY_MIN", "200ms",
                "MASQ_RETRY_MAX", "1s",
                "MASQ_DNS", dns.hostPort(),
                "MASQ_MX_PORT", Integer.toString(downstream.port()),
                "MASQ_RELAY", downstream.hostPort()));
        try (TestMasq s = TestMasq.offline(dataDir, env, Clock.systemUTC())) {
            userId = s.accounts().addUser(INBOX, false).id();
            alias = s.aliases().create(userId, new NewAlias(null, null, null, "Vendor", null, null));
        }
    }

    /** Deliver by MX lookup through the test DNS instead of through the relay. */
    DeliveryFixture withoutRelay() {
        env.remove("MASQ_RELAY");
        return this;
    }

    TestMasq start() {
        masq = TestMasq.startEmpty(dataDir, env);
        return masq;
    }

    void stopApp() {
        if (masq != null) {
            masq.close();
            masq = null;
        }
    }

    /** What masq would have queued for a forwarded message: VERP envelope sender, the owner's inbox. */
    static byte[] message(String subject) {
        return ("From: \"Jane Doe - jane at vendor.test\" <r.jane@mask.test>\r\n"
                + "To: alias@mask.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + Tokens.randomBase32(10) + "@vendor.test>\r\n"
                + "X-Masq-Alias: alias@mask.test\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "Hello,\r\n"
                + ".a line starting with a dot\r\n"
                + "\r\n"
                + "caf\u00e9 \u2014 8-bit body, untouched\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String enqueue(String recipient, byte[] content, Duration expiry) {
        TestMasq s = masq;
        Instant now = s.clock().instant();
        String id = Tokens.newId("dl");
        Delivery d = new Delivery(id, alias.id(), Delivery.Kind.FORWARD, s.verp().address(alias.id(), DOMAIN),
                recipient, content, 0, now, now.plus(expiry));
        s.db().writeVoid(ctx -> s.deliveryQueue().enqueue(ctx, d));
        s.queued().deliveries();
        return id;
    }

    String enqueue(byte[] content) {
        return enqueue(INBOX, content, Duration.ofDays(5));
    }

    List<DeliveriesRecord> rows() {
        return masq.db().read(ctx -> ctx.selectFrom(DELIVERIES).fetch());
    }

    @Override
    public void close() throws Exception {
        stopApp();
        downstream.close();
        dns.close();
    }
}
