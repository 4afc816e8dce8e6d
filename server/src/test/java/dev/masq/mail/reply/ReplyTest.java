package dev.masq.mail.reply;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.mail.forward.Contact;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.Messages;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner answers through reverse aliases over the inbound port; forgeries are refused. */
class ReplyTest {
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

    /** Address fields in raw UTF-8 (RFC 6532), as every modern mail client sends them. */
    @Test
    void theOwnerWithAnAccentedNameIsStillTheOwnerAndTheContactKeepsTheirName() {
        Contact jane = f.contact(shop, "jane@vendor.test");
        byte[] reply = ("From: Zoë Ëlan <person@inbox.test>\r\nTo: Jäne Doé <" + jane.reverseAlias() + ">\r\n"
                + "Subject: Re: order\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\nMessage-ID: <u1@inbox.test>\r\n\r\nMerci.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try (SmtpClient smtp = SmtpClient.open(f.masq.smtpPort())) {
            assertThat(smtp.send("person@inbox.test", List.of(jane.reverseAlias()), reply).code()).isEqualTo(250);
        }
        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("jane@vendor.test");
        assertThat(addresses(values(out.content(), "To").getFirst())[0].getPersonal()).isEqualTo("Jäne Doé");
        assertThat(addresses(values(out.content(), "To").getFirst())[0].getAddress()).isEqualTo("jane@vendor.test");
    }

    @Test
    void aReplyFromTheInboxReachesTheContactFromTheAliasWithNothingOfTheInboxLeft() throws Exception {
        send("127.0.0.1", "jane@vendor.test", List.of("shop@mask.test"), bytes("From: Jane Doe <jane@vendor.test>\r\n"
                + "To: shop@mask.test\r\nSubject: Your order\r\nMessage-ID: <order-1@vendor.test>\r\n\r\nShipped.\r\n"));
        Received forwarded = f.awaitReceived(1).getFirst();
        assertThat(forwarded.recipients()).containsExactly(OutboundFixture.INBOX);
        String reverse = addresses(values(forwarded.content(), "Reply-To").getFirst())[0].getAddress();

        String html = "<p>Thanks! Write to <a href=\"mailto:Person@Inbox.Test\">me</a>.</p>"
                + "<blockquote>Jane Doe - jane at vendor.test &lt;" + reverse + "&gt; wrote: Shipped.</blockquote>";
        String reply = "Received: from laptop ([10.1.2.3]) by smtp.inbox.test; Mon, 12 Jan 2026 08:30:00 +0000\r\n"
                + "From: Person Real <person@inbox.test>\r\n"
                + "Sender: person@inbox.test\r\n"
                + "Reply-To: person@inbox.test\r\n"
                + "Return-Path: <person@inbox.test>\r\n"
                + "X-Originating-IP: [10.1.2.3]\r\n"
                + "To: \"Jane Doe - jane at vendor.test\" <" + reverse + ">\r\n"
                + "Subject: Re: Your order\r\n"
                + "Date: Mon, 12 Jan 2026 08:31:00 +0000\r\n"
                + "Message-ID: <reply-1@inbox.test>\r\n"
                + "In-Reply-To: <order-1@vendor.test>\r\n"
                + "References: <order-1@vendor.test>\r\n"
                + "List-Unsubscribe: <mailto:person@inbox.test?subject=unsubscribe>\r\n"
                + "User-Agent: TestMail 1.0\r\n"
                + "X-Mailer: TestMail for Windows 1.0\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Thanks! Reach me at PERSON@inbox.test =E2=80=94 caf=C3=A9.\r\n\r\n"
                + "On Mon, Jane Doe - jane at vendor.test <" + reverse + "> wrote:\r\n> Shipped.\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--b1--\r\n";
        assertThat(send("127.0.0.1", "person@inbox.test", List.of(reverse), bytes(reply)).code()).isEqualTo(250);

        Received out = f.awaitReceived(2).get(1);
        assertThat(out.recipients()).containsExactly("jane@vendor.test");
        assertThat(out.mailFrom()).isEqualTo(f.masq.verp().address(shop.id(), "mask.test"));
        String raw = out.text().toLowerCase(Locale.ROOT);
        assertThat(raw).doesNotContain("inbox.test").doesNotContain("10.1.2.3").doesNotContain("reply+");
        assertThat(values(out.content(), "From")).containsExactly("<shop@mask.test>");
        assertThat(values(out.content(), "To")).containsExactly("Jane Doe <jane@vendor.test>");
        assertThat(values(out.content(), "Sender")).isEmpty();
        assertThat(values(out.content(), "Reply-To")).isEmpty();
        assertThat(values(out.content(), "Received")).isEmpty();
        assertThat(values(out.content(), "Message-ID")).singleElement().asString().endsWith("@mask.test>");
        assertThat(values(out.content(), "In-Reply-To")).containsExactly("<order-1@vendor.test>");
        assertThat(values(out.content(), "List-Unsubscribe")).containsExactly("<mailto:shop@mask.test?subject=unsubscribe>");
        assertThat(values(out.content(), "User-Agent")).isEmpty();
        assertThat(values(out.content(), "X-Mailer")).isEmpty();
        List<String> texts = OutboundFixture.decodedTexts(out.content());
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("Reach me at shop@mask.test \u2014 caf\u00e9.")
                .contains("jane at vendor.test <jane@vendor.test> wrote:");
        assertThat(texts.get(1)).contains("mailto:shop@mask.test").contains("&lt;jane@vendor.test&gt;");
        texts.forEach(t -> assertThat(t.toLowerCase(Locale.ROOT)).doesNotContain("inbox.test").doesNotContain("reply+"));

        assertThat(f.masq.reload(shop).replied()).isEqualTo(1);
        assertThat(f.masq.events(shop)).extracting(AliasEvent::kind).contains("replied");
    }

