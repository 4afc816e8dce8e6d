package dev.masq.mail.forward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.masq.leak.VerdictHeaders;
import dev.masq.mail.body.WarningBlock;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Builds the copy of a message that goes to an alias's inbox. On top: our trace header and
 * {@code X-Masq-Alias}, then the verdict's fields ({@code X-Masq-Verdict}, a warning) and its tag in
 * front of the Subject, and its warning at the top of the text parts ({@link WarningBlock}). {@code From} and {@code Reply-To} become reverse aliases, and so do outside
 * addresses in {@code Cc} and the mailto targets of {@code List-Unsubscribe} (its first field only;
 * further ones are dropped like duplicated From fields); incoming {@code X-Masq-*} and {@code X-Spam-*} fields are dropped, since
 * anyone can forge them, and so are read-receipt requests,
 * which would have the inbox write to the sender directly. Every other field and the rest of the body are
 * copied byte for byte (the original's DKIM signature no longer verifies once a warning is in; the copy is
 * signed by masq anyway). Where a body follows the header section without a blank line (a message with
 * no header fields at all, a line that is no field), ours goes before it.
 */
final class ForwardRewriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Set<String> DROPPED = Set.of("disposition-notification-to", "return-receipt-to",
            "x-confirm-reading-to");

    /**
     * @param reverseAddresses the reverse alias address of every contact in {@code senders}
     */
    byte[] rewrite(HeaderBlock headers, Senders senders, String traceHeader, String aliasAddress,
                   Map<String, String> reverseAddresses, VerdictHeaders.Decoration verdict) {
        byte[] message = headers.message();
        String from = mailboxes(senders.author() == null ? List.of() : List.of(senders.author()), aliasAddress,
                reverseAddresses);
        String replyTo = mailboxes(senders.replyTo(), aliasAddress, reverseAddresses);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 1024);
        write(out, traceHeader);
        write(out, field("X-Masq-Alias", aliasAddress));
        for (VerdictHeaders.Field f : verdict.add()) {
            write(out, field(f.name(), f.value()));
        }
        if (verdict.subjectPrefix().isPresent() && headers.first("Subject") == null) {
            write(out, field("Subject", verdict.subjectPrefix().get().strip()));
        }
        if (headers.first("From") == null) {
            write(out, field("From", from));
        }
        if (headers.first("Reply-To") == null) {
            write(out, field("Reply-To", replyTo));
        }
        boolean fromDone = false;
        boolean replyToDone = false;
        boolean subjectDone = false;
        boolean ccDone = false;
        boolean unsubscribeDone = false;
        for (HeaderBlock.Field f : headers.fields()) {
            if (f.is("From")) {
                // Only the first of duplicated fields is replaced; the others would leak the original address.
                if (!fromDone) {
                    write(out, field("From", from));
                    fromDone = true;
                }
            } else if (f.is("Reply-To")) {
                if (!replyToDone) {
                    write(out, field("Reply-To", replyTo));
                    replyToDone = true;
                }
            } else if (f.is("Subject") && !subjectDone && verdict.subjectPrefix().isPresent()) {
                // The tag goes in front of the original value, which stays byte for byte (encoded words included).
                write(out, "Subject: " + verdict.subjectPrefix().get());
                int value = f.valueStart();
                while (value < f.end() && (message[value] == ' ' || message[value] == '\t')) {
                    value++;
                }
                out.write(message, value, f.end() - value);
                subjectDone = true;
            } else if (f.is("Cc") && !ccDone && senders.cc().stream().anyMatch(c -> reverseAddresses.containsKey(c.address()))) {
                write(out, field("Cc", copies(senders.cc(), reverseAddresses)));
                ccDone = true;
            } else if (f.is(ListUnsubscribe.NAME)) {
                if (!unsubscribeDone) {
                    byte[] value = headers.value(f);
                    if (ListUnsubscribe.hasMailto(value)) {
                        ListUnsubscribe.rewrite(value, reverseAddresses).ifPresent(field -> write(out, field));
                    } else {
                        out.write(message, f.start(), f.end() - f.start());
                    }
                    unsubscribeDone = true;
                }
            } else if (kept(f)) {
                out.write(message, f.start(), f.end() - f.start());
            }
        }
        // The header section ends at a line that is no field too: the blank line before the body is ours
        // then, or each next parser decides for itself whether that line and what follows are header.
        boolean bodyFollows = headers.isEmpty() || headers.bodyStart() < message.length;
        if (bodyFollows && !startsWithBlankLine(message, headers.bodyStart())) {
            out.writeBytes(CRLF);
        }
        // The warning goes into the text parts only: the header section above is the one already written.
        byte[] body = verdict.bodyWarning().isEmpty() ? message : WarningBlock.insert(message, verdict.bodyWarning());
        out.write(body, headers.bodyStart(), body.length - headers.bodyStart());
        return out.toByteArray();
    }

    private static boolean kept(HeaderBlock.Field f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        return !VerdictHeaders.isUntrustedUpstream(name) && !DROPPED.contains(name);
    }

    private static String mailboxes(List<NamedAddress> who, String aliasAddress, Map<String, String> reverseAddresses) {
        if (who.isEmpty()) {
            return ContactMailbox.unknown(aliasAddress);
        }
        StringBuilder sb = new StringBuilder();
        for (NamedAddress c : who) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(ContactMailbox.format(c, reverseAddresses.get(c.address())));
        }
        return sb.toString();
    }

    /** The Cc list with each outside contact behind its reverse alias; our own addresses stay as they are. */
    private static String copies(List<NamedAddress> cc, Map<String, String> reverseAddresses) {
        StringBuilder sb = new StringBuilder();
        for (NamedAddress c : cc) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            String reverse = reverseAddresses.get(c.address());
            sb.append(reverse != null ? ContactMailbox.format(c, reverse) : "<" + c.address() + ">");
        }
        return sb.toString();
    }

    private static String field(String name, String value) {
        return name + ": " + MimeUtil.fold(value, name.length() + 2) + "\r\n";
    }

    private static boolean startsWithBlankLine(byte[] m, int at) {
        return m.length >= at + 2 && m[at] == '\r' && m[at + 1] == '\n';
    }

    private static void write(ByteArrayOutputStream out, String s) {
        // Everything we write is ASCII: names are RFC 2047-encoded by mime4j.
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
