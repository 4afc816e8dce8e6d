package dev.masq.senderauth;

import dev.masq.testing.TestDns;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.masq.testing.TestMail;

class SenderAuthenticationTest {
    static final InetAddress VENDOR_MTA = address("192.0.2.10");
    static final InetAddress OTHER_MTA = address("198.51.100.7");
    static KeyPair key;

    @AutoClose
    TestDns dns;
    SenderAuthentication auth;

    @BeforeAll
    static void generateKey() {
        key = TestMail.rsaKey();
    }

    @BeforeEach
    void setUp() throws Exception {
        dns = TestDns.start()
                .txt("openai.com", "v=spf1 ip4:192.0.2.10 -all")
                .txt("em.openai.com", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.openai.com", "v=DMARC1; p=reject; sp=quarantine")
                .txt("mail._domainkey.openai.com", TestMail.dkimRecord(key))
                .txt("strict.org", "v=spf1 ip4:192.0.2.10 -all")
                .txt("bounce.strict.org", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.strict.org", "v=DMARC1; p=none; aspf=s; adkim=s");
        auth = new SenderAuthentication(Optional.of(dns.address()), Duration.ofMillis(400), "mx.mask.test");
    }

    @Test
    void alignedSpfPassIsDmarcPass() {
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("billing@openai.com", "mta.openai.com", VENDOR_MTA),
                TestMail.message("OpenAI <billing@openai.com>", "Invoice", "thanks"));
        assertThat(r.fromDomain()).isEqualTo("openai.com");
        assertThat(r.spf()).isEqualTo(SpfResult.PASS);
        assertThat(r.dkim()).isEmpty();
        assertThat(r.dmarc()).isEqualTo(new DmarcResult(DmarcResult.Status.PASS, "reject"));
    }

    @Test
    void relaxedAlignmentAcceptsTheVendorsSubdomainButStrictDoesNot() {
        AuthenticationResults relaxed = auth.authenticate(new SmtpIdentity("b@em.openai.com", "mta", VENDOR_MTA),
                TestMail.message("billing@openai.com", "Invoice", "r"));
        assertThat(relaxed.dmarc().status()).isEqualTo(DmarcResult.Status.PASS);

        AuthenticationResults strict = auth.authenticate(new SmtpIdentity("b@bounce.strict.org", "mta", VENDOR_MTA),
                TestMail.message("news@strict.org", "News", "s"));
        assertThat(strict.spf()).isEqualTo(SpfResult.PASS);
        assertThat(strict.dmarc()).isEqualTo(new DmarcResult(DmarcResult.Status.FAIL, "none"));
    }

    @Test
    void aDkimSignatureOfTheFromDomainPassesFromAnyServer() throws Exception {
        byte[] signed = TestMail.dkimSigned(TestMail.message("billing@openai.com", "Receipt", "paid"), "openai.com", "mail", key);
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("bounces@esp-mailer.net", "out.esp-mailer.net", OTHER_MTA), signed);
        assertThat(r.spf()).isEqualTo(SpfResult.NONE);
        assertThat(r.dkim()).containsExactly(new DkimResult("openai.com", DkimResult.Status.PASS));
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.PASS);
    }

    @Test
    void aForgedFromFailsDmarc() {
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("x@evil-sender.net", "evil", OTHER_MTA),
                TestMail.message("OpenAI Billing <billing@openai.com>", "Your card was declined", "click here"));
        assertThat(r.envelopeDomain()).isEqualTo("evil-sender.net");
        assertThat(r.dmarc()).isEqualTo(new DmarcResult(DmarcResult.Status.FAIL, "reject"));
    }

    @Test
    void aChangedBodyBreaksTheSignature() throws Exception {
        byte[] signed = TestMail.dkimSigned(TestMail.message("billing@openai.com", "Receipt", "paid"), "openai.com", "mail", key);
        byte[] altered = new String(signed, StandardCharsets.UTF_8).replace("paid", "unpaid").getBytes(StandardCharsets.UTF_8);
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("x@evil-sender.net", "evil", OTHER_MTA), altered);
        assertThat(r.dkim()).containsExactly(new DkimResult("openai.com", DkimResult.Status.FAIL));
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.FAIL);
    }

    @Test
    void aSubdomainWithoutItsOwnRecordGetsTheOrganisationsSubdomainPolicy() {
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("x@evil-sender.net", "evil", OTHER_MTA),
                TestMail.message("news@news.openai.com", "News", "n"));
        assertThat(r.dmarc()).isEqualTo(new DmarcResult(DmarcResult.Status.FAIL, "quarantine"));
    }

    @Test
    void aDmarcLookupTimeoutIsUnknownNotFail() {
        dns.silence("_dmarc.openai.com");
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("x@evil-sender.net", "evil", OTHER_MTA),
                TestMail.message("billing@openai.com", "Invoice", "t"));
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.UNKNOWN);
    }

    @Test
    void anSpfTimeoutOfTheAlignedDomainIsUnknownNotFail() {
        dns.silence("openai.com");
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("billing@openai.com", "mta", VENDOR_MTA),
                TestMail.message("billing@openai.com", "Invoice", "t"));
        assertThat(r.spf()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.UNKNOWN);
    }

    @Test
    void aSilentResolverLeavesEverythingTemporary() throws Exception {
        dns.silenceEverything();
        byte[] signed = TestMail.dkimSigned(TestMail.message("billing@openai.com", "Receipt", "paid"), "openai.com", "mail", key);
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("billing@openai.com", "mta", VENDOR_MTA), signed);
        assertThat(r.spf()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(r.dkim()).containsExactly(new DkimResult("openai.com", DkimResult.Status.TEMPERROR));
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.UNKNOWN);
    }

    @Test
    void aMessageWithoutFromHasNoDmarc() {
        byte[] noFrom = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        AuthenticationResults r = auth.authenticate(new SmtpIdentity("", "mta.openai.com", VENDOR_MTA), noFrom);
        assertThat(r.fromDomain()).isNull();
        assertThat(r.envelopeDomain()).isNull();
        assertThat(r.dmarc().status()).isEqualTo(DmarcResult.Status.NONE);
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
