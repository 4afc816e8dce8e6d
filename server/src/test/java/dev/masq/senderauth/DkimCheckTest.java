package dev.masq.senderauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DkimCheckTest {

    @Test
    void findsASignatureFieldInAnyCaseAndWithSpaceBeforeTheColon() {
        assertThat(DkimCheck.hasSignatureField(bytes("From: a@b.test\r\nDKIM-Signature: v=1\r\n\r\nbody\r\n"))).isTrue();
        assertThat(DkimCheck.hasSignatureField(bytes("dkim-signature : v=1\n\nbody\n"))).isTrue();
    }

    @Test
    void looksNeitherInFoldedValuesNorInTheBodyNorAtSimilarNames() {
        assertThat(DkimCheck.hasSignatureField(bytes("Subject: x\r\n DKIM-Signature: folded\r\n\r\nDKIM-Signature: in body\r\n")))
                .isFalse();
        assertThat(DkimCheck.hasSignatureField(bytes("DKIM-Signatures: v=1\r\nX-DKIM-Signature: v=1\r\n\r\n"))).isFalse();
        assertThat(DkimCheck.hasSignatureField(bytes(""))).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
