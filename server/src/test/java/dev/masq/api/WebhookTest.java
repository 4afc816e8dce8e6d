package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.masq.TestMasq;
import dev.masq.testing.LeakEvidence;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook against a real HTTP server on loopback (allowed here by MASQ_WEBHOOK_ALLOW_PRIVATE). */
class WebhookTest {
    record Call(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        JsonNode json() throws Exception {
            return TestMasq.JSON.readTree(body);
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger(1);
    HttpServer receiver;
    TestMasq masq;
    String key;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_WEBHOOK_ALLOW_PRIVATE", "true", "MASQ_WEBHOOK_RETRY_MIN", "100ms"));
        key = masq.userWithKey("hooked@inbox.test");
    }

    @AfterEach
    void stop() {
        masq.close();
        receiver.stop(0);
    }

    @Test
    void aLeakIsPostedSignedAndRetriedAfterA500() throws Exception {
        TestMasq.Reply set = masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"" + url() + "\"}");
        assertThat(set.status()).isEqualTo(200);
        String secret = set.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(masq.call(key, "GET", "/api/v1/webhook", null).json().get("secret").isNull()).isTrue();

        String id = masq.call(key, "POST", "/api/v1/aliases", "{\"vendor\":\"OpenAI\",\"site\":\"openai.com\"}").json().get("id").asText();
        LeakEvidence.leak(masq, id, Instant.now().minusSeconds(3 * 86_400));

        await().until(() -> calls.size() == 2);
        Call first = calls.get(0);
        Call retry = calls.get(1);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("X-Masq-Delivery")).isEqualTo(first.header("X-Masq-Delivery"));
        assertThat(retry.header("X-Masq-Signature")).isEqualTo("sha256=" + hmac(secret, retry.body()));
        assertThat(retry.header("X-Masq-Event")).isEqualTo("alias.leaked");
        assertThat(Long.parseLong(retry.header("X-Masq-Timestamp"))).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        JsonNode event = retry.json();
        assertThat(event.get("event").asText()).isEqualTo("alias.leaked");
        assertThat(event.get("data").get("alias").get("id").asText()).isEqualTo(id);
        assertThat(event.get("data").get("status").asText()).isEqualTo("leaked");
        assertThat(event.get("data").get("foreign_domains")).hasSize(3);

        JsonNode burned = masq.call(key, "POST", "/api/v1/aliases/" + id + "/burn", "{\"replace\":true,\"reason\":\"sold\"}").json();
        await().until(() -> calls.size() == 3);
        JsonNode burnEvent = calls.get(2).json();
        assertThat(burnEvent.get("event").asText()).isEqualTo("alias.burned");
        assertThat(burnEvent.get("data").get("replacement").get("address").asText())
                .isEqualTo(burned.get("replacement").get("address").asText());
        assertThat(calls.get(2).header("X-Masq-Signature")).isEqualTo("sha256=" + hmac(secret, calls.get(2).body()));
    }

    @Test
    void onlyHttpUrlsAreTakenAndDeletingStopsTheCalls() {
        assertThat(masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"ftp://example.test/x\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"http://user:pw@127.0.0.1/\"}").status()).isEqualTo(422);
        assertThat(masq.call(key, "GET", "/api/v1/webhook", null).status()).isEqualTo(404);
        masq.call(key, "PUT", "/api/v1/webhook", "{\"url\":\"" + url() + "\"}");
        assertThat(masq.call(key, "DELETE", "/api/v1/webhook", null).status()).isEqualTo(204);
        assertThat(masq.call(key, "DELETE", "/api/v1/webhook", null).status()).isEqualTo(404);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
