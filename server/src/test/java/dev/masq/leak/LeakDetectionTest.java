package dev.masq.leak;

import dev.masq.TestMasq;
import dev.masq.testing.TestDns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.alias.Alias;
import dev.masq.alias.NewAlias;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.testing.TestMail;

/** A received message from authentication through classification, as the pipeline will run it: real DNS, real database. */
class LeakDetectionTest {
    @TempDir
    Path dir;
    @AutoClose
    TestDns dns;
    @AutoClose
    TestMasq s;
    Alias alias;
    KeyPair openaiKey;

    @BeforeEach
    void setUp() throws Exception {
        openaiKey = TestMail.rsaKey();
        dns = TestDns.start()
                .txt("openai.com", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.openai.com", "v=DMARC1; p=reject")
                .txt("s1._domainkey.openai.com", TestMail.dkimRecord(openaiKey));
        s = TestMasq.offline(dir, Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "mask.test",
                "MASQ_DNS", "127.0.0.1:" + dns.address().getPort(), "MASQ_AUTH_DNS_TIMEOUT", "400ms"), Clock.systemUTC());
        String user = s.accounts().addUser("person@inbox.test", false).id();
        alias = s.aliases().create(user, new NewAlias(null, null, null, "OpenAI", "openai.com", null));
    }

    @Test
    void aDkimSignedMessageFromTheVendorSentThroughAMailingProviderIsExpected() throws Exception {
        byte[] signed = TestMail.dkimSigned(TestMail.message("OpenAI <billing@openai.com>", "Your receipt", "paid"),
                "openai.com", "s1", openaiKey);
        Verdict v = verdict("bounce-123@esp-mailer.net", "198.51.100.7", signed);
        assertThat(v.kind()).isEqualTo(VerdictKind.EXPECTED);
        assertThat(v.dmarc()).isEqualTo(DmarcResult.Status.PASS);
        assertThat(VerdictHeaders.of(v).subjectPrefix()).isEmpty();
    }

    @Test
    void aFromOfTheVendorThatFailsDmarcIsASpoofAndIsTagged() {
        Verdict v = verdict("x@evil-sender.net", "198.51.100.7",
                TestMail.message("OpenAI Billing <billing@openai.com>", "Payment failed", "update your card"));
        assertThat(v.kind()).isEqualTo(VerdictKind.SPOOF);
        assertThat(VerdictHeaders.of(v).add()).contains(
                new VerdictHeaders.Field("X-Masq-Warning", "claims to be openai.com but was sent from evil-sender.net"));
        assertThat(VerdictHeaders.of(v).subjectPrefix()).hasValue("[masq: suspicious sender] ");
    }

    @Test
    void lookalikeDomainsAreTaggedEvenWhenTheyAuthenticateThemselves() {
        dns.txt("openai-billing.com", "v=spf1 ip4:203.0.113.5 -all").txt("_dmarc.openai-billing.com", "v=DMARC1; p=reject");
        Verdict v = verdict("billing@openai-billing.com", "203.0.113.5",
                TestMail.message("OpenAI <billing@openai-billing.com>", "Invoice", "pay now"));
        assertThat(v.dmarc()).isEqualTo(DmarcResult.Status.PASS);
        assertThat(v.kind()).isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(v.warning()).isEqualTo("claims to be openai.com but was sent from openai-billing.com");
    }

    @Test
    void whenDnsTimesOutTheVendorsMailIsUnknownNotASpoof() {
        dns.silenceEverything();
        Verdict v = verdict("x@evil-sender.net", "198.51.100.7", TestMail.message("billing@openai.com", "Invoice", "t"));
        assertThat(v.dmarc()).isEqualTo(DmarcResult.Status.UNKNOWN);
        assertThat(v.kind()).isEqualTo(VerdictKind.EXPECTED);
    }

    private Verdict verdict(String mailFrom, String clientIp, byte[] message) {
        try {
            AuthenticationResults auth = s.senderAuthentication().authenticate(
                    new SmtpIdentity(mailFrom, "mta.example", InetAddress.getByName(clientIp)), message);
            return s.db().read(ctx -> s.leaks().classify(ctx, alias.id(), auth, null));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
