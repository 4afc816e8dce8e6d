package dev.masq.mail.forward;

import static dev.masq.testing.Messages.bytes;
import static dev.masq.testing.Messages.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masq.leak.VerdictHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rewrite on its own, for shapes of message that are awkward to produce over SMTP. */
class ForwardRewriterTest {
    static final String TRACE = "Received: from a ([127.0.0.1])\r\n\tby mx.mask.test; now\r\n";

    static final VerdictHeaders.Decoration EXPECTED = new VerdictHeaders.Decoration(
            List.of(new VerdictHeaders.Field("X-Masq-Verdict", "expected")), Optional.empty(), List.of());

    static String rewrite(String message, String envelopeSender) {
        return rewrite(message, envelopeSender, EXPECTED);
    }

    static String rewrite(String message, String envelopeSender, VerdictHeaders.Decoration verdict) {
        HeaderBlock headers = HeaderBlock.parse(bytes(message));
        Senders senders = Senders.of(headers, envelopeSender);
        Map<String, String> reverse = new HashMap<>();
        senders.addresses().forEach(a -> reverse.put(a, "reply+" + a.replaceAll("[^a-z]", "") + "@mask.test"));
        return text(new ForwardRewriter().rewrite(headers, senders, TRACE, "shop@mask.test", reverse, verdict));
    }

    @Test
    void duplicatedFromAndReplyToFieldsAreReplacedOnceAndTheRestDropped() {
        String out = rewrite("From: a@x.example\r\nFrom: b@y.example\r\nReply-To: c@z.example\r\nReply-To: d@w.example\r\n"
                + "Subject: s\r\n\r\nbody\r\n", "");
        assertThat(out).isEqualTo(TRACE + "X-Masq-Alias: shop@mask.test\r\nX-Masq-Verdict: expected\r\n"
                + "From: \"a at x.example\" <reply+axexample@mask.test>\r\n"
                + "Reply-To: \"c at z.example\" <reply+czexample@mask.test>\r\n"
                + "Subject: s\r\n\r\nbody\r\n");
    }

    @Test
    void foldedForgedFieldsGoWholeAndOddFieldsStayAsTheyCame() {
        String out = rewrite("X-MASQ-Alias: forged@mask.test,\r\n\tmore@mask.test\r\nSubject : obsolete syntax\r\n"
                + "Disposition-Notification-To: sender@x.example\r\nX-Empty:\r\nFrom: a@x.example\r\n\r\nbody", "");
        assertThat(out).doesNotContain("forged").doesNotContain("more@mask.test").doesNotContain("Disposition-Notification-To")
                .contains("\r\nSubject : obsolete syntax\r\nX-Empty:\r\nFrom: ").endsWith("\r\n\r\nbody");
    }

    @Test
    void aHeadersOnlyMessageStaysHeadersOnly() {
        assertThat(rewrite("From: a@x.example\r\nSubject: no body\r\n", ""))
                .endsWith("From: \"a at x.example\" <reply+axexample@mask.test>\r\nSubject: no body\r\n");
    }

    @Test
    void aMessageWithAnEmptyHeaderSectionGetsOursInFront() {
        assertThat(rewrite("\r\nbody only\r\n", "s@x.example")).isEqualTo(TRACE + "X-Masq-Alias: shop@mask.test\r\nX-Masq-Verdict: expected\r\n"
                + "From: \"s at x.example\" <reply+sxexample@mask.test>\r\n"
                + "Reply-To: \"s at x.example\" <reply+sxexample@mask.test>\r\n\r\nbody only\r\n");
    }

    @Test
    void withNoSenderAnywhereRepliesGoToTheAliasItself() {
        String out = rewrite("Subject: from nobody\r\n\r\nbody\r\n", "");
        assertThat(out).contains("From: \"unknown sender\" <shop@mask.test>\r\nReply-To: \"unknown sender\" <shop@mask.test>\r\n");
    }

    @Test
    void aLineThatIsNoHeaderEndsTheHeaderSectionAndTheBlankLineGoesBeforeIt() {
        String out = rewrite("From: a@x.example\r\nthis is body text: with a colon later\r\nmore\r\n", "");
        assertThat(out).endsWith("From: \"a at x.example\" <reply+axexample@mask.test>\r\n\r\n"
                + "this is body text: with a colon later\r\nmore\r\n");
    }

    @Test
    void receivedHeadersAreCountedForLoops() {
        HeaderBlock headers = HeaderBlock.parse(bytes("Received: a\r\nreceived: b\r\n folded\r\nRECEIVED: c\r\n\r\nReceived: in body\r\n"));
        assertThat(headers.count("Received")).isEqualTo(3);
    }

    @Test
    void aSuspiciousVerdictTagsTheOriginalSubjectAndForgedVerdictsAndScoresAreDropped() {
        VerdictHeaders.Decoration lookalike = new VerdictHeaders.Decoration(List.of(
                new VerdictHeaders.Field("X-Masq-Verdict", "lookalike"),
                new VerdictHeaders.Field("X-Masq-Warning", "looks like openai.com but was sent from 0penai.com")),
                Optional.of("[masq: suspicious sender] "), List.of());
        String out = rewrite("From: a@0penai.com\r\nSubject:  =?UTF-8?Q?R=C3=A9sum=C3=A9?=\r\nX-Masq-Verdict: expected\r\n"
                + "X-Spam-Status: No, score=-100\r\n\r\nbody\r\n", "a@0penai.com", lookalike);
        assertThat(out).contains("Subject: [masq: suspicious sender] =?UTF-8?Q?R=C3=A9sum=C3=A9?=\r\n")
                .contains("X-Masq-Verdict: lookalike\r\n").doesNotContain("X-Masq-Verdict: expected")
                .contains("X-Masq-Warning: looks like openai.com").doesNotContain("X-Spam-Status");
        assertThat(rewrite("From: a@0penai.com\r\n\r\nbody\r\n", "", lookalike)).contains("Subject: [masq: suspicious sender]\r\n");
    }
}
