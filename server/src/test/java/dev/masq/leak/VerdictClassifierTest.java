package dev.masq.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.masq.senderauth.SpfResult;
import dev.masq.senderauth.DmarcResult;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SpamScore;
import dev.masq.senderauth.Domains;

class VerdictClassifierTest {
    static final VendorBinding OPENAI = new VendorBinding("OpenAI", List.of("openai.com"), Set.of());
    final VerdictClassifier classifier = new VerdictClassifier();

    @Test
    void mailFromTheVendorIsExpected() {
        Verdict v = classifier.classify(auth("mail.openai.com", "em.openai.com", DmarcResult.Status.PASS), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.EXPECTED);
        assertThat(v.senderDomain()).isEqualTo("openai.com");
        assertThat(v.warning()).isNull();
    }

    @Test
    void mailFromADomainThePersonAllowedIsExpected() {
        VendorBinding withAllowed = new VendorBinding("OpenAI", List.of("openai.com"), Set.of("stripe.com"));
        assertThat(classifier.classify(auth("stripe.com", "stripe.com", DmarcResult.Status.PASS), withAllowed, null).kind())
                .isEqualTo(VerdictKind.EXPECTED);
    }

    @Test
    void anyoneElseIsForeign() {
        Verdict v = classifier.classify(auth("news.shop-deals.co.uk", "bounce.shop-deals.co.uk", DmarcResult.Status.NONE), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.FOREIGN);
        assertThat(v.senderDomain()).isEqualTo("shop-deals.co.uk");
        assertThat(v.learnsVendorDomain()).isFalse();
    }

