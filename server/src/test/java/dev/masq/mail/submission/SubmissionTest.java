package dev.masq.mail.submission;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.NewAlias;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.Messages;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sending as an alias from a mail client: STARTTLS or implicit TLS, AUTH with an app password, any recipient. */
class SubmissionTest {
    @TempDir
    Path dir;
    @AutoClose
    OutboundFixture f;
    Alias shop;
    AppPasswords.Issued password;

    @BeforeEach
    void setUp() throws Exception {
        f = new OutboundFixture(dir, Map.of("MASQ_SUBMISSIONS_PORT", "0"));
        shop = f.masq.alias("shop");
        password = f.masq.appPasswords().create(f.masq.userId, "laptop");
    }

    @Test
    void anAppPasswordSendsAsTheAliasToAnyoneAndAnswersComeBackThroughAReverseAlias() {
        assertThat(password.username()).isEqualTo(OutboundFixture.INBOX);
        try (SmtpClient smtp = signedIn(password.password())) {
            SmtpClient.Reply reply = smtp.send(OutboundFixture.INBOX, List.of("Sales@Shop.Example"), bytes(
                    "From: Me <shop@mask.test>\r\nTo: sales@shop.example\r\nSubject: hello\r\n\r\n"
                            + "Hi, write back to person@inbox.test or here.\r\n"));
            assertThat(reply.code()).isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("sales@shop.example");
        assertThat(values(out.content(), "From")).containsExactly("Me <shop@mask.test>");
        assertThat(out.text().toLowerCase(Locale.ROOT)).doesNotContain("inbox.test").contains("write back to shop@mask.test");
        List<Contact> contacts = f.masq.contacts().list(f.masq.userId, shop.id());
        assertThat(contacts).extracting(Contact::address).containsExactly("sales@shop.example");
        assertThat(f.masq.reload(shop).sent()).isEqualTo(1);
    }

    @Test
    void aMultipartMessageGoesOnWithTheClientsBodyBytesAndNameAndWithoutItsSoftwareHeaders() {
        String body = "\r\nThis is a multi-part message in MIME format.\r\n"
                + "--------------b7Xq\r\nContent-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nHello Sales,\r\n\r\nthe order is ready.\r\n\r\n"
                + "--------------b7Xq\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "<!DOCTYPE html>\r\n<html><body><p>Hello Sales,</p><p>the order is ready.</p></body></html>\r\n\r\n"
                + "--------------b7Xq--\r\n";
        String message = "Message-ID: <8d1c@mask.test>\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "User-Agent: Mozilla Thunderbird\r\nX-Mailer: Apple Mail (2.3826)\r\n"
                + "From: =?UTF-8?Q?Zo=C3=A9_Shopper?= <shop@mask.test>\r\nTo: sales@shop.example\r\nSubject: order\r\n"
                + "Content-Type: multipart/alternative;\r\n boundary=\"------------b7Xq\"\r\n" + body;
        try (SmtpClient smtp = signedIn(password.password())) {
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"), message.getBytes(StandardCharsets.UTF_8))
                    .code()).isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(Messages.body(out.content())).isEqualTo(Messages.body(message.getBytes(StandardCharsets.UTF_8)));
        assertThat(addresses(values(out.content(), "From").getFirst())[0].getPersonal()).isEqualTo("Zo\u00e9 Shopper");
        assertThat(values(out.content(), "User-Agent")).isEmpty();
        assertThat(values(out.content(), "X-Mailer")).isEmpty();
        assertThat(values(out.content(), "Content-Type")).containsExactly("multipart/alternative; boundary=\"------------b7Xq\"");
    }

    @Test
    void theAliasDisplayNameWinsOverTheOneTheClientSet() {
        f.masq.aliases().update(f.masq.userId, shop.id(), new AliasPatch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("Shop Desk")));
        try (SmtpClient smtp = signedIn(password.password())) {
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: Me <shop@mask.test>\r\nTo: sales@shop.example\r\nSubject: hi\r\n\r\nx\r\n")).code())
                    .isEqualTo(250);
        }
        assertThat(values(f.awaitReceived(1).getFirst().content(), "From")).containsExactly("Shop Desk <shop@mask.test>");
    }

