package dev.masq.testing;

import dev.masq.App;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.NewAlias;
import dev.masq.config.Config;
import dev.masq.outbox.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real masq (SQLite file in a temp dir, SMTP on a free port) with one user whose inbox is {@link #INBOX},
 * asking its own {@link TestDns} for SPF, DKIM and DMARC so that no test touches public DNS.
 */
public final class TestMasq implements AutoCloseable {
    public static final String INBOX = "person@inbox.test";

    public final App app;
    public final String userId;
    public final TestDns dns;

    private TestMasq(App app, TestDns dns) {
        this.app = app;
        this.dns = dns;
        this.userId = app.services.accounts.addUser(INBOX, false).id();
    }

    public static TestMasq start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public static TestMasq start(Path dataDir, Map<String, String> env) {
        TestDns dns;
        try {
            dns = TestDns.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new HashMap<>(Map.of(
                "MASQ_DNS", dns.hostPort(),
                "MASQ_DATA_DIR", dataDir.toString(),
                "MASQ_SMTP_PORT", "0",
                "MASQ_SUBMISSION_PORT", "0",
                "MASQ_HTTP_PORT", "0",
                "MASQ_DOMAINS", "mask.test,other.test",
                "MASQ_HOSTNAME", "mx.mask.test",
                // The inbound tests read the durable queue itself, so nothing here may deliver from it.
                "MASQ_DELIVERY_CONCURRENCY", "0",
                // Refused recipients past the soft limit are answered late; tests of that delay set their own.
                "MASQ_SMTP_ERROR_DELAY", "0ms"));
        all.putAll(env);
        return new TestMasq(App.start(Config.from(all), Clock.systemUTC()), dns);
    }

    public int smtpPort() {
        return app.smtp.port();
    }

    public SmtpClient open() {
        return SmtpClient.open(smtpPort());
    }

    /** An active alias {@code localPart@mask.test} forwarding to {@link #INBOX}. */
    public Alias alias(String localPart) {
        return app.services.aliases.create(userId, new NewAlias(NewAlias.AddressMode.CUSTOM, localPart, null, null, null, null));
    }

    public Alias reload(Alias alias) {
        return app.services.aliases.get(userId, alias.id());
    }

    public List<AliasEvent> events(Alias alias) {
        return app.services.aliases.events(userId, alias.id(), 100);
    }

    /** Every queued delivery, decrypted (leased, so a second call returns only newer ones). */
    public List<Delivery> takeQueued() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        return app.services.db.write(ctx -> app.services.deliveryQueue.claimDue(ctx, later, later.plusSeconds(60), 10_000));
    }

    public int queueSize() {
        return app.services.db.read(ctx -> app.services.deliveryQueue.size(ctx));
    }

    @Override
    public void close() {
        app.close();
        dns.close();
    }
}
