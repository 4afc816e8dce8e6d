package dev.masq.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.Test;
import dev.masq.senderauth.DmarcResult;

class VerdictHeadersTest {

    @Test
    void everyForwardedMessageCarriesItsVerdict() {
        VerdictHeaders.Decoration d = VerdictHeaders.of(verdict(VerdictKind.FOREIGN, null));
        assertThat(d.add()).containsExactly(new VerdictHeaders.Field("X-Masq-Verdict", "foreign"));
        assertThat(d.subjectPrefix()).isEmpty();
    }

    @Test
    void aSuspiciousSenderGetsAWarningAndASubjectTag() {
        VerdictHeaders.Decoration d = VerdictHeaders.of(
                verdict(VerdictKind.LOOKALIKE, "claims to be openai.com but was sent from openai-billing.com"));
        assertThat(d.add()).containsExactly(
                new VerdictHeaders.Field("X-Masq-Verdict", "lookalike"),
                new VerdictHeaders.Field("X-Masq-Warning", "claims to be openai.com but was sent from openai-billing.com"));
        assertThat(d.subjectPrefix()).isEqualTo(Optional.of("[masq: suspicious sender] "));
    }

    @Test
    void aWarningNamingANonAsciiVendorIsEncodedForTheHeader() {
        String warning = "claims to be Bäckerei Müller but was sent from x.net";
        String value = VerdictHeaders.of(verdict(VerdictKind.SPOOF, warning)).add().get(1).value();
        assertThat(value).startsWith("=?").matches("\\p{ASCII}+");
        assertThat(DecoderUtil.decodeEncodedWords(value, DecodeMonitor.STRICT)).isEqualTo(warning);
    }

    @Test
    void upstreamVerdictsAndSpamScoresAreNotTrusted() {
        assertThat(VerdictHeaders.isUntrustedUpstream("X-Masq-Verdict")).isTrue();
        assertThat(VerdictHeaders.isUntrustedUpstream("x-spam-status")).isTrue();
        assertThat(VerdictHeaders.isUntrustedUpstream("Subject")).isFalse();
    }

    private static Verdict verdict(VerdictKind kind, String warning) {
        return new Verdict(kind, "openai-billing.com", warning == null ? null : "openai.com", warning, false,
                DmarcResult.Status.NONE, null);
    }

}
