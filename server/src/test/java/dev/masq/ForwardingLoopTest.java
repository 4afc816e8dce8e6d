package dev.masq;

import static dev.masq.db.schema.Tables.DELIVERIES;
import static dev.masq.testing.Messages.body;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.text;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.OpenApiContract;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestDns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarding loop as a person meets it: an alias made over the REST API, mail to it over SMTP,
 * the copy in the real inbox (an in-test SMTP server), and what is left on disk afterwards.
 */
class ForwardingLoopTest {
    static final String INBOX = "me@inbox.test";

    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestDns dns;
    @AutoClose
    TestMasq app;

    @BeforeEach
    void setUp() throws Exception {
        inbox = DownstreamSmtpServer.start();
        dns = TestDns.start();
        app = start();
    }

    TestMasq start() {
        Map<String, String> env = new HashMap<>(Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "mask.test",
                "MASQ_HTTP_PORT", "0", "MASQ_SMTP_PORT", "0", "MASQ_SUBMISSION_PORT", "0", "MASQ_HOSTNAME", "mx.mask.test",
                "MASQ_RELAY", inbox.hostPort(), "MASQ_DNS", dns.hostPort(), "MASQ_DELIVERY_STARTTLS", "false"));
        env.putAll(Map.of("MASQ_RETRY_MIN", "200ms", "MASQ_RETRY_MAX", "1s"));
        return TestMasq.startEmpty(dir, env);
    }

    @Test
    void anAliasMadeOverHttpForwardsRewrittenMailAndTheDatabaseKeepsNoInboxOrKey() throws Exception {
        app.accounts().addUser(INBOX, false);
        String key = app.apiKeys().create(INBOX, "laptop").secret();
        String address = createAlias(key).get("address").asText();

        byte[] body = bytes("Hi,\r\n.dot-led line\r\nthanks\r\n");
        byte[] message = concat(bytes("From: Jane Doe <jane@vendor.test>\r\nTo: " + address
                + "\r\nSubject: Welcome\r\nMessage-ID: <m1@vendor.test>\r\n\r\n"), body);
        try (SmtpClient smtp = SmtpClient.open(app.smtpPort())) {
            assertThat(smtp.send("bounce@vendor.test", List.of(address), message).text()).startsWith("250 2.0.0");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        DownstreamSmtpServer.Received copy = inbox.received().getFirst();
        assertThat(copy.recipients()).containsExactly(INBOX);
        assertThat(copy.mailFrom()).startsWith("bounce+").endsWith("@mask.test");
        assertThat(body(copy.content())).isEqualTo(body);
        assertThat(values(copy.content(), "From")).singleElement().asString()
                .matches("\"Jane Doe - jane at vendor\\.test\" <reply\\+[a-z2-7]{20}@mask\\.test>");
        assertThat(values(copy.content(), "X-Masq-Alias")).containsExactly(address);
        assertThat(values(copy.content(), "Subject")).containsExactly("Welcome");

        app.close();
        for (String file : List.of("masq.db", "masq.db-wal", "masq.db-shm")) {
            Path p = dir.resolve(file);
            if (Files.exists(p)) {
                assertThat(text(Files.readAllBytes(p))).doesNotContain(INBOX).doesNotContain(key)
                        .doesNotContain("jane@vendor.test");
            }
        }
        app = start();
    }

    @Test
    void mailTakenWhileTheInboxIsDownArrivesAfterARestart() throws Exception {
        app.accounts().addUser(INBOX, false);
        String key = app.apiKeys().create(INBOX, "laptop").secret();
        String address = createAlias(key).get("address").asText();
        inbox.stop();
        try (SmtpClient smtp = SmtpClient.open(app.smtpPort())) {
            assertThat(smtp.send("a@vendor.test", List.of(address), bytes("Subject: kept\r\n\r\nsafe\r\n")).code()).isEqualTo(250);
        }
        app.close();

        inbox.restart();
        app = start();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "Subject")).containsExactly("kept");
        await().until(() -> app.db().read(ctx -> app.deliveryQueue().size(ctx)) == 0);
    }

    @Test
    void aCopyHandedStraightToTheSendersFallsBackOnTheQueueWhenTheInboxIsDown() throws Exception {
        app.accounts().addUser(INBOX, false);
        String address = createAlias(app.apiKeys().create(INBOX, "laptop").secret()).get("address").asText();
        inbox.stop();
        try (SmtpClient smtp = SmtpClient.open(app.smtpPort())) {
            assertThat(smtp.send("a@vendor.test", List.of(address), bytes("Subject: later\r\n\r\nsafe\r\n")).code()).isEqualTo(250);
        }
        // The first attempt ran at once, from memory, and failed: the row is back in the queue, unleased.
        await().atMost(Duration.ofSeconds(20)).until(() -> app.db().read(ctx -> ctx.selectFrom(DELIVERIES)
                .where(DELIVERIES.ATTEMPTS.ge(1)).and(DELIVERIES.LEASE_UNTIL.isNull()).fetch()).size() == 1);

        inbox.restart();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "Subject")).containsExactly("later");
        await().until(() -> app.db().read(ctx -> app.deliveryQueue().size(ctx)) == 0);
    }

    private JsonNode createAlias(String key) throws Exception {
        HttpResponse<String> created = OpenApiContract.verified(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.httpPort() + "/api/v1/aliases"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"vendor\":\"Acme\",\"site\":\"acme.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(created.statusCode()).isEqualTo(201);
        return new ObjectMapper().readTree(created.body());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
