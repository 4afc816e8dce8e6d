package dev.masq.leak;

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
}
