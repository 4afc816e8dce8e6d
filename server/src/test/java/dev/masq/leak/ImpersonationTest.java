package dev.masq.leak;

import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.Messages;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Impersonation the domain checks miss, over the real SMTP port: a display name that calls itself the vendor,
 * vendor mail whose replies go to a lookalike, and links that lie about where they lead, listed in the warning
 * header and in a block at the top of both the plain and the HTML part.
 */
class ImpersonationTest {
    @TempDir
    Path dir;
    @AutoClose
    DownstreamSmtpServer inbox;
    @AutoClose
    TestMasq masq;

    @BeforeEach
    void setUp() throws Exception {
        inbox = DownstreamSmtpServer.start();
        masq = TestMasq.forwardingTo(dir, inbox);
        masq.alias("chatgpt", "OpenAI", "https://openai.com");
    }

    @Test
    void aDisplayNameThatCallsItselfTheVendorFromAnotherDomainIsALookalike() {
        send("alerts@random-xyz.com", TestMail.message("\"OpenAI Billing\" <alerts@random-xyz.com>", "Card declined", "x"));
        send("alerts@random-xyz.com", TestMail.message("0penAI <alerts@random-xyz.com>", "Confusable name", "x"));
        send("news@deals-daily.com", TestMail.message("Deals Daily <news@deals-daily.com>", "Plain foreign", "x"));
        byte[] copy = copyWith("Card declined");
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("lookalike");
        assertThat(values(copy, "X-Masq-Warning")).containsExactly("calls itself OpenAI but comes from random-xyz.com");
        assertThat(values(copy, "Subject")).containsExactly("[masq: suspicious sender] Card declined");
        assertThat(values(copyWith("Confusable name"), "X-Masq-Verdict")).containsExactly("lookalike");
        assertThat(values(copyWith("Plain foreign"), "X-Masq-Verdict")).containsExactly("foreign");
    }

    @Test
    void vendorMailWhoseRepliesGoToALookalikeIsFlagged() {
        byte[] message = Messages.bytes("From: OpenAI <billing@openai.com>\r\nReply-To: <help@openai-support.com>\r\n"
                + "To: chatgpt@mask.test\r\nSubject: Reply to us\r\n\r\nreply please\r\n");
        send("billing@openai.com", message);
        send("billing@openai.com", TestMail.message("OpenAI <billing@openai.com>", "Genuine", "x"));
        byte[] copy = copyWith("Reply to us");
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("lookalike");
        assertThat(values(copy, "X-Masq-Warning")).singleElement().asString()
                .contains("replies go to openai-support.com").contains("imitates openai.com");
        assertThat(values(copyWith("Genuine"), "X-Masq-Verdict")).containsExactly("expected");
    }

    @Test
    void lyingLinksAreListedInTheWarningHeaderAndAtTheTopOfThePlainAndHtmlParts() throws Exception {
        String html = "<html><head><title>x</title></head><body class=3D\"main\"><p>Your card was declined.</p>=\r\n"
                + "<a href=3D\"https://evil.example/login\">https://openai.com/billing</a> <a href=3D\"https://openai.com/=\r\n"
                + "help\">help</a> <a href=3D\"https://0penai.com/\">log in</a></body></html>\r\n";
        String plain = "Your card was declined. Pay at https://openai.com.pay-now.net/card or https://openai.com/help\r\n";
        byte[] message = Messages.bytes("From: OpenAI <billing@openai-billing.com>\r\nTo: chatgpt@mask.test\r\n"
                + "Subject: Declined\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "preamble\r\n--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + plain
                + "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + html + "--b1--\r\n");
        send("billing@openai-billing.com", message);
        byte[] copy = copyWith("Declined");
        assertThat(values(copy, "X-Masq-Warning")).singleElement().asString()
                .contains("claims to be openai.com but was sent from openai-billing.com")
                .contains("a link showing openai.com leads to evil.example")
                .contains("a link showing openai.com leads to pay-now.net")
                .contains("a link leads to 0penai.com, which imitates openai.com");

        List<String> parts = textParts(copy);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("masq warning: claims to be openai.com")
                .contains("- a link showing openai.com leads to evil.example")
                .endsWith(plain.strip());
        assertThat(parts.get(1)).startsWith("<html><head><title>x</title></head><body class=\"main\"><div")
                .contains("a link showing openai.com leads to evil.example")
                .contains("</div>\r\n<p>Your card was declined.</p>")
                .contains("<a href=\"https://openai.com/help\">help</a>");
    }

    @Test
    void aBase64HtmlPartGetsTheWarningReEncoded() throws Exception {
        String html = "<html><body><p>Verify now</p><a href=\"https://evil.example/\">openai.com/verify</a></body></html>";
        byte[] message = Messages.bytes("From: OpenAI <alerts@random-xyz.com>\r\nTo: chatgpt@mask.test\r\nSubject: Encoded html\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\r\n");
        send("alerts@random-xyz.com", message);
        byte[] copy = copyWith("Encoded html");
        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(copy));
        String text = read((TextBody) parsed.getBody());
        assertThat(text).startsWith("<html><body><div").contains("calls itself OpenAI but comes from random-xyz.com")
                .contains("a link showing openai.com leads to evil.example").endsWith("<p>Verify now</p><a href=\"https://evil.example/\">openai.com/verify</a></body></html>");
    }

    @Test
    void aHugeHostileHtmlBodyIsForwardedWithItsWarning() {
        String junk = "<a href=\"https://x".repeat(200_000);
        byte[] message = Messages.bytes("From: OpenAI <alerts@random-xyz.com>\r\nTo: chatgpt@mask.test\r\nSubject: Hostile\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<body>" + junk.replace("x<", "x\r\n<")
                + "\r\n");
        send("alerts@random-xyz.com", message);
        byte[] copy = copyWith("Hostile");
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("lookalike");
        assertThat(Messages.text(Messages.body(copy))).startsWith("<body><div");
    }

    @Test
    void theVendorsOwnMailIsForwardedUntouched() {
        byte[] original = Messages.bytes("From: OpenAI <billing@openai.com>\r\nTo: chatgpt@mask.test\r\nSubject: Receipt\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<body><a href=\"https://evil.example/\">https://openai.com/</a></body>\r\n");
        send("billing@openai.com", original);
        byte[] copy = copyWith("Receipt");
        assertThat(values(copy, "X-Masq-Verdict")).containsExactly("expected");
        assertThat(Messages.body(copy)).isEqualTo(Messages.body(original));
    }

    private static List<String> textParts(byte[] copy) throws IOException {
        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(copy));
        List<String> out = new ArrayList<>();
        for (Entity part : ((Multipart) parsed.getBody()).getBodyParts()) {
            out.add(read((TextBody) part.getBody()));
        }
        return out;
    }

    private static String read(TextBody body) throws IOException {
        try (Reader r = body.getReader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    private void send(String envelopeSender, byte[] message) {
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send(envelopeSender, List.of("chatgpt@mask.test"), message).code()).isEqualTo(250);
        }
    }

    private byte[] copyWith(String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().stream()
                .anyMatch(r -> values(r.content(), "Subject").getFirst().endsWith(subject)));
        return inbox.received().stream().map(DownstreamSmtpServer.Received::content)
                .filter(c -> values(c, "Subject").getFirst().endsWith(subject)).findFirst().orElseThrow();
    }

}
