package dev.masq.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG drawn for the authenticator app reads back, module for module, as the text put in. */
class QrSvgTest {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    /** Rebuilds the module matrix from the path's runs (less the 4-module quiet zone) and decodes it with zxing. */
    static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1)) - 8;
        BitMatrix bits = new BitMatrix(modules);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            bits.setRegion(Integer.parseInt(run.group(1)) - 4, Integer.parseInt(run.group(2)) - 4, Integer.parseInt(run.group(3)), 1);
        }
        return new Decoder().decode(bits).getText();
    }

    @Test
    void anOtpauthUriComesBackWhole() throws Exception {
        String uri = "otpauth://totp/masq:someone%40inbox.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=masq"
                + "&algorithm=SHA1&digits=6&period=30";
        String svg = QrSvg.of(uri, "key");
        assertThat(decode(svg)).isEqualTo(uri);
        // Such a URI fits version 8 (49 modules) at level M: small enough to scan from a phone at arm's length.
        assertThat(svg).contains("viewBox=\"0 0 57 57\"");
    }

    @Test
    void theLabelIsEscaped() {
        assertThat(QrSvg.of("x", "a \"quoted\" <label>")).contains("aria-label=\"a &quot;quoted&quot; &lt;label&gt;\"");
    }
}
