package dev.masq.mail.forward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.masq.leak.VerdictHeaders;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Builds the copy of a message that goes to an alias's inbox. On top: our trace header and
 * {@code X-Masq-Alias}, then the verdict's fields ({@code X-Masq-Verdict}, a warning) and its tag in
 * front of the Subject. {@code From} and {@code Reply-To} become reverse aliases, and so do outside
 * addresses in {@code Cc} and the mailto targets of {@code List-Unsubscribe} (its first field only;
 * further ones are dropped like duplicated From fields); incoming {@code X-Masq-*} and {@code X-Spam-*} fields are dropped, since
 * anyone can forge them, and so are read-receipt requests,
 * which would have the inbox write to the sender directly. Every other field and the whole body are
 * copied byte for byte. A message with no header fields at all gets ours and a blank line in front
 * of its original bytes.
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
        if (headers.isEmpty() && !startsWithBlankLine(message)) {
            out.writeBytes(CRLF);
        }
        out.write(message, headers.bodyStart(), message.length - headers.bodyStart());
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

    private static boolean startsWithBlankLine(byte[] m) {
        return m.length >= 2 && m[0] == '\r' && m[1] == '\n';
    }

    private static void write(ByteArrayOutputStream out, String s) {
        // Everything we write is ASCII: names are RFC 2047-encoded by mime4j.
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
