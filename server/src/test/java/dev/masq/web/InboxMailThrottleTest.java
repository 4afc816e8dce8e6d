package dev.masq.web;

import static dev.masq.TestMasq.PASSWORD;
import static dev.masq.db.schema.Tables.DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.account.Mailbox;
import dev.masq.testing.DownstreamSmtpServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Add an inbox" mails a confirmation: adding, removing and adding the same address again is no mail cannon. */
class InboxMailThrottleTest {
    @AutoClose
    DownstreamSmtpServer downstream;
    @AutoClose
    TestMasq masq;
    String userId;
    FormClient client;

    void start(Path dir) throws Exception {
        downstream = DownstreamSmtpServer.start();
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_RELAY", downstream.hostPort(), "MASQ_DELIVERY_STARTTLS", "false"));
        userId = masq.user("owner@inbox.test", false);
        client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "owner@inbox.test", "password", PASSWORD));
    }

    @Test
    void anAddressReAddedWithinTheHourIsAnswered429AndMailedOnce(@TempDir Path dir) throws Exception {
        start(dir);
        assertThat(add("victim@inbox.test").statusCode()).isEqualTo(200);
        removeUnverified();
        HttpResponse<String> again = add("victim@inbox.test");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        add("marker@inbox.test");
        await().until(() -> mailsTo("marker@inbox.test") == 1);
        await().until(() -> masq.db().read(ctx -> ctx.fetchCount(DELIVERIES)) == 0);
        assertThat(mailsTo("victim@inbox.test")).isEqualTo(1);
    }

    @Test
    void oneAccountMailsAFewNewInboxesAnHour(@TempDir Path dir) throws Exception {
        start(dir);
        for (int i = 0; i < InboxMailThrottle.PER_ACCOUNT_PER_HOUR; i++) {
            assertThat(add("inbox" + i + "@inbox.test").statusCode()).isEqualTo(200);
        }
        assertThat(add("one-more@inbox.test").statusCode()).isEqualTo(429);
        assertThat(masq.inboxes().list(userId)).extracting(Mailbox::address).doesNotContain("one-more@inbox.test");
    }

    private HttpResponse<String> add(String address) throws Exception {
        return client.post("/settings/inboxes", Map.of("_csrf", FormClient.csrf(client.get("/settings")), "address", address));
    }

    private void removeUnverified() throws Exception {
        String csrf = FormClient.csrf(client.get("/settings"));
        for (Mailbox box : masq.inboxes().list(userId)) {
            if (!box.isDefault()) {
                assertThat(client.post("/settings/inboxes/" + box.id() + "/remove", Map.of("_csrf", csrf)).statusCode()).isEqualTo(200);
            }
        }
        assertThat(masq.inboxes().list(userId)).hasSize(1);
    }

    private long mailsTo(String to) {
        return downstream.received().stream().filter(m -> m.recipients().contains(to)).count();
    }
}
