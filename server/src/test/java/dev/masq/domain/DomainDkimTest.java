package dev.masq.domain;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.account.ApiScope;
import dev.masq.alias.NewAlias;
import dev.masq.mail.reply.OutboundFixture;
import dev.masq.senderauth.DkimResult;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leaves masq for an alias on a user's own domain, a forwarded copy and a reply, is signed with that
 * domain's own key, {@code d=} the domain, and verifies against the record its owner published.
 */
class DomainDkimTest {
    private static final byte[] FROM_JANE = bytes("From: Jane Doe <jane@vendor.test>\r\nTo: shop@mine.example\r\n"
            + "Subject: Your order\r\nDate: Mon, 12 Jan 2026 08:30:00 +0000\r\nMessage-ID: <order-1@vendor.test>\r\n"
            + "\r\nShipped.\r\n");

    @TempDir
    Path dir;

    @Test
    void forwardedCopiesAndRepliesAreSignedWithTheDomainsOwnKey() throws Exception {
        try (OutboundFixture f = new OutboundFixture(dir)) {
            String key = f.masq.apiKeys().create(f.masq.userId, "test", Set.of(ApiScope.ALIASES_READ, ApiScope.ALIASES_WRITE)).secret();
            OwnDomain.verified(f.masq, f.dns, key, "mine.example");
            f.masq.aliases().create(f.masq.userId, new NewAlias(NewAlias.AddressMode.CUSTOM, "shop", "mine.example", null, null, null));

            f.send("jane@vendor.test", "shop@mine.example", FROM_JANE);
            Received forwarded = f.awaitReceived(1).getFirst();
            assertThat(forwarded.mailFrom()).endsWith("@mine.example");
            assertThat(f.dkimOf(forwarded)).containsExactly(new DkimResult("mine.example", DkimResult.Status.PASS));

            String reverse = addresses(values(forwarded.content(), "Reply-To").getFirst())[0].getAddress();
            assertThat(reverse).startsWith("reply+").endsWith("@mine.example");
            f.replyFromInbox(reverse);
            Received sent = f.awaitReceived(2).get(1);
            assertThat(sent.recipients()).containsExactly("jane@vendor.test");
            assertThat(values(sent.content(), "From").getFirst()).contains("shop@mine.example");
            assertThat(f.dkimOf(sent)).containsExactly(new DkimResult("mine.example", DkimResult.Status.PASS));
        }
    }

    @Test
    void mailSubmittedAsAnAliasOnTheDomainIsSignedWithItsKey() throws Exception {
        try (OutboundFixture f = new OutboundFixture(dir)) {
            String key = f.masq.apiKeys().create(f.masq.userId, "test", Set.of(ApiScope.ALIASES_READ, ApiScope.ALIASES_WRITE)).secret();
            OwnDomain.verified(f.masq, f.dns, key, "mine.example");
            f.masq.aliases().create(f.masq.userId, new NewAlias(NewAlias.AddressMode.CUSTOM, "shop", "mine.example", null, null, null));
            String password = f.masq.appPasswords().create(f.masq.userId, "laptop").password();
            try (SmtpClient smtp = SmtpClient.connect(f.masq.submissionPort())) {
                smtp.expect(220, smtp.reply());
                smtp.expect(250, smtp.command("EHLO client.example"));
                smtp.startTls();
                smtp.expect(250, smtp.command("EHLO client.example"));
                smtp.expect(235, smtp.command("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                        ("\0" + OutboundFixture.INBOX + "\0" + password).getBytes(StandardCharsets.UTF_8))));
                smtp.expect(250, smtp.send(OutboundFixture.INBOX, List.of("sales@shop.example"), bytes(
                        "From: Me <shop@mine.example>\r\nTo: sales@shop.example\r\nSubject: hello\r\n"
                                + "Date: Mon, 12 Jan 2026 08:31:00 +0000\r\n\r\nHi.\r\n")));
            }
            Received out = f.awaitReceived(1).getFirst();
            assertThat(out.recipients()).containsExactly("sales@shop.example");
            assertThat(f.dkimOf(out)).containsExactly(new DkimResult("mine.example", DkimResult.Status.PASS));
        }
    }
}