    @Test
    void implicitTlsFromTheFirstByteSignsInWithAnAppPasswordAndSendsAsTheAlias() {
        try (SmtpClient smtp = SmtpClient.connectTls(f.masq.submissionsPort())) {
            smtp.expect(220, smtp.reply());
            assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text())
                    .contains("AUTH LOGIN PLAIN").doesNotContain("STARTTLS");
            smtp.expect(235, smtp.command("AUTH PLAIN " + plain(password.password())));
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: shop@mask.test\r\nTo: sales@shop.example\r\nSubject: over TLS\r\n\r\nHello.\r\n")).code())
                    .isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("sales@shop.example");
        assertThat(values(out.content(), "From")).containsExactly("<shop@mask.test>");
        assertThat(values(out.content(), "Subject")).containsExactly("over TLS");
    }

    @Test
    void authBeforeStartTlsIsRefusedAndNotEvenOffered() {
        try (SmtpClient smtp = SmtpClient.connect(f.masq.submissionPort())) {
            smtp.expect(220, smtp.reply());
            SmtpClient.Reply ehlo = smtp.expect(250, smtp.command("EHLO client.example"));
            assertThat(ehlo.text()).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(smtp.command("AUTH PLAIN " + plain(password.password())).text()).startsWith("538 5.7.11");
            assertThat(smtp.command("MAIL FROM:<" + OutboundFixture.INBOX + ">").text()).startsWith("530 5.7.0");
        }
    }

    @Test
    void theInboundPortOffersNoAuthAndRelaysNothingEvenOverTls() {
        try (SmtpClient smtp = f.masq.open()) {
            assertThat(smtp.command("EHLO again.example").text()).doesNotContain("AUTH").contains("STARTTLS");
            assertThat(smtp.command("AUTH PLAIN " + plain(password.password())).code()).isNotEqualTo(235);
            smtp.startTls();
            assertThat(smtp.command("EHLO again.example").text()).doesNotContain("AUTH").doesNotContain("STARTTLS");
            assertThat(smtp.command("AUTH PLAIN " + plain(password.password())).code()).isNotEqualTo(235);
            smtp.expect(250, smtp.command("MAIL FROM:<" + OutboundFixture.INBOX + ">"));
            assertThat(smtp.command("RCPT TO:<sales@shop.example>").text()).startsWith("550 5.7.1");
            smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
            assertThat(smtp.data(bytes("Subject: over TLS\r\n\r\nhello\r\n")).code())
                    .isEqualTo(250);
        }
    }

    @Test
    void aRevokedAppPasswordNoLongerSignsIn() {
        f.masq.appPasswords().revoke(f.masq.userId, password.id());
        try (SmtpClient smtp = tls()) {
            assertThat(smtp.command("AUTH PLAIN " + plain(password.password())).text()).startsWith("535 5.7.8");
        }
    }

    @Test
    void repeatedFailuresLockTheUserOutEvenWithTheRightPassword() {
        try (SmtpClient smtp = tls()) {
            for (int i = 0; i < 5; i++) {
                assertThat(smtp.command("AUTH PLAIN " + plain("wrong-" + i)).code()).isEqualTo(535);
            }
            assertThat(smtp.command("AUTH PLAIN " + plain(password.password())).text()).startsWith("454 4.7.0");
        }
    }

    @Test
    void sendingAsSomeoneElsesAliasIsRefused() {
        String other = f.masq.accounts().addUser("other@inbox.test", false).id();
        f.masq.aliases().create(other, new NewAlias(NewAlias.AddressMode.CUSTOM, "theirs", null, null, null, null));
        try (SmtpClient smtp = signedIn(password.password())) {
            SmtpClient.Reply reply = smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: theirs@mask.test\r\nSubject: hi\r\n\r\nx\r\n"));
            assertThat(reply.text()).startsWith("550 5.7.1");
        }
        assertThat(f.masq.queueSize()).isZero();
    }

    private SmtpClient tls() {
        SmtpClient smtp = SmtpClient.connect(f.masq.submissionPort());
        smtp.expect(220, smtp.reply());
        smtp.expect(250, smtp.command("EHLO client.example"));
        smtp.startTls();
        assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text()).contains("AUTH LOGIN PLAIN");
        return smtp;
    }

    private SmtpClient signedIn(String secret) {
        SmtpClient smtp = tls();
        smtp.expect(235, smtp.command("AUTH PLAIN " + plain(secret)));
        return smtp;
    }

    private static String plain(String secret) {
        return Base64.getEncoder().encodeToString(("\0" + OutboundFixture.INBOX + "\0" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
