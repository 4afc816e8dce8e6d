package dev.masq.mail.delivery;

import static dev.masq.mail.delivery.DeliveryFixture.INBOX;
import static dev.masq.mail.delivery.DeliveryFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.testing.DownstreamSmtpServer.Received;
import dev.masq.testing.Messages;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipient address beyond ASCII (RFC 6531): sent with SMTPUTF8 where offered, and never where it is not. */
class InternationalDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String RECIPIENT = "j\u00f6s\u00e9@ex\u00e4mple.org";

    @TempDir
    Path dir;
    @AutoClose
    DeliveryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new DeliveryFixture(dir);
    }

    @Test
    void goesWithSmtputf8And8bitmimeToAHopThatOffersThemAndItsBytesUnchanged() {
        f.downstream.offer("SMTPUTF8");
        f.start();
        byte[] content = message("Gr\u00fc\u00dfe");

        f.enqueue(RECIPIENT, content, Duration.ofDays(5));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        Received got = f.downstream.received().getFirst();
        assertThat(got.recipients()).containsExactly(RECIPIENT);
        assertThat(got.content()).isEqualTo(content);
        assertThat(f.downstream.mailCommands().getLast()).contains(" SMTPUTF8").contains(" BODY=8BITMIME");
    }

    @Test
    void aHopWithoutSmtputf8IsAPermanentFailureTheOwnerIsToldOf() throws Exception {
        f.start();

        f.enqueue(RECIPIENT, message("Gr\u00fc\u00dfe"), Duration.ofDays(5));

        await().atMost(PATIENCE).until(() -> f.downstream.received().size() == 1);
        Received notice = f.downstream.received().getFirst();
        assertThat(notice.recipients()).containsExactly(INBOX);
        // The inbox's hop takes no SMTPUTF8 either: the notice's own Subject arrives as encoded words.
        assertThat(MimeUtility.decodeText(Messages.values(notice.content(), "Subject").getFirst()))
                .isEqualTo("Undeliverable: message from " + f.alias.address() + " to " + RECIPIENT);
        assertThat(notice.readable()).contains("SMTPUTF8")
                .contains("A message you sent from your alias " + f.alias.address() + " could not be delivered to " + RECIPIENT + ".")
                .as("the Subject read as the UTF-8 it was").contains("Subject:  Gr\u00fc\u00dfe\r\n");
        assertThat(f.downstream.rcptAttempts()).extracting(a -> a.recipient()).containsOnly(INBOX);
        await().atMost(PATIENCE).until(() -> f.rows().isEmpty());
    }
}
