package dev.masq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.crypto.Secrets;
import dev.masq.http.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An offered suffix is good for ten minutes, for the user it was offered to, unchanged. */
class SignedSuffixesTest {
    private final Secrets secrets = new Secrets(new byte[32]);
    private final Instant offered = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void takenBackWithinTenMinutesItIsTheSuffixOffered() {
        String signed = at(offered).sign("us_1", ".k3x9@mask.test");
        assertThat(at(offered.plus(Duration.ofMinutes(10))).verify("us_1", signed)).isEqualTo(".k3x9@mask.test");
    }

    @Test
    void laterItIsA412SoTheClientAsksAgain() {
        String signed = at(offered).sign("us_1", ".k3x9@mask.test");
        assertThatThrownBy(() -> at(offered.plus(Duration.ofMinutes(11))).verify("us_1", signed))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
    }

    @Test
    void aLongerExpiryOrAnotherUserIsTampering() {
        SignedSuffixes suffixes = at(offered);
        String signed = suffixes.sign("us_1", ".k3x9@mask.test");
        String[] parts = signed.split("\\.");
        String stretched = ".k3x9@mask.test." + Long.toString(Long.parseLong(parts[parts.length - 2], 36) + 86_400, 36)
                + "." + parts[parts.length - 1];
        for (String[] attempt : new String[][] {{"us_1", stretched}, {"us_2", signed}, {"us_1", "garbage"}, {"us_1", ""}}) {
            assertThatThrownBy(() -> suffixes.verify(attempt[0], attempt[1]))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }

    private SignedSuffixes at(Instant now) {
        return new SignedSuffixes(secrets, Clock.fixed(now, ZoneOffset.UTC));
    }
}
