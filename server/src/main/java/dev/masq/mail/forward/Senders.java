package dev.masq.mail.forward;

import dev.masq.mail.EmailAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who wrote a message, where it says replies go, who else it was copied to, and where its
 * {@code List-Unsubscribe} mailto URIs write to, parsed once per message. The author is the
 * first From mailbox, else the envelope sender, else no one; without a usable Reply-To, replies go
 * to the author.
 */
record Senders(NamedAddress author, List<NamedAddress> replyTo, List<NamedAddress> cc, List<String> unsubscribe) {

    static Senders of(HeaderBlock headers, String envelopeSender) {
        List<NamedAddress> from = parse(headers, "From");
        NamedAddress author = !from.isEmpty() ? from.getFirst()
                : EmailAddress.parseInternational(envelopeSender).map(a -> new NamedAddress(null, a.toString())).orElse(null);
        List<NamedAddress> replyTo = parse(headers, "Reply-To");
        if (replyTo.isEmpty()) {
            replyTo = author == null ? List.of() : List.of(author);
        }
        HeaderBlock.Field unsubscribe = headers.first(ListUnsubscribe.NAME);
        return new Senders(author, replyTo, parse(headers, "Cc"),
                unsubscribe == null ? List.of() : ListUnsubscribe.addresses(headers.value(unsubscribe)));
    }

    private static List<NamedAddress> parse(HeaderBlock headers, String name) {
        HeaderBlock.Field field = headers.first(name);
        return field == null ? List.of() : NamedAddresses.parse(headers.value(field));
    }

    /** Every address that needs a reverse alias. */
    Set<String> addresses() {
        Set<String> all = new LinkedHashSet<>();
        if (author != null) {
            all.add(author.address());
        }
        replyTo.forEach(c -> all.add(c.address()));
        // Reply-all from the inbox must reach them through masq too, or it would go out from the real inbox.
        cc.forEach(c -> all.add(c.address()));
        // An unsubscribe the inbox's client sends by mail must leave through masq as the alias too.
        all.addAll(unsubscribe);
        return all;
    }
}
