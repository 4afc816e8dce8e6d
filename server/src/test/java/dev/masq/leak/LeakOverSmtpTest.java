package dev.masq.leak;

import static dev.masq.testing.Messages.text;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasService;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.Messages;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.Spamd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.testing.TestMail;

/**
 * Leak detection through the real SMTP port: verdicts on forwarded mail, the leak status they build
 * up, the one notice in the inbox, blocks and vendor-only mode, and burning. SPF, DKIM and DMARC
 * records come from the test's own DNS responder; the inbox is an in-test SMTP server.
 */
class LeakOverSmtpTest {
    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;
    Alias openai;

    @BeforeEach
    void setUp() throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.forwardingTo(dir, inbox);
        openai = masq.alias("chatgpt", "OpenAI", "https://openai.com");
    }

    @Test
    void vendorMailStaysCleanAndThirdForeignDomainLeaksWithExactlyOneNotice() {
        assertThat(send("billing@openai.com", "OpenAI <billing@openai.com>", "Your receipt").code()).isEqualTo(250);
        assertThat(verdictOf("Your receipt")).isEqualTo("expected");
        assertThat(status()).isEqualTo(LeakStatus.CLEAN);

        send("news@deals-daily.com", "Deals <news@deals-daily.com>", "Hot deals");
        assertThat(verdictOf("Hot deals")).isEqualTo("foreign");
        AliasLeak suspected = leak();
        assertThat(suspected.status()).isEqualTo(LeakStatus.SUSPECTED);
        assertThat(suspected.since()).isNotNull();

        send("win@lottery-prize.net", "Lottery <win@lottery-prize.net>", "You won");
        assertThat(status()).isEqualTo(LeakStatus.SUSPECTED);
        send("hi@crypto-news.io", "Crypto <hi@crypto-news.io>", "Moon");
        send("more@deals-daily.com", "Deals <more@deals-daily.com>", "More deals");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() >= 6);

        assertThat(leak().status()).isEqualTo(LeakStatus.LEAKED);
        assertThat(leak().foreignDomains()).extracting(ForeignDomain::domain)
                .containsExactlyInAnyOrder("deals-daily.com", "lottery-prize.net", "crypto-news.io");
        List<String> notices = inbox.received().stream().map(r -> text(r.content()))
                .filter(t -> t.contains("has leaked")).toList();
        assertThat(notices).singleElement().asString().contains("OpenAI").contains("crypto-news.io");
        assertThat(masq.leaks().report(masq.userId).aliases()).extracting(AliasLeak::aliasId)
                .containsExactly(openai.id());
    }

    @Test
    void rawUtf8InTheHeaderFromIsReadAsUtf8() {
        // An inbox that takes UTF-8 headers as they are (RFC 6531), so the copy's bytes show what was read.
        inbox.offer("SMTPUTF8");
        masq.dns.txt("societegenerale.fr", "v=spf1 ip4:127.0.0.1 -all");
        Alias bank = masq.alias("bank", "Société Générale", "https://societegenerale.fr");
        // RFC 6532: the display name goes as raw UTF-8 bytes, not as an encoded-word.
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("noreply@societegenerale.fr", List.of("bank@mask.test"),
                    TestMail.message("Société Générale <noreply@societegenerale.fr>", "Relevé", "x")).code()).isEqualTo(250);
        }
        byte[] copy = copyWith("Relevé".getBytes(StandardCharsets.UTF_8));
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("expected");
        assertThat(masq.leaks().leak(masq.userId, bank.id()).status()).isEqualTo(LeakStatus.CLEAN);
        assertThat(Messages.addresses(values(copy, "From").getFirst())[0].getPersonal())
                .isEqualTo("Société Générale - noreply at societegenerale.fr");

        send("x@plainname.com", "Zoë Ëë <x@plainname.com>", "Accents");
        send("x@xn--maana-pta.com", "x@mañana.com", "Spanish");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 3);
        assertThat(leak().foreignDomains()).extracting(ForeignDomain::domain)
                .containsExactlyInAnyOrder("plainname.com", "xn--maana-pta.com");
        assertThat(Messages.addresses(values(copyWith("Accents"), "From").getFirst())[0].getPersonal())
                .isEqualTo("Zoë Ëë - x at plainname.com");
    }

    @Test
    void aVendorUnderAPrivateTopLevelDomainMailsFromItsSubdomainsAsItself() {
        Alias intranet = masq.alias("payroll", "Payroll", "https://a.b.vendor.internal/x");
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("news@mail.vendor.internal", List.of("payroll@mask.test"),
                    TestMail.message("Payroll <news@mail.vendor.internal>", "Payslip", "x")).code()).isEqualTo(250);
        }
        assertThat(verdictOf("Payslip")).isEqualTo("expected");
        assertThat(masq.leaks().leak(masq.userId, intranet.id()).status()).isEqualTo(LeakStatus.CLEAN);
    }

    @Test
    void whoTurnedLeakNoticesOffGetsNoNoticeButTheStatusStillChanges() {
        masq.signIn().saveNotifications(masq.userId, false);
        for (String domain : List.of("deals-daily.com", "lottery-prize.net", "crypto-news.io")) {
            send("news@" + domain, "News <news@" + domain + ">", "from " + domain);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 3);
        assertThat(status()).isEqualTo(LeakStatus.LEAKED);
        int queued = masq.db().read(ctx -> masq.deliveryQueue().size(ctx));
        assertThat(queued).isZero();
        assertThat(inbox.received()).noneMatch(r -> text(r.content()).contains("has leaked"));
    }

    @Test
    void lookalikesAndSpoofsAreTaggedAndDkimSignedVendorMailPasses() throws Exception {
        // A spoof of a domain publishing p=reject is quarantined by default; this person chose to have spoofs tagged.
        masq.policies().save(masq.userId, Map.of("spoof", "tag"), null);
        send("billing@openai-billing.com", "OpenAI Billing <billing@openai-billing.com>", "Invoice overdue");
        send("support@0penai.com", "OpenAI <support@0penai.com>", "Verify your account");
        // Claims openai.com in From, but comes from elsewhere: SPF does not align and there is no signature.
        send("bulk@mailer.test", "OpenAI <billing@openai.com>", "Payment failed");
        KeyPair key = TestMail.rsaKey();
        masq.dns.txt("s1._domainkey.openai.com", TestMail.dkimRecord(key));
        byte[] signed = TestMail.dkimSigned(TestMail.message("OpenAI <billing@openai.com>", "Signed receipt", "paid"),
                "openai.com", "s1", key);
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("bounces@sendgrid.test", List.of("chatgpt@mask.test"), signed).code()).isEqualTo(250);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() >= 4);
        for (String subject : List.of("Invoice overdue", "Verify your account")) {
            byte[] copy = copyWith(subject);
            assertThat(values(copy, "X-Masq-Verdict")).containsExactly("lookalike");
            assertThat(values(copy, "Subject")).containsExactly("[masq: suspicious sender] " + subject);
            assertThat(values(copy, "X-Masq-Warning")).singleElement().asString().contains("openai.com");
        }
        byte[] spoof = copyWith("Payment failed");
        assertThat(values(spoof, "X-Masq-Verdict")).containsExactly("spoof");
        assertThat(values(spoof, "Subject")).containsExactly("[masq: suspicious sender] Payment failed");
        assertThat(values(copyWith("Signed receipt"), "X-Masq-Verdict")).containsExactly("expected");
    }

    @Test
    void burnAndReplaceRefusesTheOldAddressAndTheNewOneDelivers() {
        AliasService.BurnResult burned = masq.aliases().burn(masq.userId, openai.id(), true, "sold");
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<billing@openai.com>"));
            assertThat(smtp.command("RCPT TO:<chatgpt@mask.test>").text()).startsWith("550 5.1.1");
            smtp.expect(250, smtp.command("RCPT TO:<" + burned.replacement().address() + ">"));
            assertThat(smtp.data(TestMail.message("OpenAI <billing@openai.com>", "To the new one", "x")).code()).isEqualTo(250);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "X-Masq-Alias")).containsExactly(burned.replacement().address());
    }

    @Test
    void blockedSendersAreRefusedAtRcptAndAtTheEndOfData() {
        masq.senderBlocks().add(masq.userId, openai.id(), "spammer@deals-daily.com", null);
        masq.senderBlocks().add(masq.userId, null, null, "casino.test");
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<spammer@deals-daily.com>"));
            assertThat(smtp.command("RCPT TO:<chatgpt@mask.test>").text()).startsWith("550 5.7.1");
        }
        assertThat(send("innocent@relay.test", "Casino <win@mail.casino.test>", "Jackpot").text()).startsWith("550 5.7.1");
        assertThat(masq.reload(openai).blocked()).isEqualTo(1);
        assertThat(inbox.received()).isEmpty();
    }

    @Test
    void vendorOnlyModeRefusesEveryoneButTheVendor() {
        masq.senderBlocks().setVendorOnly(masq.userId, openai.id(), true);
        assertThat(send("news@deals-daily.com", "Deals <news@deals-daily.com>", "Hot deals").text()).startsWith("550 5.7.1");
        assertThat(send("billing@openai.com", "OpenAI <billing@openai.com>", "Your receipt").code()).isEqualTo(250);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 1);
        assertThat(values(inbox.received().getFirst().content(), "Subject")).containsExactly("Your receipt");
        assertThat(status()).as("refused mail still tells that the address escaped").isEqualTo(LeakStatus.SUSPECTED);
    }

    @Test
    void withLeakDetectionOffMailIsForwardedPlainlyAndJudgedByNoOne() throws Exception {
        masq.close();
        masq = TestMasq.start(dir.resolve("plain"), Map.of("MASQ_RELAY", inbox.hostPort(), "MASQ_DELIVERY_STARTTLS", "false",
                "MASQ_DELIVERY_CONCURRENCY", "4", "MASQ_LEAK_DETECTION", "false"));
        openai = masq.alias("chatgpt", "OpenAI", "https://openai.com");
        send("support@0penai.com", "OpenAI <support@0penai.com>", "Verify your account");
        byte[] copy = copyWith("Verify your account");
        assertThat(values(copy, "X-Masq-Verdict")).isEmpty();
        assertThat(values(copy, "Subject")).containsExactly("Verify your account");
        assertThat(status()).isEqualTo(LeakStatus.CLEAN);
    }

    @Test
    void spamScoredBySpamdLeaksTheAliasAtOnce() throws Exception {
        try (Spamd spamd = Spamd.start(dir)) {
            masq.close();
            masq = TestMasq.start(dir.resolve("spam"), Map.of("MASQ_RELAY", inbox.hostPort(), "MASQ_DELIVERY_STARTTLS", "false",
                    "MASQ_DELIVERY_CONCURRENCY", "4", "MASQ_SPAMD", spamd.hostPort()));
            openai = masq.alias("chatgpt", "OpenAI", "https://openai.com");
            try (SmtpClient smtp = masq.open()) {
                smtp.expect(250, smtp.command("MAIL FROM:<offers@cheap-pills.biz>"));
                smtp.expect(250, smtp.command("RCPT TO:<chatgpt@mask.test>"));
                // An upstream verdict of "not spam" is not trusted: spamd decides.
                byte[] gtube = TestMail.message("Offers <offers@cheap-pills.biz>", "Cheap pills", Spamd.GTUBE);
                byte[] forged = ("X-Spam-Status: No, score=-50.0\r\n" + new String(gtube, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                assertThat(smtp.data(forged).code()).isEqualTo(250);
            }
            assertThat(values(copyWith("Cheap pills"), "X-Masq-Verdict")).containsExactly("spam");
            assertThat(values(copyWith("Cheap pills"), "X-Spam-Status")).isEmpty();
            assertThat(status()).isEqualTo(LeakStatus.LEAKED);
        }
    }

    private SmtpClient.Reply send(String envelopeSender, String from, String subject) {
        try (SmtpClient smtp = masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<" + envelopeSender + ">"));
            smtp.expect(250, smtp.command("RCPT TO:<chatgpt@mask.test>"));
            return smtp.data(TestMail.message(from, subject, "body of " + subject));
        }
    }

    private String verdictOf(String subject) {
        return values(copyWith(subject), "X-Masq-Verdict").getFirst();
    }

    /** The copy whose Subject ends with these raw bytes (a raw UTF-8 subject, say). */
    private byte[] copyWith(byte[] subject) {
        return copyWith(Messages.text(subject));
    }

    private byte[] copyWith(String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().stream()
                .anyMatch(r -> values(r.content(), "Subject").getFirst().endsWith(subject)));
        return inbox.received().stream().map(DownstreamSmtpServer.Received::content)
                .filter(c -> values(c, "Subject").getFirst().endsWith(subject)).findFirst().orElseThrow();
    }

    private AliasLeak leak() {
        return masq.leaks().leak(masq.userId, openai.id());
    }

    private LeakStatus status() {
        return leak().status();
    }
}
