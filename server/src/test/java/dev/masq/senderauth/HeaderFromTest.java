package dev.masq.senderauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderFromTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstFromOfTheHeaderCountsFoldedAndInAnyCase() {
        assertThat(HeaderFrom.domain(bytes("Subject: hi\r\nFROM :\r\n \"Billing, OpenAI\"\r\n\t<billing@Mail.OpenAI.com>\r\n"
                + "From: second@other.example\r\n\r\nbody\r\n"))).contains("mail.openai.com");
        assertThat(HeaderFrom.domain(bytes("Fromage: cheese@dairy.example\r\nfrom: a@vendor.example\r\n\r\n"))).contains("vendor.example");
    }

    @Test
    void aFromInTheBodyOrNoneAtAllIsNoAuthor() {
        assertThat(HeaderFrom.domain(bytes("Subject: hi\r\n\r\nFrom: someone@body.example\r\n"))).isEmpty();
        assertThat(HeaderFrom.domain(bytes("Subject: hi\nTo: x@y.example\n\nFrom: a@b.example\n"))).isEmpty();
        assertThat(HeaderFrom.domain(bytes("From: undisclosed-recipients:;\r\n\r\n"))).isEmpty();
    }

    @Test
    void rawUtf8IsReadAsUtf8AndAnInternationalDomainComesOutWholeInItsALabelForm() {
        assertThat(HeaderFrom.domain(bytes("From: Société Générale <noreply@societegenerale.fr>\r\n\r\n"))).contains("societegenerale.fr");
        assertThat(HeaderFrom.domain(bytes("From: Zoë Ëë <x@plainname.com>\r\n\r\n"))).contains("plainname.com");
        assertThat(HeaderFrom.domain(bytes("From: x@mañana.com\r\n\r\n"))).contains("xn--maana-pta.com");
    }
}
