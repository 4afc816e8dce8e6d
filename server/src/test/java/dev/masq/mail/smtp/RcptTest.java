package dev.masq.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.outbox.Delivery;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RCPT table of DESIGN §4, over a real socket from loopback. */
class RcptTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq masq;
    @AutoClose
    SmtpClient smtp;

    @BeforeEach
    void setUp() {
        masq = TestMasq.start(dir);
        smtp = masq.open();
        smtp.expect(250, smtp.command("MAIL FROM:<sender@vendor.example>"));
    }

    @Test
    void foreignDomainsAreRelayingDeniedEvenFromLoopback() {
        assertThat(smtp.command("RCPT TO:<someone@gmail.com>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<postmaster@gmail.com>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<abuse@example.org>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<x@mask.test.evil.example>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<@mask.test:x@evil.example>").code()).isGreaterThanOrEqualTo(500);
        assertThat(smtp.command("DATA").code()).isEqualTo(503);
    }

    @Test
    void unknownDeletedAndBurnedAliasesAreUnknownUsers() {
        Alias deleted = masq.alias("deleted");
        masq.aliases().delete(masq.userId, deleted.id());
        Alias burned = masq.alias("burned");
        masq.aliases().burn(masq.userId, burned.id(), false, "spam");

        assertThat(smtp.command("RCPT TO:<nobody@mask.test>").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<deleted@mask.test>").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<burned@mask.test>").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<nobody@other.test>").text()).startsWith("550 5.1.1");
    }

    @Test
    void postmasterAndAbuseOfOurDomainsGoToTheOperatorAndNowhereElse() {
        assertThat(smtp.command("RCPT TO:<postmaster@mask.test>").text())
                .as("no admin yet: nobody could read it").startsWith("550 5.1.1");
        masq.accounts().addUser("operator@inbox.test", true);

        assertThat(smtp.command("RCPT TO:<postmaster@mask.test>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<Abuse@Other.Test>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<Postmaster>").code()).as("RFC 5321 §4.5.1: unqualified").isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<nobody>").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<postmaster@gmail.com>").text()).startsWith("550 5.7.1");
        byte[] message = "From: a@vendor.example\r\nSubject: your server\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(smtp.data(message).text()).startsWith("250 2.0.0");

        List<Delivery> queued = masq.takeQueued();
        // <Postmaster> is postmaster@ the first alias domain: the same mailbox, one copy.
        assertThat(queued).hasSize(2).allSatisfy(d -> {
            assertThat(d.recipient()).isEqualTo("operator@inbox.test");
            assertThat(d.envelopeFrom()).as("the null sender: a refused copy is dropped, never bounced").isEmpty();
            String text = new String(d.content(), StandardCharsets.US_ASCII);
            assertThat(text).startsWith("Received: from ").endsWith("From: a@vendor.example\r\nSubject: your server\r\n\r\nbody\r\n");
        });
    }

    @Test
    void activeAndPausedAliasesAreAcceptedCaseInsensitively() {
        masq.alias("shop");
        Alias paused = masq.alias("paused");
        masq.aliases().pause(masq.userId, paused.id());

        assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<Shop@MASK.test>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<paused@mask.test>").code()).isEqualTo(250);
    }

    @Test
    void mixedRecipientsAreDecidedOneByOneAndOnlyAcceptedOnesGetTheMessage() {
        Alias shop = masq.alias("shop");
        Alias news = masq.alias("news");

        assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<victim@gmail.com>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<nobody@mask.test>").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<news@mask.test>").code()).isEqualTo(250);
        byte[] message = "From: a@vendor.example\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(smtp.data(message).text()).startsWith("250 2.0.0");

        assertThat(masq.takeQueued()).extracting(d -> d.aliasId()).containsExactlyInAnyOrder(shop.id(), news.id());
    }

    @Test
    void aNullReversePathIsAllowed() {
        masq.alias("shop");
        smtp.expect(250, smtp.command("RSET"));
        assertThat(smtp.command("MAIL FROM:<>").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(250);
    }

    @Test
    void aBlockedSenderIsRefusedOnItsAliasOnly() {
        Alias shop = masq.alias("shop");
        masq.alias("other");
        masq.db().writeVoid(ctx -> {
            var ra = masq.contactRepository().findOrCreate(ctx, shop.id(), "sender@vendor.example",
                    "mask.test", java.time.Instant.now());
            ctx.update(dev.masq.db.schema.Tables.REVERSE_ALIASES).set(dev.masq.db.schema.Tables.REVERSE_ALIASES.BLOCKED, true)
                    .where(dev.masq.db.schema.Tables.REVERSE_ALIASES.ID.eq(ra.id())).execute();
        });
        assertThat(smtp.command("RCPT TO:<shop@mask.test>").text()).startsWith("550 5.7.1");
        assertThat(smtp.command("RCPT TO:<other@mask.test>").code()).isEqualTo(250);
    }

    @Test
    void bouncesToOurSignedVerpAddressesAreAcceptedForgedOnesAreNot() {
        Alias shop = masq.alias("shop");
        String verp = masq.verp().address(shop.id(), "mask.test");
        String forged = verp.replaceFirst("\\+[a-z2-7]+@", "+aaaaaaaaaaaaaaaa@");
        String otherAlias = verp.replace(shop.id(), "al_aaaaaaaaaaaaaaaa");

        assertThat(smtp.command("RCPT TO:<" + verp + ">").code()).isEqualTo(250);
        assertThat(smtp.command("RCPT TO:<" + forged + ">").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<" + otherAlias + ">").text()).startsWith("550 5.1.1");
        assertThat(smtp.command("RCPT TO:<bounce+x@mask.test>").text()).startsWith("550 5.1.1");

        masq.aliases().delete(masq.userId, shop.id());
        assertThat(smtp.command("RCPT TO:<" + verp + ">").text()).startsWith("550 5.1.1");
    }

    @Test
    void authIsNeitherOfferedNorAccepted() {
        SmtpClient fresh = SmtpClient.connect(masq.smtpPort());
        assertThat(fresh.reply().text()).startsWith("220 mx.mask.test");
        SmtpClient.Reply ehlo = fresh.command("EHLO client.example");
        assertThat(ehlo.text()).startsWith("250-mx.mask.test").contains("SIZE 26214400").doesNotContain("AUTH")
                .contains("STARTTLS");
        assertThat(fresh.command("AUTH PLAIN AGFsaWNlAHNlY3JldA==").code()).isGreaterThanOrEqualTo(500);
        fresh.expect(250, fresh.command("MAIL FROM:<a@vendor.example>"));
        assertThat(fresh.command("RCPT TO:<someone@gmail.com>").text()).startsWith("550 5.7.1");
        fresh.close();
    }

    @Test
    void recipientsBeforeMailFromAreRefused() {
        smtp.expect(250, smtp.command("RSET"));
        assertThat(smtp.command("RCPT TO:<shop@mask.test>").code()).isEqualTo(503);
        assertThat(List.of(smtp.command("QUIT").code())).containsExactly(221);
    }
}
