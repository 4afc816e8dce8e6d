package dev.masq.mail.forward;

import static dev.masq.testing.Messages.body;
import static dev.masq.testing.Messages.headerSection;
import static dev.masq.testing.Messages.longestLine;
import static dev.masq.testing.Messages.text;
import static dev.masq.testing.Messages.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.masq.TestMasq;
import dev.masq.alias.Alias;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.SmtpClient;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world messages sent to an alias over SMTP, each copy, as the owner's inbox receives it over
 * SMTP (a next hop that refuses lines over 1,000 octets and offers SMTPUTF8 and 8BITMIME), checked
 * against what masq must make of it. A case is {@code corpus/NAME.eml} (the DATA as a vendor's MTA
 * sends it, CRLF line endings, addressed to {@code NAME@mask.test}, a fresh alias) with
 * {@code corpus/NAME.expect}, a UTF-8 properties file:
 * <dl>
 * <dt>{@code envelope.from}</dt><dd>the MAIL FROM to send it with (required)</dd>
 * <dt>{@code site}</dt><dd>the site the alias was made for (its vendor domain); unset, the first sender's</dd>
 * <dt>{@code verdict}</dt><dd>the copy's {@code X-Masq-Verdict}</dd>
 * <dt>{@code header.NAME}</dt><dd>the value of the copy's one NAME field, unfolded, encoded-words decoded</dd>
 * <dt>{@code raw.NAME}</dt><dd>the same, not decoded</dd>
 * <dt>{@code kept}</dt><dd>field names each occurrence of which the copy carries byte for byte</dd>
 * <dt>{@code absent}</dt><dd>field names the copy must not carry</dd>
 * <dt>{@code contacts}</dt><dd>every contact the alias has afterwards, each with a reverse alias</dd>
 * <dt>{@code body.sha256}</dt><dd>hex SHA-256 of the body after the header block, which the copy carries
 * unchanged (the checksum also catches a corpus file whose line endings a checkout changed)</dd>
 * <dt>{@code copy.body.sha256}</dt><dd>for a body with lines too long for SMTP: hex SHA-256 of the copy's
 * body, which is the original with CRLF SP inserted into those lines and nothing else</dd>
 * </dl>
 * Every copy has only lines of at most 1,000 octets and only header fields in its header section.
 * Values are compared as UTF-8 (RFC 6532).
 * In values, {@code {reverse:ADDRESS}} is the reverse alias masq gave ADDRESS on the case's alias,
 * {@code {alias}} the alias address. Lists are comma separated.
 */
class CorpusTest {
    private static final Set<String> KEYS = Set.of("envelope.from", "site", "verdict", "kept", "absent", "contacts", "body.sha256",
            "copy.body.sha256");
    /** A header line is a field (name, colon) or the continuation of one; an mbox "From " line is neither. */
    private static final Pattern FIELD_LINE = Pattern.compile("[!-9;-~]+:|[ \t]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{reverse:([^}]+)}|\\{alias}");

    @TempDir
    static Path dir;
    static DownstreamSmtpServer inbox;
    static TestMasq masq;

    @BeforeAll
    static void start() throws IOException {
        inbox = DownstreamSmtpServer.start().enforceLineLimit().offer("SMTPUTF8");
        masq = TestMasq.forwardingTo(dir, inbox);
    }

    @AfterAll
    static void stop() throws IOException {
        masq.close();
        inbox.close();
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardsAsExpected(String name) throws Exception {
        byte[] original = Files.readAllBytes(corpus().resolve(name + ".eml"));
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(corpus().resolve(name + ".expect"), StandardCharsets.UTF_8)) {
            expect.load(r);
        }
        assertThat(expect.stringPropertyNames()).as("keys of %s.expect", name)
                .allMatch(k -> KEYS.contains(k) || k.startsWith("header.") || k.startsWith("raw."));
        Alias alias = masq.alias(name, null, expect.getProperty("site"));
        try (SmtpClient smtp = masq.open()) {
            assertThat(smtp.send(expect.getProperty("envelope.from"), List.of(alias.address()), original).code())
                    .isEqualTo(250);
        }
        byte[] copy = await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().stream()
                .map(DownstreamSmtpServer.Received::content).filter(c -> values(c, "X-Masq-Alias").contains(alias.address()))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(longestLine(copy)).as("longest line, CRLF included").isLessThanOrEqualTo(1000);
        assertThat(headerSection(copy).split("\r\n")).as("header section").allMatch(l -> FIELD_LINE.matcher(l).lookingAt());
        Map<String, String> reverse = masq.contacts().list(masq.userId, alias.id()).stream()
                .collect(Collectors.toMap(c -> c.address(), c -> c.reverseAlias()));

        String sha = expect.getProperty("body.sha256");
        if (sha != null) {
            assertThat(sha256(body(original))).as("checksum of %s.eml's body", name).isEqualTo(sha);
            String copySha = expect.getProperty("copy.body.sha256");
            if (copySha == null) {
                assertThat(body(copy)).as("body").isEqualTo(body(original));
            } else {
                assertThat(sha256(body(copy))).as("checksum of the copy's body").isEqualTo(copySha);
                assertThat(text(body(copy)).replace("\r\n ", "")).as("body, the inserted breaks taken out")
                        .isEqualTo(text(body(original)));
            }
        }
        if (expect.containsKey("verdict")) {
            assertThat(values(copy, "X-Masq-Verdict")).as("verdict").containsExactly(expect.getProperty("verdict"));
        }
        if (expect.containsKey("contacts")) {
            assertThat(reverse.keySet()).containsExactlyInAnyOrderElementsOf(list(expect.getProperty("contacts")));
        }
        for (String key : expect.stringPropertyNames()) {
            String value = substitute(expect.getProperty(key), alias, reverse);
            if (key.startsWith("header.")) {
                String field = key.substring("header.".length());
                assertThat(values(copy, field)).as(field).extracting(CorpusTest::decoded).containsExactly(value);
            } else if (key.startsWith("raw.")) {
                String field = key.substring("raw.".length());
                assertThat(values(copy, field)).as(field).extracting(CorpusTest::utf8).containsExactly(value);
            }
        }
        String copiedHeader = headerSection(copy) + "\r\n";
        for (String field : list(expect.getProperty("kept", ""))) {
            List<String> fields = rawFields(original, field);
            assertThat(fields).as("%s in %s.eml", field, name).isNotEmpty();
            fields.forEach(f -> assertThat(copiedHeader).as(field).contains(f));
        }
        for (String field : list(expect.getProperty("absent", ""))) {
            assertThat(values(copy, field)).as(field).isEmpty();
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus").toURI());
    }

    /** Every occurrence of the field, name to line ending, exactly as in the message. */
    private static List<String> rawFields(byte[] message, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return Arrays.stream((headerSection(message) + "\r\n").split("(?<=\r\n)(?![ \t])"))
                .filter(f -> f.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    private static String substitute(String value, Alias alias, Map<String, String> reverse) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? alias.address() : reverse.get(m.group(1));
            assertThat(replacement).as("a reverse alias for %s", m.group(1)).isNotNull();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(sb).toString();
    }

    private static String decoded(String value) {
        return DecoderUtil.decodeEncodedWords(utf8(value), DecodeMonitor.SILENT);
    }

    /** A value {@link dev.masq.testing.Messages} read octet by octet, read as the UTF-8 it is. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
