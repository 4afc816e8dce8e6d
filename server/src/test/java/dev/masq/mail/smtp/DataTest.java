package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What happens after DATA: size cap, loops, commit failures, paused aliases and bounces. */
class DataTest {
    static final int MAX_SIZE = 10_000;

    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    Alias shop;
    @AutoClose
    SmtpClient smtp;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir, Map.of("MASQ_MAX_MESSAGE_SIZE", String.valueOf(MAX_SIZE)));
        shop = masq.alias("shop");
        smtp = masq.open();
    }

    @Test
    void sizeIsAdvertisedAndAnOversizeMessageIsRefusedWholeNotTruncated() {
        assertThat(smtp.command("EHLO client.example").text()).contains("SIZE " + MAX_SIZE);
        StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
        while (body.length() <= MAX_SIZE) {
            body.append("x".repeat(70)).append("\r\n");
        }
        SmtpClient.Reply reply = smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes(body.toString()));
        assertThat(reply.text()).startsWith("552 5.3.4");

        assertThat(smtp.command("MAIL FROM:<a@vendor.example> SIZE=" + (MAX_SIZE + 1)).text()).startsWith("552 5.3.4");
        assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes("Subject: small\r\n\r\nok\r\n")).code())
                .isEqualTo(250);
        assertThat(masq.takeQueued()).hasSize(1).allSatisfy(d -> assertThat(text(d)).contains("Subject: small"));
        assertThat(masq.reload(shop).forwarded()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+5", "1e3", "", "12345678901234567890123"})
    void aSizeThatIsNotDigitsIsASyntaxError(String size) {
        smtp.command("EHLO client.example");
        assertThat(smtp.command("MAIL FROM:<a@vendor.example> SIZE=" + size).text())
                .isEqualTo("501 5.5.4 Syntactically incorrect value for SIZE parameter");
        assertThat(smtp.command("MAIL FROM:<a@vendor.example> SIZE=500").code()).isEqualTo(250);
    }

    @Test
    void anOversizeSingleLineIsRefusedToo() {
        String line = "y".repeat(MAX_SIZE + 10);
        SmtpClient.Reply reply = smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes("Subject: long\r\n\r\n" + line + "\r\n"));
        assertThat(reply.text()).startsWith("552 5.3.4");
        assertThat(masq.queueSize()).isZero();
    }

    @Test
    void aLineLongerThanAnyAcceptableMessageEndsTheSession() {
        smtp.expect(250, smtp.command("MAIL FROM:<a@vendor.example>"));
        smtp.expect(250, smtp.command("RCPT TO:<shop@mask.test>"));
        smtp.expect(354, smtp.command("DATA"));
        smtp.write("Subject: long\r\n\r\n" + "z".repeat(3 * MAX_SIZE) + "\r\n");
        assertThat(smtp.reply().text()).startsWith("552 5.3.4");
        assertThat(smtp.closedByServer()).isTrue();
        assertThat(masq.queueSize()).isZero();
    }

    @Test
    void moreThanThirtyReceivedHeadersIsALoop() {
        String thirtyOne = "Received: from hop.example by hop.example; Mon, 1 Jan 2024 00:00:00 +0000\r\n".repeat(31);
        SmtpClient.Reply loop = smtp.send("a@vendor.example", List.of("shop@mask.test"),
                bytes(thirtyOne + "Subject: loop\r\n\r\nround and round\r\n"));
        assertThat(loop.text()).startsWith("554 5.4.6");
        assertThat(masq.queueSize()).isZero();

        String thirty = "Received: from hop.example by hop.example; Mon, 1 Jan 2024 00:00:00 +0000\r\n".repeat(30);
        assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes(thirty + "Subject: ok\r\n\r\nfine\r\n"))
                .code()).isEqualTo(250);
    }

    @Test
    void aFailedCommitIsATemporaryFailureAndLeavesNothingBehind() {
        masq.db().writeVoid(ctx -> ctx.execute(
                "CREATE TRIGGER full_disk BEFORE INSERT ON deliveries BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
        SmtpClient.Reply reply = smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes("Subject: hi\r\n\r\nbody\r\n"));
        assertThat(reply.text()).isEqualTo("451 4.3.0 Message not stored, try again later");
        assertThat(masq.reload(shop).forwarded()).isZero();
        assertThat(masq.events(shop)).extracting(AliasEvent::kind).doesNotContain("forwarded");

        masq.db().writeVoid(ctx -> ctx.execute("DROP TRIGGER full_disk"));
        assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test"), bytes("Subject: again\r\n\r\nbody\r\n")).code())
                .isEqualTo(250);
        assertThat(masq.reload(shop).forwarded()).isEqualTo(1);
    }

    @Test
    void mailToAPausedAliasIsAcceptedCountedAsBlockedAndDropped() {
        masq.aliases().pause(masq.userId, shop.id());
        SmtpClient.Reply reply = smtp.send("news@vendor.example", List.of("shop@mask.test"),
                bytes("From: News <news@vendor.example>\r\nSubject: hi\r\n\r\nbody\r\n"));
        assertThat(reply.code()).isEqualTo(250);

        assertThat(masq.queueSize()).isZero();
        Alias after = masq.reload(shop);
        assertThat(after.blocked()).isEqualTo(1);
        assertThat(after.forwarded()).isZero();
        assertThat(after.lastReceivedAt()).isNotNull();
        assertThat(masq.events(shop)).filteredOn(e -> e.kind().equals("blocked"))
                .singleElement().satisfies(e -> {
                    assertThat(e.sender()).isEqualTo("news@vendor.example");
                    assertThat(e.detail()).isEqualTo("alias paused");
                });
    }

    @Test
    void aBounceToOurVerpAddressIsRecordedOnTheAliasAndNeverForwarded() {
        String verp = masq.verp().address(shop.id(), "mask.test");
        String dsn = "From: MAILER-DAEMON@mx.vendor.example\r\nSubject: Undelivered Mail\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                + "--b\r\n\r\nsorry\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Final-Recipient: rfc822; person@inbox.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n--b--\r\n";
        smtp.expect(250, smtp.command("MAIL FROM:<>"));
        smtp.expect(250, smtp.command("RCPT TO:<" + verp + ">"));
        assertThat(smtp.data(bytes(dsn)).code()).isEqualTo(250);

        assertThat(masq.queueSize()).isZero();
        assertThat(masq.reload(shop).forwarded()).isZero();
        assertThat(masq.events(shop)).filteredOn(e -> e.kind().equals("bounce"))
                .singleElement().extracting(AliasEvent::detail).isEqualTo("smtp; 550 5.1.1 user unknown");
    }

    @Test
    void aMalformedMessageIsStillForwardedWithItsBytesIntact() {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + (i % 0x7f)); // 8-bit, no NUL, no CR or LF
        }
        String longHeader = "X-Huge: " + "h".repeat(5_000) + "\r\n";
        byte[] message = concat(bytes("Subject: broken\r\n" + longHeader
                + "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\nno colon here, so the body starts\r\n--never-closed\r\n"),
                garbage, bytes("\r\n"));
        assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test"), message).code()).isEqualTo(250);

        Delivery d = masq.takeQueued().getFirst();
        byte[] tail = concat(bytes("no colon here, so the body starts\r\n--never-closed\r\n"), garbage, bytes("\r\n"));
        assertThat(endsWith(d.content(), tail)).isTrue();
        assertThat(text(d)).contains("Subject: broken\r\n").contains("X-Masq-Alias: shop@mask.test\r\n");
        // Too long for SMTP, the field is folded into lines the next hop takes; its characters are all there.
        assertThat(text(d)).doesNotContain(longHeader).contains("X-Huge:\r\n h").contains("\r\n " + "h".repeat(997) + "\r\n ");
        assertThat(text(d).replace("\r\n ", "")).contains("X-Huge:" + "h".repeat(5_000) + "\r\n");
    }

    @Test
    void aMessageWithoutAnyHeaderIsForwardedBehindOurs() {
        byte[] message = bytes("just some text\r\nand more\r\n");
        assertThat(smtp.send("a@vendor.example", List.of("shop@mask.test"), message).code()).isEqualTo(250);
        String forwarded = text(masq.takeQueued().getFirst());
        assertThat(forwarded).contains("X-Masq-Alias: shop@mask.test\r\n").endsWith("\r\n\r\njust some text\r\nand more\r\n");
        assertThat(forwarded).contains("From: \"a at vendor.example\" <reply+");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(Delivery d) {
        return new String(d.content(), StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean endsWith(byte[] all, byte[] tail) {
        return all.length >= tail.length
                && java.util.Arrays.equals(all, all.length - tail.length, all.length, tail, 0, tail.length);
    }
}