    @Test
    void theVendorsNameInsideAnotherDomainIsALookalike() {
        Verdict v = classifier.classify(auth("openai-billing.com", "openai-billing.com", DmarcResult.Status.PASS), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(v.claimedDomain()).isEqualTo("openai.com");
        assertThat(v.warning()).isEqualTo("claims to be openai.com but was sent from openai-billing.com");

        assertThat(classifier.classify(auth("openai.com.account-verify.net", null, DmarcResult.Status.NONE), OPENAI, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(classifier.classify(auth("openai.org", null, DmarcResult.Status.NONE), OPENAI, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
    }

    @Test
    void aSpellingOneOrTwoEditsAwayIsALookalike() {
        assertThat(classifier.classify(auth("0penai.com", null, DmarcResult.Status.PASS), OPENAI, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(classifier.classify(auth("opneai.com", null, DmarcResult.Status.PASS), OPENAI, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
        VendorBinding longName = new VendorBinding(null, List.of("mastercard.com"), Set.of());
        assertThat(classifier.classify(auth("mastrcrd.com", null, DmarcResult.Status.NONE), longName, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(classifier.classify(auth("mastercard.com.de", null, DmarcResult.Status.NONE), longName, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
    }

    @Test
    void punycodeThatReadsAsTheVendorIsALookalike() {
        String cyrillicO = IDN.toASCII("\u043Epenai.com");
        assertThat(cyrillicO).startsWith("xn--");
        Verdict v = classifier.classify(auth(cyrillicO, null, DmarcResult.Status.PASS), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(v.warning()).isEqualTo("claims to be openai.com but was sent from " + cyrillicO
                + ", a name written with look-alike letters");
        // As it arrives in a From header of a SMTPUTF8 message: Unicode, normalised to punycode on the way in.
        assertThat(Domains.normalize("\u0430pple.com")).hasValue(IDN.toASCII("\u0430pple.com"));
        VendorBinding apple = new VendorBinding("Apple", List.of("apple.com"), Set.of());
        assertThat(classifier.classify(auth(IDN.toASCII("\u0430pple.com"), null, DmarcResult.Status.NONE), apple, null).kind())
                .isEqualTo(VerdictKind.LOOKALIKE);
    }

    @Test
    void unrelatedShortOrDistantNamesAreNotLookalikes() {
        VendorBinding bbc = new VendorBinding("BBC", List.of("bbc.co.uk"), Set.of());
        assertThat(classifier.classify(auth("abc.com", null, DmarcResult.Status.NONE), bbc, null).kind()).isEqualTo(VerdictKind.FOREIGN);
        assertThat(classifier.classify(auth("opentable.com", null, DmarcResult.Status.NONE), OPENAI, null).kind())
                .isEqualTo(VerdictKind.FOREIGN);
    }

    @Test
    void theVendorLabelAloneIsEnoughToSpotALookalike() {
        VendorBinding labelOnly = new VendorBinding("PayPal", List.of(), Set.of());
        Verdict v = classifier.classify(auth("paypa1.com", null, DmarcResult.Status.NONE), labelOnly, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.LOOKALIKE);
        assertThat(v.warning()).isEqualTo("claims to be PayPal but was sent from paypa1.com");
    }

    @Test
    void aVendorFromThatFailsDmarcIsASpoof() {
        Verdict v = classifier.classify(auth("openai.com", "evil-sender.net", DmarcResult.Status.FAIL), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.SPOOF);
        assertThat(v.senderDomain()).isEqualTo("evil-sender.net");
        assertThat(v.warning()).isEqualTo("claims to be openai.com but was sent from evil-sender.net");

        Verdict forgedEnvelopeToo = classifier.classify(auth("openai.com", "openai.com", DmarcResult.Status.FAIL), OPENAI, null);
        assertThat(forgedEnvelopeToo.kind()).isEqualTo(VerdictKind.SPOOF);
        assertThat(forgedEnvelopeToo.senderDomain()).isNull();
        assertThat(forgedEnvelopeToo.warning()).isEqualTo("claims to be openai.com but openai.com did not authorise the server that sent it");
    }

    @Test
    void aTemporaryDnsFailureIsNeverASpoof() {
        Verdict v = classifier.classify(auth("openai.com", "evil-sender.net", DmarcResult.Status.UNKNOWN), OPENAI, null);
        assertThat(v.kind()).isEqualTo(VerdictKind.EXPECTED);
        assertThat(v.dmarc()).isEqualTo(DmarcResult.Status.UNKNOWN);
    }

    @Test
    void aForeignSenderOverTheSpamThresholdIsSpam() {
        SpamScore spam = new SpamScore(1000.0, 5.0, List.of("GTUBE"));
        assertThat(classifier.classify(auth("cheap-pills.biz", null, DmarcResult.Status.NONE), OPENAI, spam).kind())
                .isEqualTo(VerdictKind.SPAM);
        assertThat(classifier.classify(auth("cheap-pills.biz", null, DmarcResult.Status.NONE), OPENAI, new SpamScore(1.2, 5.0, List.of())).kind())
                .isEqualTo(VerdictKind.FOREIGN);
        assertThat(classifier.classify(auth("openai.com", null, DmarcResult.Status.PASS), OPENAI, spam).kind())
                .isEqualTo(VerdictKind.EXPECTED);
    }

    @Test
    void anAliasWithoutVendorDomainLearnsItFromItsFirstTrustworthyMessage() {
        VendorBinding unbound = new VendorBinding(null, List.of(), Set.of());
        Verdict first = classifier.classify(auth("mail.newshop.com", null, DmarcResult.Status.PASS), unbound, null);
        assertThat(first.kind()).isEqualTo(VerdictKind.EXPECTED);
        assertThat(first.learnsVendorDomain()).isTrue();
        assertThat(first.senderDomain()).isEqualTo("newshop.com");

        assertThat(classifier.classify(auth("newshop.com", "x.net", DmarcResult.Status.FAIL), unbound, null).learnsVendorDomain()).isFalse();
        assertThat(classifier.classify(auth("newshop.com", null, DmarcResult.Status.NONE), unbound,
                new SpamScore(9, 5, List.of())).learnsVendorDomain()).isFalse();
    }

    private static AuthenticationResults auth(String fromDomain, String envelopeDomain, DmarcResult.Status dmarc) {
        return new AuthenticationResults(fromDomain, envelopeDomain, SpfResult.NONE, List.of(), new DmarcResult(dmarc, null));
    }
}
