package dev.masq.web;

import static dev.masq.db.schema.Tables.DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.DownstreamSmtpServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open sign-up is no mail cannon: one mail per target address an hour, answered the same as any other request,
 * and a budget per client address beyond which the form says 429.
 */
class SignUpThrottleTest {
    @AutoClose
    DownstreamSmtpServer downstream;
    @AutoClose
    TestMasq masq;

    void start(Path dir, Map<String, String> env) throws Exception {
        downstream = DownstreamSmtpServer.start();
        Map<String, String> all = new java.util.HashMap<>(Map.of("MASQ_RELAY", downstream.hostPort(), "MASQ_DELIVERY_STARTTLS", "false"));
        all.putAll(env);
        masq = TestMasq.startEmpty(dir, all);
        masq.serverSettings().setOpenSignUp(true);
    }

    @Test
    void aTargetGetsOneMailAnHourAndEveryRequestTheSameAnswer(@TempDir Path dir) throws Exception {
        start(dir, Map.of());
        masq.user("member@inbox.test", false);
        HttpResponse<String> first = signUp("victim@inbox.test");
        HttpResponse<String> again = signUp("victim@inbox.test");
        HttpResponse<String> member = signUp("member@inbox.test");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(member.statusCode()).isEqualTo(200);
        assertThat(page(again)).isEqualTo(page(first));
        assertThat(page(member)).isEqualTo(page(first).replace("victim@inbox.test", "member@inbox.test"));

        // Requests are worked through in order: once a later one's mail is out and nothing is queued, the earlier are done.
        signUp("marker@inbox.test");
        awaitAllDeliveredTo("marker@inbox.test");
        assertThat(mailsTo("victim@inbox.test")).isEqualTo(1);
        assertThat(mailsTo("member@inbox.test")).isZero();
    }

    @Test
    void beyondItsBudgetAClientAddressIsAnswered429AndNothingIsMailed(@TempDir Path dir) throws Exception {
        start(dir, Map.of("MASQ_SIGNUP_RATE", "2"));
        assertThat(signUp("one@inbox.test").statusCode()).isEqualTo(200);
        assertThat(signUp("two@inbox.test").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = signUp("three@inbox.test");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("id=\"signup-error\"").contains("Too many sign-ups");

        awaitAllDeliveredTo("two@inbox.test");
        assertThat(mailsTo("one@inbox.test")).isEqualTo(1);
        assertThat(mailsTo("three@inbox.test")).isZero();
    }

    private HttpResponse<String> signUp(String email) throws Exception {
        FormClient client = new FormClient(masq.base());
        String csrf = FormClient.csrf(client.get("/signup"));
        return client.post("/signup", Map.of("_csrf", csrf, "email", email));
    }

    /** The page without what differs by design between two visitors (their CSRF tokens). */
    private static String page(HttpResponse<String> reply) {
        return reply.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("\"X-CSRF-Token\": \"[^\"]+\"", "");
    }

    private void awaitAllDeliveredTo(String last) {
        await().until(() -> mailsTo(last) == 1);
        await().until(() -> masq.db().read(ctx -> ctx.fetchCount(DELIVERIES)) == 0);
    }

    private long mailsTo(String to) {
        return downstream.received().stream().filter(m -> m.recipients().contains(to)).count();
    }
}
