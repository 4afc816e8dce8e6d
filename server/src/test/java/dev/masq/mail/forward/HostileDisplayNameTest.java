package dev.masq.mail.forward;

import static dev.masq.testing.Messages.addresses;
import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.headerSection;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.TestMasq;
import dev.masq.testing.SmtpClient;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sender controls its display name. Whatever it contains, the rewritten From must be exactly one
 * valid mailbox at the reverse alias, no header may be injected, and the name may show but not act.
 */
class HostileDisplayNameTest {
    @TempDir
    static Path dir;
    static TestMasq masq;

    @BeforeAll
    static void start() {
        masq = TestMasq.start(dir);
        masq.alias("shop");
    }

    @AfterAll
    static void stop() {
        masq.close();
    }

    static Stream<String> hostileFroms() {
        return Stream.of(
                "\"Evil\\\" <admin@bank.example>\" <evil@x.example>",
                "=?utf-8?q?Jane=0D=0ABcc=3A_victim=40x=2Eexample?= <evil@x.example>",
                "=?utf-8?b?" + b64("\"\r\nX-Injected: yes\r\n\r\n<html>") + "?= <evil@x.example>",
                "<script>alert(1)</script> <evil@x.example>",
                "\"<script>alert('x')</script>\" <evil@x.example>",
                "\"a\r\n Bcc: folded@x.example\" <evil@x.example>",
                "\"" + "A".repeat(600) + "\" <evil@x.example>",
                "=?utf-8?b?" + b64("\u202Egnp.exe J\u00f6hn D\u0153 \uD83D\uDE00") + "?= <evil@x.example>",
                "evil@x.example (comment \"with quotes\" and <brackets>)",
                "=?iso-8859-1?q?=22=3E=3Cscript=3E?= <evil@x.example>",
                "\"\\\\\\\"\\\\\" <evil@x.example>",
                "=?utf-8?q?=00=07=1B[31m?= <evil@x.example>");
    }

    /** Not even valid syntax: whatever mime4j makes of it, the result must be as safe. */
    static Stream<String> brokenFroms() {
        return Stream.of(
                "Bank <support@bank.example> <evil@x.example>",
                "=?utf-8?q?Jane=0D=0ABcc:_victim@x.example?= <evil@x.example>",
                "\"unterminated <evil@x.example>",
                "<<<>>>@@@,,,;;;:::",
                "evil@x.example\r\n\tBcc: folded@x.example");
    }

    @ParameterizedTest
    @MethodSource("brokenFroms")
    void anUnparseableFromStillYieldsOneSafeMailbox(String from) {
        assertSafe(forward(from));
    }

    @ParameterizedTest
    @MethodSource("hostileFroms")
    void theRewrittenFromIsOneSafeMailboxAtTheReverseAlias(String from) {
        byte[] forwarded = forward(from);
        assertSafe(forwarded);
        for (String field : List.of("From", "Reply-To")) {
            assertThat(addresses(values(forwarded, field).getFirst())[0].getPersonal()).endsWith("evil at x.example");
        }
    }

    private static byte[] forward(String from) {
        masq.takeQueued();
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send("bounce@x.example", List.of("shop@mask.test"),
                    bytes("From: " + from + "\r\nSubject: hostile\r\n\r\nbody\r\n")).code()).isEqualTo(250);
        }
        return masq.takeQueued().getFirst().content();
    }

    private static void assertSafe(byte[] forwarded) {
        String section = headerSection(forwarded);

        assertThat(section.lines()).noneMatch(l -> l.regionMatches(true, 0, "Bcc:", 0, 4))
                .noneMatch(l -> l.regionMatches(true, 0, "X-Injected", 0, 10))
                .allMatch(l -> l.length() <= 998);
        assertThat(section).doesNotContain("\r\n\r\n").doesNotContainPattern("[^\\x20-\\x7e\\r\\n\\t]");
        // A name that calls itself the vendor the alias learned may be judged a lookalike and tagged: still one Subject.
        assertThat(values(forwarded, "Subject")).singleElement().asString().endsWith("hostile");
        for (String field : List.of("From", "Reply-To")) {
            List<String> value = values(forwarded, field);
            assertThat(value).hasSize(1);
            InternetAddress[] parsed = addresses(value.getFirst());
            assertThat(parsed).hasSize(1);
            assertThat(parsed[0].getAddress()).matches("reply\\+[a-z2-7]{20}@mask\\.test");
            assertThat(parsed[0].getPersonal()).doesNotContainPattern("[\\p{Cntrl}\\p{Cf}]").hasSizeLessThan(200);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
