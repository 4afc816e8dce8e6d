package dev.masq.portability;

import dev.masq.alias.AliasState;
import java.util.List;

/**
 * One alias as an import file describes it. What a format does not carry is empty (lists) or null: SimpleLogin's CSV
 * has notes, enabled and mailboxes; addy.io's has descriptions, active, deleted and from names; masq's has everything.
 *
 * @param inboxes    addresses of the inboxes it forwarded to there; matched against the owner's confirmed inboxes here
 * @param vendorOnly null when the format has no such setting
 */
record ImportEntry(String address, AliasState state, String vendor, List<String> vendorDomains, String note,
                   String displayName, List<String> inboxes, Boolean vendorOnly, List<String> allowedDomains,
                   List<SenderBlock> blocks, List<Contact> contacts) {

    static ImportEntry of(String address, AliasState state, String note, String displayName, List<String> inboxes) {
        return new ImportEntry(address, state, null, List.of(), note, displayName, inboxes, null, List.of(), List.of(), List.of());
    }

    /** A blocked sender: an address or a domain. */
    record SenderBlock(String address, String domain) {
    }

    /** Someone the owner writes to through the alias. */
    record Contact(String address, boolean blocked) {
    }
}
