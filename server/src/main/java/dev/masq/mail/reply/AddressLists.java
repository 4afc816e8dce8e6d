package dev.masq.mail.reply;

import dev.masq.mail.AddressField;
import dev.masq.mail.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;

/**
 * Rewrites a To or Cc field of an outgoing message: reverse aliases become their contacts, the
 * owner's inboxes the alias. The display name masq gave a reverse alias ({@code "Jane - jane at
 * vendor.com"}) goes back to what the contact called themselves.
 */
final class AddressLists {
    private AddressLists() {
    }

    /** The new field value; empty when no usable mailbox is left. */
    static String rewrite(String value, Swaps swaps) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // mime4j's message builder decoded the field as UTF-8 already; its string parser would cut it short.
        for (Mailbox m : AddressField.mailboxes(value.getBytes(StandardCharsets.UTF_8))) {
            Optional<EmailAddress> parsed = m.getDomain() == null ? Optional.empty()
                    : EmailAddress.parseInternational(m.getLocalPart() + "@" + m.getDomain());
            if (parsed.isEmpty()) {
                continue;
            }
            String original = parsed.get().toString();
            Optional<String> contactAddress = swaps.contactBehind(original);
            String address = contactAddress.orElseGet(() -> swaps.address(original));
            if (!seen.add(address)) {
                continue;
            }
            String name = m.getName() == null ? "" : swaps.apply(m.getName()).strip();
            if (contactAddress.isPresent()) {
                name = withoutShownAddress(name, contactAddress.get());
            }
            out.add(name.isEmpty() ? "<" + address + ">" : EncoderUtil.encodeAddressDisplayName(name) + " <" + address + ">");
        }
        return String.join(", ", out);
    }

    /** Undoes {@code ReverseMailbox}: "Jane - jane at vendor.com" is Jane, "jane at vendor.com" is no name. */
    private static String withoutShownAddress(String name, String contactAddress) {
        String shown = contactAddress.replace("@", " at ");
        if (name.equalsIgnoreCase(shown)) {
            return "";
        }
        String suffix = " - " + shown;
        return name.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))
                ? name.substring(0, name.length() - suffix.length()).strip() : name;
    }
}
