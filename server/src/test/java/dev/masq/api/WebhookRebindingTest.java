package dev.masq.api;

import static dev.masq.db.schema.Tables.WEBHOOK_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.masq.TestMasq;
import dev.masq.db.schema.tables.records.WebhookOutboxRecord;
import dev.masq.testing.LeakEvidence;
import dev.masq.testing.TestDns;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: a webhook host that resolved to a public address when it was saved, and to loopback (where a
 * receiver listens) when the call is due. The guard is on, as in production; the receiver must never be called.
 */
class WebhookRebindingTest {
    static final String HOST = "hook.rebind.test";

    final AtomicInteger calls = new AtomicInteger();
    HttpServer receiver;
    TestDns dns;
    @TempDir
    Path dir;
    TestMasq masq;
    String key;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // A public address (documentation's example.com), only ever resolved, never connected to: the name moves first.
        dns = TestDns.start().a(HOST, "93.184.215.14");
    }

    private void startMasq(boolean allowPrivate) {
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_DNS", dns.hostPort(), "MASQ_WEBHOOK_RETRY_MIN", "100ms",
                "MASQ_DELIVERY_CONCURRENCY", "0", "MASQ_WEBHOOK_ALLOW_PRIVATE", Boolean.toString(allowPrivate)));
        key = masq.userWithKey("hooked@inbox.test");
    }

    @AfterEach
    void stop() {
        if (masq != null) {
            masq.close();
        }
        receiver.stop(0);
        dns.close();
    }

    @Test
    void aHostThatResolvesToLoopbackAtCallTimeIsNotCalled() {
        startMasq(false);
        String url = "http://" + HOST + ":" + receiver.getAddress().getPort() + "/hook";
        assertThat(masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"" + url + "\"}").status()).isEqualTo(200);
        dns.forget(HOST).a(HOST, "127.0.0.1");

        String id = masq.call(key, "POST", "/api/v1/aliases", "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}").json().get("id").asText();
        LeakEvidence.leak(masq, id, Instant.now().minusSeconds(3 * 86_400));

        // Two attempts made and refused: the first is over, and it called no one.
        await().until(() -> outbox().stream().anyMatch(call -> call.getAttempts() >= 2));
        assertThat(outbox()).allSatisfy(call -> assertThat(call.getLastError()).contains("private or local address"));
        assertThat(calls.get()).isZero();
    }

    @Test
    void theCallGoesToTheAddressTheGuardResolvedNotToASecondLookup() {
        // Allowed here, so the receiver on loopback can answer; the system resolver has never heard of HOST, so only a
        // connection to the very address checked (through MASQ_DNS) reaches it.
        startMasq(true);
        dns.forget(HOST).a(HOST, "127.0.0.1");
        String url = "http://" + HOST + ":" + receiver.getAddress().getPort() + "/hook";
        assertThat(masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"" + url + "\"}").status()).isEqualTo(200);
        String id = masq.call(key, "POST", "/api/v1/aliases", "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}").json().get("id").asText();
        LeakEvidence.leak(masq, id, Instant.now().minusSeconds(3 * 86_400));

        await().until(() -> calls.get() == 1);
        await().until(() -> outbox().isEmpty());
    }

    private List<WebhookOutboxRecord> outbox() {
        return masq.db().read(ctx -> ctx.selectFrom(WEBHOOK_OUTBOX).fetch());
    }
}
