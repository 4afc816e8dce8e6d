package dev.masq.senderauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.testing.Spamd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.masq.testing.TestMail;

/** Against a real spamd (Debian's {@code spamd}, listed in .ci/packages) that the test starts on a loopback port. */
class SpamAssassinClientTest {
    static final String GTUBE = Spamd.GTUBE;
    @TempDir
    static Path logs;
    static Spamd spamd;
    static InetSocketAddress address;

    @BeforeAll
    static void startSpamd() {
        spamd = Spamd.start(logs);
        address = spamd.address();
    }

    @AfterAll
    static void stopSpamd() throws InterruptedException {
        if (spamd != null) {
            spamd.close();
        }
    }

    @Test
    void gtubeIsSpam() {
        SpamAssassinClient client = new SpamAssassinClient(Optional.of(address), Duration.ofSeconds(30), OptionalDouble.empty());
        Optional<SpamScore> score = client.score(TestMail.message("x@cheap-pills.biz", "Offer", GTUBE));
        assertThat(score).hasValueSatisfying(s -> {
            assertThat(s.score()).isGreaterThanOrEqualTo(1000);
            assertThat(s.threshold()).isEqualTo(5.0);
            assertThat(s.rules()).contains("GTUBE");
            assertThat(s.isSpam()).isTrue();
        });
    }

    @Test
    void anOrdinaryMessageIsNotSpamAndTheThresholdCanBeOverridden() {
        byte[] message = TestMail.message("Jane <jane@example.org>", "Lunch tomorrow?", "Shall we meet at noon?");
        SpamAssassinClient client = new SpamAssassinClient(Optional.of(address), Duration.ofSeconds(30), OptionalDouble.empty());
        assertThat(client.score(message)).hasValueSatisfying(s -> assertThat(s.isSpam()).isFalse());
        SpamAssassinClient strict = new SpamAssassinClient(Optional.of(address), Duration.ofSeconds(30), OptionalDouble.of(-100));
        assertThat(strict.score(message)).hasValueSatisfying(s -> assertThat(s.isSpam()).isTrue());
    }

    @Test
    void upstreamSpamHeadersChangeNothing() {
        byte[] forged = ("X-Spam-Status: No, score=-50.0\r\nX-Spam-Flag: NO\r\n"
                + new String(TestMail.message("x@cheap-pills.biz", "Offer", GTUBE), StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        SpamAssassinClient client = new SpamAssassinClient(Optional.of(address), Duration.ofSeconds(30), OptionalDouble.empty());
        assertThat(client.score(forged)).hasValueSatisfying(s -> assertThat(s.isSpam()).isTrue());
    }

    @Test
    void withoutSpamdThereIsNoScore() {
        SpamAssassinClient off = new SpamAssassinClient(Optional.empty(), Duration.ofSeconds(1), OptionalDouble.empty());
        assertThat(off.isEnabled()).isFalse();
        assertThat(off.score(TestMail.message("x@y.com", "s", GTUBE))).isEmpty();
    }

    @Test
    void aSpamdThatDoesNotAnswerInTimeGivesNoScore() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SpamAssassinClient client = new SpamAssassinClient(
                    Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort())),
                    Duration.ofMillis(300), OptionalDouble.empty());
            assertThat(client.score(TestMail.message("x@y.com", "s", GTUBE))).isEmpty();
        }
        SpamAssassinClient nobodyThere = new SpamAssassinClient(
                Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), Spamd.freePort())), Duration.ofMillis(300), OptionalDouble.empty());
        assertThat(nobodyThere.score(TestMail.message("x@y.com", "s", GTUBE))).isEmpty();
    }
}