    @Test
    void aReplyWithNothingOfTheInboxInItsBodyGoesOnWithTheBodyBytesTheClientWrote() throws Exception {
        Contact jane = f.contact(shop, "jane@vendor.test");
        String body = "\r\n--b2\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee you then.\r\n\r\n"
                + "--b2\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>See you then.</p>\r\n\r\n--b2--\r\n";
        byte[] reply = bytes("From: person@inbox.test\r\nTo: <" + jane.reverseAlias() + ">\r\nSubject: Re: then\r\n"
                + "X-Mailer: TestMail 2.0\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b2\r\n" + body);
        assertThat(send("127.0.0.1", "person@inbox.test", List.of(jane.reverseAlias()), reply).code()).isEqualTo(250);

        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.recipients()).containsExactly("jane@vendor.test");
        assertThat(Messages.body(out.content())).isEqualTo(Messages.body(reply));
        assertThat(values(out.content(), "X-Mailer")).isEmpty();
    }

    @Test
    void aLineThatIsNoHeaderFieldDoesNotLetTheTraceFieldsAfterItThrough() {
        Contact jane = f.contact(shop, "jane@vendor.test");
        byte[] reply = bytes("From: person@inbox.test\r\nTo: <" + jane.reverseAlias() + ">\r\nSubject: Re: x\r\n"
                + "this line is no header field\r\nReceived: from laptop ([10.1.2.3]) by smtp.inbox.test\r\n"
                + "X-Originating-IP: [10.1.2.3]\r\n\r\nHello.\r\n");
        assertThat(send("127.0.0.1", "person@inbox.test", List.of(jane.reverseAlias()), reply).code()).isEqualTo(250);

        Received out = f.awaitReceived(1).getFirst();
        assertThat(out.text()).doesNotContain("10.1.2.3").doesNotContain("inbox.test").endsWith("\r\n\r\nHello.\r\n");
        assertThat(values(out.content(), "Subject")).containsExactly("Re: x");
    }

    /** The author is read where the rewriter reads the header: a From it would send on as body text is no author. */
    @Test
    void aFromAfterALineThatIsNoHeaderFieldIsNoAuthorAndTheInboxNeverReachesTheContact() {
        Contact jane = f.contact(shop, "jane@vendor.test");
        byte[] reply = bytes("To: <" + jane.reverseAlias() + ">\r\nSubject: Re: x\r\nthis line is no header field\r\n"
                + "From: Person Real <person@inbox.test>\r\n\r\nHello.\r\n");
        assertThat(send("127.0.0.1", "person@inbox.test", List.of(jane.reverseAlias()), reply).code()).isEqualTo(250);

        Received notice = f.awaitReceived(1).getFirst();
        assertThat(notice.recipients()).containsExactly("person@inbox.test");
        assertThat(f.downstream.received()).noneMatch(r -> r.recipients().contains("jane@vendor.test"));
        assertThat(f.masq.events(shop)).extracting(AliasEvent::kind).contains("forged_reply");
    }

    @Test
    void replyAllReachesEveryContactWithTheirRealAddressesAndDkimAlone() throws Exception {
        Contact jane = f.contact(shop, "jane@vendor.test");
        Contact bob = f.contact(shop, "bob@partner.test");
        byte[] reply = f.signedByInbox(bytes("From: person@inbox.test\r\nTo: <" + jane.reverseAlias() + ">\r\n"
                + "Cc: Bob <" + bob.reverseAlias() + ">\r\nSubject: Re: both\r\nDate: Mon, 12 Jan 2026 08:31:00 +0000\r\n"
                + "Message-ID: <r2@inbox.test>\r\n\r\nHello both.\r\n"));
        // 127.0.0.3 is not in inbox.test's SPF record: only the DKIM signature can pass DMARC.
        assertThat(send("127.0.0.3", "person@inbox.test", List.of(jane.reverseAlias(), bob.reverseAlias()), reply).code())
                .isEqualTo(250);

        List<Received> out = f.awaitReceived(2);
        assertThat(out).flatExtracting(Received::recipients).containsExactlyInAnyOrder("jane@vendor.test", "bob@partner.test");
        for (Received r : out) {
            assertThat(values(r.content(), "To")).containsExactly("<jane@vendor.test>");
            assertThat(values(r.content(), "Cc")).containsExactly("Bob <bob@partner.test>");
            assertThat(r.text().toLowerCase(Locale.ROOT)).doesNotContain("inbox.test").doesNotContain("reply+");
        }
    }

    @Test
    void copiedContactsGetReverseAliasesWhenForwardedSoReplyAllStaysMasked() {
        send("127.0.0.1", "jane@vendor.test", List.of("shop@mask.test"), bytes("From: jane@vendor.test\r\n"
                + "To: shop@mask.test\r\nCc: Bob <bob@partner.test>, shop@mask.test\r\nSubject: hi\r\n\r\nx\r\n"));
        Received forwarded = f.awaitReceived(1).getFirst();
        var cc = addresses(values(forwarded.content(), "Cc").getFirst());
        assertThat(cc).hasSize(2);
        assertThat(cc[0].getAddress()).matches("reply\\+[a-z2-7]{20}@mask\\.test");
        assertThat(cc[0].getPersonal()).isEqualTo("Bob - bob at partner.test");
        assertThat(cc[1].getAddress()).isEqualTo("shop@mask.test");
        assertThat(f.masq.contacts().list(f.masq.userId, shop.id())).extracting(Contact::address)
                .containsExactlyInAnyOrder("jane@vendor.test", "bob@partner.test");
    }

    @Test
    void aForgedReplyIsNotRelayedAndTheOwnerIsToldOncePerWindow() throws Exception {
        Contact jane = f.contact(shop, "jane@vendor.test");
        byte[] forged = bytes("From: person@inbox.test\r\nTo: <" + jane.reverseAlias() + ">\r\nSubject: pay this\r\n\r\nforged\r\n");
        // Right envelope sender and From, but from an address SPF does not list and without a signature.
        assertThat(send("127.0.0.2", "person@inbox.test", List.of(jane.reverseAlias()), forged).code()).isEqualTo(250);
        assertThat(send("127.0.0.2", "person@inbox.test", List.of(jane.reverseAlias()), forged).code()).isEqualTo(250);

        await().atMost(Duration.ofSeconds(20)).until(() -> f.masq.events(shop).stream()
                .filter(e -> e.kind().equals(ForgedReplyNotices.EVENT)).count() == 2 && f.masq.queueSize() == 0);
        List<Received> received = f.awaitReceived(1);
        assertThat(received).singleElement().satisfies(notice -> {
            assertThat(notice.recipients()).containsExactly(OutboundFixture.INBOX);
            assertThat(notice.mailFrom()).isEmpty();
            assertThat(values(notice.content(), "Subject")).containsExactly("Someone tried to send as your alias shop@mask.test");
        });
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.recipient()).doesNotContain("jane@vendor.test");
        assertThat(f.masq.reload(shop).replied()).isZero();
    }

    @Test
    void onlyTheOwnersVerifiedInboxMayWriteToAReverseAliasAndAStrangerCannotTellItExists() {
        Contact jane = f.contact(shop, "jane@vendor.test");
        try (SmtpClient smtp = f.masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<mallory@evil.test>"));
            String existing = smtp.command("RCPT TO:<" + jane.reverseAlias() + ">").text();
            String unknown = smtp.command("RCPT TO:<reply+aaaaaaaaaaaaaaaaaaaa@mask.test>").text();
            assertThat(existing).isEqualTo(unknown).isEqualTo("550 5.1.1 No such user here");
        }
    }

    @Test
    void aBlockedContactIsRefusedWith550() {
        Contact jane = f.contact(shop, "jane@vendor.test");
        f.masq.contacts().setBlocked(f.masq.userId, shop.id(), jane.id(), true);
        try (SmtpClient smtp = f.masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<jane@vendor.test>"));
            assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.7.1");
        }
        f.masq.contacts().setBlocked(f.masq.userId, shop.id(), jane.id(), false);
        try (SmtpClient smtp = f.masq.open()) {
            smtp.expect(250, smtp.command("MAIL FROM:<jane@vendor.test>"));
            assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
        }
    }

    private SmtpClient.Reply send(String fromIp, String sender, List<String> to, byte[] message) {
        try (SmtpClient smtp = SmtpClient.connect(f.masq.smtpPort(), fromIp)) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO client.example"));
            return smtp.send(sender, to, message);
        }
    }
}
