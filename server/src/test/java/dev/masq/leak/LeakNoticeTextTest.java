package dev.masq.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class LeakNoticeTextTest {
    static final Instant DAY1 = Instant.parse("2026-01-13T08:30:00Z");
    static final Instant DAY3 = Instant.parse("2026-01-15T08:30:00Z");
    static final LeakNoticeText.Links LINKS = new LeakNoticeText.Links("https://masq.test/actions/burn-token",
            "https://masq.test/actions/dismiss-token");

    @Test
    void theNoticeNamesTheVendorTheStartAndTheForeignDomains() throws IOException {
        AliasLeak leak = new AliasLeak("al_1", "juniper.grape904@mask.test", "OpenAI", List.of("openai.com"), LeakStatus.LEAKED,
                DAY1, DAY3, 0, 0, List.of(
                        new ForeignDomain("pharmacy-online.net", 1, 0, DAY3, DAY3),
                        new ForeignDomain("deals-daily.com", 2, 1, DAY1, DAY3)), AfterBurn.NONE);
        byte[] notice = LeakNoticeText.render(leak, LINKS, "mask.test", "person@inbox.test", "mx.mask.test", DAY3);
        String head = new String(notice, StandardCharsets.US_ASCII);
        assertThat(head).contains("From: masq <masq@mask.test>\r\n", "To: <person@inbox.test>\r\n",
                "Subject: masq: the address you gave to OpenAI has leaked\r\n", "Message-ID: <", "@mx.mask.test>\r\n",
                "Date: Thu, 15 Jan 2026 08:30:00 +0000\r\n", "Auto-Submitted: auto-generated\r\n");
        assertThat(bodyLines(notice)).contains(
                "Your alias juniper.grape904@mask.test, which you gave to OpenAI (openai.com), now receives mail from others.",
                "Since: 2026-01-13 08:30 UTC",
                "  pharmacy-online.net: 1 message, first 2026-01-15, last 2026-01-15",
                "  deals-daily.com: 2 messages, first 2026-01-13, last 2026-01-15, 1 scored as spam",
                "Burn this alias and get a new one:", "  https://masq.test/actions/burn-token",
                "Keep it and dismiss this warning:", "  https://masq.test/actions/dismiss-token");
    }

    @Test
    void aVendorNameInAnotherScriptSurvivesTheEncoding() throws Exception {
        AliasLeak leak = new AliasLeak("al_1", "brot@mask.test", "Bäckerei Müller", List.of("baeckerei.de"), LeakStatus.LEAKED,
                DAY1, DAY3, 1, 0, List.of(), AfterBurn.NONE);
        byte[] notice = LeakNoticeText.render(leak, LINKS, "mask.test", "person@inbox.test", "mx.mask.test", DAY3);
        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(notice));
        assertThat(parsed.getSubject()).isEqualTo("masq: the address you gave to Bäckerei Müller has leaked");
        assertThat(bodyLines(notice)).contains("You reported 1 message on it as spam.", "and get a new one for Bäckerei Müller;");
    }

    private static List<String> bodyLines(byte[] notice) throws IOException {
        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(notice));
        try (Reader body = ((TextBody) parsed.getBody()).getReader()) {
            return new BufferedReader(body).lines().toList();
        }
    }
}
