package dev.masq.mail;

import static dev.masq.testing.Messages.body;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.alias.Alias;
import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.Messages;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * International mail (RFC 6531, RFC 6532) and 8-bit mail (RFC 6152) over SMTP: taken in with UTF-8
 * addresses, handed on with the parameters it needs to a next hop that offers them, and converted
 * without loss for one that does not.
 */
class InternationalMailTest {
    static final String SENDER = "j\u00f6s\u00e9@ex\u00e4mple.org";
    static final String SENDER_A_LABEL = "j\u00f6s\u00e9@xn--exmple-cua.org";
    static final String SUBJECT = "Gr\u00fc\u00dfe aus K\u00f6ln";
    static final String TEXT = "Caf\u00e9 \u2014 8-bit body, untouched\r\n";

    @TempDir
    Path dir;
    @AutoClose
    OutboundFixture f;
    Alias shop;

    @BeforeEach
    void setUp() throws Exception {
        f = new OutboundFixture(dir);
        shop = f.masq.alias("shop");
    }

    @Test
    void bothPortsOfferSmtputf8And8bitmime() {
        for (int port : new int[] {f.masq.smtpPort(), f.masq.submissionPort()}) {
            try (SmtpClient smtp = SmtpClient.connect(port)) {
                smtp.expect(220, smtp.reply());
                assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text()).contains("SMTPUTF8").contains("8BITMIME");
            }
        }
    }

    @Test
    void smtputf8IsRefusedAfterHeloWhereNoExtensionWasOffered() {
        for (int port : new int[] {f.masq.smtpPort(), f.masq.submissionPort()}) {
            try (SmtpClient smtp = SmtpClient.connect(port)) {
                smtp.expect(220, smtp.reply());
                smtp.expect(250, smtp.command("HELO client.example"));
                assertThat(command(smtp, "MAIL FROM:<" + SENDER + "> SMTPUTF8").text()).startsWith("555 5.5.4");
                assertThat(command(smtp, "MAIL FROM:<jane@vendor.test> SMTPUTF8").text()).startsWith("555 5.5.4");
            }
        }
    }

    @Test
    void aUtf8SenderIsTakenAndTheCopyGoesOnWithSmtputf8AndItsBytesUnchanged() throws Exception {
        f.downstream.offer("SMTPUTF8");
        byte[] message = utf8("From: J\u00f6s\u00e9 <" + SENDER + ">\r\nTo: Shop <shop@mask.test>\r\nSubject: " + SUBJECT
                + "\r\nMessage-ID: <intl-1@ex\u00e4mple.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + TEXT);
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(command(smtp, "MAIL FROM:<" + SENDER + "> SMTPUTF8 BODY=8BITMIME").text())
                    .as("no '?' for what James cannot write").isEqualTo("250 2.1.0 Sender OK");
            assertThat(command(smtp, "RCPT TO:<j\u00f6s\u00e9@mask.test>").text()).as("no such alias").startsWith("550 5.1.1");
            assertThat(command(smtp, "RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
            assertThat(smtp.data(message).code()).isEqualTo(250);
        }

        Received copy = f.awaitReceived(1).getFirst();
        assertThat(f.downstream.mailCommands().getLast()).contains(" SMTPUTF8").contains(" BODY=8BITMIME");
        assertThat(text(copy.content())).contains("\r\nSubject: " + SUBJECT + "\r\n").contains("\r\nTo: Shop <shop@mask.test>\r\n")
                .contains("\r\nMessage-ID: <intl-1@ex\u00e4mple.org>\r\n");
        assertThat(body(copy.content())).isEqualTo(utf8(TEXT));
        assertThat(values(copy.content(), "From").getFirst()).contains("@mask.test>").doesNotContain(SENDER);
        // The sender is a contact like any other: the copy comes from its reverse alias, and an answer reaches it.
        String reverse = Messages.addresses(values(copy.content(), "Reply-To").getFirst())[0].getAddress();
        assertThat(f.masq.contacts().list(f.masq.userId, shop.id())).singleElement()
                .satisfies(c -> assertThat(c.address()).isEqualTo(SENDER_A_LABEL))
                .satisfies(c -> assertThat(c.reverseAlias()).isEqualTo(reverse));
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(smtp.send(OutboundFixture.INBOX, List.of(reverse), f.signedByInbox(utf8("From: person@inbox.test\r\n"
                    + "To: <" + reverse + ">\r\nSubject: Re: " + SUBJECT + "\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\n"
                    + "Message-ID: <r1@inbox.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDanke!\r\n"))).code()).isEqualTo(250);
        }
        Received answer = f.awaitReceived(2).get(1);
        assertThat(answer.recipients()).containsExactly(SENDER_A_LABEL);
        assertThat(f.downstream.mailCommands().getLast()).contains(" SMTPUTF8");
        assertThat(text(answer.content())).contains("\r\nTo: <" + SENDER_A_LABEL + ">\r\n").startsWith("From: <shop@mask.test>\r\n");
    }

    @Test
    void aHopWithout8bitmimeAndSmtputf8GetsQuotedPrintableAndEncodedWordsThatDecodeToTheSameText() throws Exception {
        f.downstream.withdraw("8BITMIME");
        byte[] message = utf8("From: Jane <jane@vendor.test>\r\nTo: J\u00f6rg <shop@mask.test>\r\nSubject: " + SUBJECT
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + TEXT
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b1--\r\n");
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(smtp.send("jane@vendor.test", List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }

        Received copy = f.awaitReceived(1).getFirst();
        assertThat(f.downstream.mailCommands().getLast()).doesNotContain("SMTPUTF8").doesNotContain("BODY=");
        assertThat(new String(copy.content(), StandardCharsets.ISO_8859_1)).as("7-bit only").matches("\\p{ASCII}*");
        assertThat(MimeUtility.decodeText(values(copy.content(), "Subject").getFirst())).isEqualTo(SUBJECT);
        assertThat(MimeUtility.decodeText(values(copy.content(), "To").getFirst())).isEqualTo("J\u00f6rg <shop@mask.test>");
        // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1).
        assertThat(OutboundFixture.decodedTexts(copy.content())).containsExactly(TEXT.substring(0, TEXT.length() - 2));
        assertThat(text(copy.content())).contains("Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b1--\r\n");
    }

    /** Outlook's Thread-Topic, a list's name, a file's name: each has an ASCII form, and none may cost the owner the mail. */
    @Test
    void aHopWithoutSmtputf8GetsTextFieldsAndFileNamesInAsciiFormsThatDecodeToTheSameText() throws Exception {
        byte[] message = utf8("From: Jane <jane@vendor.test>\r\nTo: shop@mask.test\r\nSubject: " + SUBJECT
                + "\r\nThread-Topic: " + SUBJECT + "\r\nOrganization: Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\r\n"
                + "List-Id: Liste f\u00fcr \u00c4rzte <aerzte.list.test>\r\nKeywords: caf\u00e9\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: application/pdf; name=\"r\u00e9sum\u00e9 1.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"r\u00e9sum\u00e9 1.pdf\"; size=5\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n");
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(smtp.send("jane@vendor.test", List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }

        Received copy = f.awaitReceived(1).getFirst();
        assertThat(copy.recipients()).containsExactly(OutboundFixture.INBOX);
        assertThat(f.downstream.mailCommands().getLast()).doesNotContain("SMTPUTF8");
        assertThat(new String(copy.content(), StandardCharsets.ISO_8859_1)).as("7-bit only").matches("\\p{ASCII}*");
        assertThat(MimeUtility.decodeText(values(copy.content(), "Thread-Topic").getFirst())).isEqualTo(SUBJECT);
        assertThat(MimeUtility.decodeText(values(copy.content(), "Organization").getFirst()))
                .isEqualTo("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale");
        assertThat(values(copy.content(), "List-Id").getFirst()).endsWith("?= <aerzte.list.test>");
        assertThat(MimeUtility.decodeText(values(copy.content(), "List-Id").getFirst()))
                .isEqualTo("Liste f\u00fcr \u00c4rzte <aerzte.list.test>");
        assertThat(MimeUtility.decodeText(values(copy.content(), "Keywords").getFirst())).isEqualTo("caf\u00e9");
        assertThat(values(copy.content(), "Content-Type"))
                .containsExactly("application/pdf; name*=utf-8''r%C3%A9sum%C3%A9%201.pdf");
        assertThat(values(copy.content(), "Content-Disposition"))
                .containsExactly("attachment; filename*=utf-8''r%C3%A9sum%C3%A9%201.pdf; size=5");
        assertThat(text(body(copy.content()))).isEqualTo("JVBERi0=\r\n");
    }

    /** No field to the rewriter, so no field to the hop either: body text, which 8BITMIME carries. */
    @Test
    void aHeaderLineThatIsNoFieldWithUtf8InItGoesToAHopWithoutSmtputf8AsTheBodyItIs() throws Exception {
        byte[] message = utf8("From: Jane <jane@vendor.test>\r\nTo: shop@mask.test\r\nSubject: hi\r\n"
                + "S\u00fcbject: no field\r\n\r\nHello.\r\n");
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(smtp.send("jane@vendor.test", List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }

        Received copy = f.awaitReceived(1).getFirst();
        assertThat(copy.recipients()).containsExactly(OutboundFixture.INBOX);
        assertThat(values(copy.content(), "Subject")).containsExactly("hi");
        assertThat(text(body(copy.content()))).isEqualTo("S\u00fcbject: no field\r\n\r\nHello.\r\n");
    }

    private static SmtpClient.Reply command(SmtpClient smtp, String line) {
        smtp.write(utf8(line + "\r\n"));
        return smtp.reply();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

}
