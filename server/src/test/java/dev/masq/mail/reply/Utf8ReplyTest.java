package dev.masq.mail.reply;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.alias.Alias;
import dev.masq.mail.forward.Contact;
import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.SmtpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reply whose address fields carry raw UTF-8 (RFC 6532), as every modern mail client sends them. */
class Utf8ReplyTest {
    @TempDir
    Path dir;
    OutboundFixture f;
    Alias shop;

    @BeforeEach
    void setUp() throws Exception {
        f = new OutboundFixture(dir);
        shop = f.masq.alias("shop");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void theOwnerWithAnAccentedNameIsStillTheOwnerAndTheCorrespondentKeepsTheirName() {
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
}
