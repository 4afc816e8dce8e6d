package dev.masq.mail.forward;

import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.alias.Alias;
import dev.masq.mail.reply.OutboundFixture;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newsletter's unsubscribe by mail leaves through masq as the alias, never from the real inbox. */
class ListUnsubscribeTest {
    static final Pattern MAILTO = Pattern.compile("<mailto:(reply\\+[a-z2-7]{20}@mask\\.test)(\\?[^>]*)?>");

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
    void theMailtoTargetBecomesAReverseAliasAndUnsubscribingReachesTheVendorFromTheAlias() {
        forward("List-Unsubscribe: <mailto:unsub@vendor.test?subject=unsubscribe>,\r\n"
                + " <https://vendor.test/u/Zm9v?list=weekly>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        Received forwarded = f.awaitReceived(1).getFirst();
        String field = values(forwarded.content(), "List-Unsubscribe").getFirst();
        Matcher m = MAILTO.matcher(field);
        assertThat(m.find()).as(field).isTrue();
        assertThat(m.group(2)).isEqualTo("?subject=unsubscribe");
        assertThat(field).endsWith(", <https://vendor.test/u/Zm9v?list=weekly>").doesNotContain("unsub@vendor.test");
        assertThat(values(forwarded.content(), "List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String reverse = m.group(1);
        assertThat(contacts()).containsEntry("unsub@vendor.test", reverse);

        // What the inbox's client sends when the person clicks "unsubscribe".
        assertThat(send("person@inbox.test", reverse, bytes("From: person@inbox.test\r\nTo: " + reverse + "\r\n"
                + "Subject: unsubscribe\r\nUser-Agent: TestMail 1.0\r\n\r\nThis message was sent to unsubscribe.\r\n")))
                .isEqualTo(250);
        Received out = f.awaitReceived(2).get(1);
        assertThat(out.recipients()).containsExactly("unsub@vendor.test");
        assertThat(values(out.content(), "From")).containsExactly("<shop@mask.test>");
        assertThat(values(out.content(), "To")).containsExactly("<unsub@vendor.test>");
        assertThat(values(out.content(), "Subject")).containsExactly("unsubscribe");
        assertThat(out.text().toLowerCase(Locale.ROOT)).doesNotContain("inbox.test");
    }

    @Test
    void everyMailtoAddressIsMaskedAndAFieldWithOnlyHttpsIsKeptByteForByte() {
        forward("List-Unsubscribe: <mailto:a@lists.vendor.test,b@lists.vendor.test?to=c%40lists.vendor.test&body=stop>\r\n");
        String masked = values(f.awaitReceived(1).getFirst().content(), "List-Unsubscribe").getFirst();
        assertThat(masked).matches("<mailto:reply\\+[a-z2-7]{20}@mask\\.test,reply\\+[a-z2-7]{20}@mask\\.test,"
                + "reply\\+[a-z2-7]{20}@mask\\.test\\?body=stop>");
        assertThat(contacts()).containsKeys("a@lists.vendor.test", "b@lists.vendor.test", "c@lists.vendor.test");
        forward("List-Unsubscribe:  <https://vendor.test/u/1>,\r\n\t<http://vendor.test/u/2>\r\n");
        assertThat(f.awaitReceived(2).get(1).text()).contains("\r\nList-Unsubscribe:  <https://vendor.test/u/1>,\r\n\t<http://vendor.test/u/2>\r\n");
    }

    @Test
    void aMailtoThatCannotBeMaskedIsDroppedAndSoIsASecondField() {
        forward("List-Unsubscribe: <mailto:not-an-address>, <https://vendor.test/u/1>\r\n"
                + "List-Unsubscribe: <mailto:leak@vendor.test>\r\n");
        Received out = f.awaitReceived(1).getFirst();
        assertThat(values(out.content(), "List-Unsubscribe")).containsExactly("<https://vendor.test/u/1>");
        assertThat(out.text()).doesNotContain("leak@vendor.test").doesNotContain("not-an-address");
    }

    private void forward(String listHeaders) {
        byte[] message = bytes("From: Vendor News <news@vendor.test>\r\nTo: shop@mask.test\r\nSubject: This week\r\n"
                + listHeaders + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNews.\r\n");
        try (SmtpClient smtp = SmtpClient.connect(f.masq.smtpPort(), "127.0.0.1")) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO mx.vendor.test"));
            assertThat(smtp.send("bounces@vendor.test", List.of("shop@mask.test"), message).code()).isEqualTo(250);
        }
    }

    private int send(String sender, String to, byte[] message) {
        try (SmtpClient smtp = SmtpClient.connect(f.masq.smtpPort(), "127.0.0.1")) {
            smtp.expect(220, smtp.reply());
            smtp.expect(250, smtp.command("EHLO client.example"));
            return smtp.send(sender, List.of(to), message).code();
        }
    }

    private Map<String, String> contacts() {
        return f.masq.contacts().list(f.masq.userId, shop.id()).stream()
                .collect(Collectors.toMap(Contact::address, Contact::reverseAlias));
    }
}
