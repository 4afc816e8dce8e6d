package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.NewAlias;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestDns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alias page and the leak report tell what the API tells: vendor spam, and who still writes to a burned alias. */
class WebVerdictEvidenceTest {
    @TempDir
    Path dir;
    @AutoClose
    TestDns dns;
    @AutoClose
    TestMasq masq;
    String userId;
    FormClient client;

    @BeforeEach
    void start() throws Exception {
        dns = TestDns.start();
        dns.txt("shop.com", "v=spf1 ip4:127.0.0.1 -all");
        masq = TestMasq.startEmpty(dir, Map.of("MASQ_DNS", dns.hostPort(), "MASQ_HOSTNAME", "mx.mask.test",
                "MASQ_DELIVERY_CONCURRENCY", "0"));
        userId = masq.user("person@inbox.test", false);
        client = new FormClient(masq.base());
        client.post("/login", Map.of("_csrf", FormClient.csrf(client.get("/login")), "email", "person@inbox.test",
                "password", TestMasq.PASSWORD));
    }

    @Test
    void theAliasPageAndTheLeakReportShowVendorSpamAndWhoStillWritesAfterTheBurn() throws Exception {
        Alias alias = masq.aliases().create(userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "shop", null, "Shop", "https://shop.com", null));
        send("promo@shop.com", "Shop <promo@shop.com>", "Weekly offers");
        AliasEvent vendorMail = masq.aliases().events(userId, alias.id(), 10).stream()
                .filter(e -> e.kind().equals("forwarded")).findFirst().orElseThrow();
        masq.leaks().reportSpam(userId, alias.id(), vendorMail.id());
        send("news@deals-daily.com", "Deals <news@deals-daily.com>", "Hot deals");
        masq.aliases().burn(userId, alias.id(), false, "sold");

        for (String sender : List.of("a@deals-daily.com", "b@deals-daily.com", "c@deals-daily.com", "win@lottery-prize.net")) {
            try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
                smtp.expect(250, smtp.command("MAIL FROM:<" + sender + ">"));
                assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.1.1");
            }
        }

        String page = await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/aliases/" + alias.id()).body(),
                body -> body.contains("refused 4 times"));
        assertThat(page).contains("still written to by 2 domains",
                "<span class=\"address\">deals-daily.com</span>: 3", "<span class=\"address\">lottery-prize.net</span>: 1");
        assertThat(page).contains("id=\"vendor-spam\">1 of the vendor");
        assertThat(client.get("/leaks").body()).contains("still written to by 2 domains since it was burned");
    }

    @Test
    void theLeakReportListsABurnedAliasThatNeverLeakedButIsStillWrittenTo() throws Exception {
        Alias alias = masq.aliases().create(userId,
                new NewAlias(NewAlias.AddressMode.CUSTOM, "shop", null, "Shop", "https://shop.com", null));
        send("promo@shop.com", "Shop <promo@shop.com>", "Weekly offers");
        masq.aliases().burn(userId, alias.id(), false, "done with them");
        for (String sender : List.of("a@deals-daily.com", "win@lottery-prize.net")) {
            try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
                smtp.expect(250, smtp.command("MAIL FROM:<" + sender + ">"));
                assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.1.1");
            }
        }

        String report = await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/leaks").body(),
                body -> body.contains("id=\"written-after-burn\""));
        assertThat(report).contains("id=\"no-leaks\"", "shop@mask.test",
                "still written to by 2 domains since it was burned", "deals-daily.com (1), lottery-prize.net (1)");
    }

    private void send(String envelopeSender, String from, String subject) {
        byte[] message = ("From: " + from + "\r\nTo: shop@mask.test\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + Math.abs(subject.hashCode()) + "@test>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        try (SmtpClient smtp = SmtpClient.open(masq.smtpPort())) {
            assertThat(smtp.send(envelopeSender, List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }
    }
}
