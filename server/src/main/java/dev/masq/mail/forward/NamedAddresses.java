package dev.masq.mail.forward;

import dev.masq.senderauth.Domains;
import dev.masq.mail.AddressField;
import dev.masq.mail.EmailAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the mailboxes out of an address field (From, Reply-To), raw UTF-8 included. */
final class NamedAddresses {
    private static final Logger log = LoggerFactory.getLogger(NamedAddresses.class);
    // Each contact costs a reverse alias row: a field listing thousands must not create thousands.
    private static final int MAX_PER_FIELD = 10;

    private NamedAddresses() {
    }

    /** The valid mailboxes of a raw field value (groups flattened, duplicates and junk dropped). */
    static List<NamedAddress> parse(byte[] rawValue) {
        List<NamedAddress> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            for (Mailbox m : AddressField.mailboxes(rawValue)) {
                if (out.size() == MAX_PER_FIELD) {
                    break;
                }
                if (m.getDomain() == null) {
                    continue;
                }
                // An internationalised domain is kept in its A-label form, the one leak detection compares.
                EmailAddress.parseInternational(m.getLocalPart() + "@" + Domains.normalize(m.getDomain()).orElse(m.getDomain()))
                        .filter(a -> seen.add(a.toString()))
                        .ifPresent(a -> out.add(new NamedAddress(m.getName(), a.toString())));
            }
        } catch (RuntimeException e) {
            // A field mime4j chokes on is treated as naming no one; the message is still forwarded.
            log.debug("unparseable address field: {}", e.toString());
        }
        return out;
    }
}
