package dev.masq.mail.forward;

import dev.masq.mail.EmailAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a message says it is from and where it says replies go, parsed once per message. A message
 * without a usable From is attributed to its envelope sender; without a usable Reply-To, replies go
 * to whoever it is from.
 */
record Senders(List<Correspondent> from, List<Correspondent> replyTo) {

    static Senders of(HeaderBlock headers, String envelopeSender) {
        List<Correspondent> from = parse(headers, "From");
        if (from.isEmpty()) {
            from = EmailAddress.parse(envelopeSender)
                    .map(a -> List.of(new Correspondent(null, a.toString())))
                    .orElse(List.of());
        }
        List<Correspondent> replyTo = parse(headers, "Reply-To");
        return new Senders(from, replyTo.isEmpty() ? from : replyTo);
    }

    private static List<Correspondent> parse(HeaderBlock headers, String name) {
        HeaderBlock.Field field = headers.first(name);
        return field == null ? List.of() : Correspondents.parse(headers.value(field));
    }

    /** The author: the first From mailbox, or null if the message names no one. */
    Correspondent author() {
        return from.isEmpty() ? null : from.getFirst();
    }

    /** Every address that needs a reverse alias. */
    Set<String> addresses() {
        Set<String> all = new LinkedHashSet<>();
        from.forEach(c -> all.add(c.address()));
        replyTo.forEach(c -> all.add(c.address()));
        return all;
    }
}
