package dev.masq.mail.submission;

import static dev.masq.testing.Messages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUTH and STARTTLS on the submission port: nothing sent in clear with STARTTLS is run inside TLS, never a prompt in clear, each mechanism announced once, malformed answers refused plainly. */
class SubmissionAuthTest {
    @TempDir
    Path dir;
    @AutoClose
    OutboundFixture f;
    AppPasswords.Issued password;

    @BeforeEach
    void setUp() throws Exception {
        f = new OutboundFixture(dir, Map.of());
        f.masq.alias("shop");
        password = f.masq.appPasswords().create(f.masq.userId, "laptop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTH LOGIN", "AUTH PLAIN", "auth login dXNlcg=="})
    void authInClearIsRefusedAtTheAuthLineWithoutAPrompt(String auth) {
        try (SmtpClient smtp = plain()) {
            assertThat(smtp.command(auth).text()).startsWith("538 5.7.11");
            // Had the server prompted, this would be read as the password; as a command it is unknown.
            assertThat(smtp.command("NOOP").code()).isEqualTo(250);
        }
    }

    @Test
    void afterStartTlsEhloAnnouncesAuthOnceInEachForm() {
        try (SmtpClient smtp = tls()) {
            List<String> features = Arrays.stream(smtp.expect(250, smtp.command("EHLO client.example")).text().split("\n"))
                    .map(line -> line.substring(4)).toList();
            assertThat(features).filteredOn(f -> f.startsWith("AUTH")).containsExactly("AUTH LOGIN PLAIN", "AUTH=LOGIN PLAIN");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "=", "not base64!", "IA=="})
    void anEmptyOrUndecodableLoginUserNameIsASyntaxError(String user) {
        try (SmtpClient smtp = tls()) {
            smtp.expect(334, smtp.command("AUTH LOGIN"));
            assertThat(smtp.command(user).text()).startsWith("501 5.5.2");
            // The session carries on: a proper login still works.
            smtp.expect(334, smtp.command("AUTH LOGIN"));
            smtp.expect(334, smtp.command(base64(OutboundFixture.INBOX)));
            smtp.expect(235, smtp.command(base64(password.password())));
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: shop@mask.test\r\nSubject: hi\r\n\r\nx\r\n")).code()).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTH LOGIN =", "AUTH PLAIN =", "AUTH PLAIN AGZvbwA="})
    void anEmptyInitialResponseIsASyntaxError(String auth) {
        try (SmtpClient smtp = tls()) {
            assertThat(smtp.command(auth).text()).startsWith("501 5.5.2");
        }
    }

    @Test
    void plainWithoutAnInitialResponsePromptsOnceTlsIsUp() {
        try (SmtpClient smtp = tls()) {
            smtp.expect(334, smtp.command("AUTH PLAIN"));
            smtp.expect(235, smtp.command(base64("\0" + OutboundFixture.INBOX + "\0" + password.password())));
        }
    }

    @Test
    void plainNamingAnotherAuthorizationIdentityIsRefused() {
        f.masq.user("other@inbox.test", false);
        try (SmtpClient smtp = tls()) {
            assertThat(smtp.command("AUTH PLAIN " + base64("other@inbox.test\0" + OutboundFixture.INBOX + "\0" + password.password())).text())
                    .startsWith("535 5.7.8");
            assertThat(smtp.command("MAIL FROM:<" + OutboundFixture.INBOX + ">").text()).startsWith("530");
            // Naming oneself is what many clients do.
            smtp.expect(235, smtp.command("AUTH PLAIN " + base64(OutboundFixture.INBOX + "\0" + OutboundFixture.INBOX + "\0" + password.password())));
        }
    }

    @Test
    void aSessionSignedInOnceCannotSignInAgain() {
        try (SmtpClient smtp = tls()) {
            String login = base64("\0" + OutboundFixture.INBOX + "\0" + password.password());
            smtp.expect(235, smtp.command("AUTH PLAIN " + login));
            assertThat(smtp.command("AUTH PLAIN " + login).text()).isEqualTo("503 5.5.1 Already authenticated");
            assertThat(smtp.command("AUTH LOGIN").text()).isEqualTo("503 5.5.1 Already authenticated");
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: shop@mask.test\r\nSubject: hi\r\n\r\nx\r\n")).code()).isEqualTo(250);
        }
    }

    /** STARTTLS command injection (CVE-2011-0411): an attacker's clear-text transaction never joins the user's. */
    @Test
    void commandsSentInClearWithStartTlsAreDroppedAndTheUsersMessageGoesOnlyWhereTheUserSentIt() {
        try (SmtpClient smtp = plain()) {
            String login = base64("\0" + OutboundFixture.INBOX + "\0" + password.password());
            smtp.write("STARTTLS\r\nEHLO evil.example\r\nAUTH PLAIN " + login + "\r\n"
                    + "MAIL FROM:<" + OutboundFixture.INBOX + ">\r\nRCPT TO:<spy@evil.example>\r\n");
            smtp.expect(220, smtp.reply());
            smtp.handshake(tls -> { });
            assertThat(smtp.expect(250, smtp.command("EHLO client.example")).text()).contains("AUTH LOGIN PLAIN");
            smtp.expect(235, smtp.command("AUTH PLAIN " + login));
            assertThat(smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"),
                    bytes("From: shop@mask.test\r\nTo: sales@shop.example\r\nSubject: private\r\n\r\nHello.\r\n")).code())
                    .isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("sales@shop.example");
    }

    private SmtpClient plain() {
        SmtpClient smtp = SmtpClient.connect(f.masq.submissionPort());
        smtp.expect(220, smtp.reply());
        smtp.expect(250, smtp.command("EHLO client.example"));
        return smtp;
    }

    private SmtpClient tls() {
        SmtpClient smtp = plain();
        smtp.startTls();
        return smtp;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
