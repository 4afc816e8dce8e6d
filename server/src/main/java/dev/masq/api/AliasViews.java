package dev.masq.api;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasState;
import dev.masq.leak.AfterBurn;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.ForeignDomain;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the alias API (field names become snake_case on the wire). */
final class AliasViews {
    private AliasViews() {
    }

    /**
     * {@code vendor_only} refuses every sender outside {@code vendor_domains} and {@code allowed_domains}.
     * {@code vendor_domains} lists every domain the vendor mails from; {@code learned_domains} is the subset
     * masq learned from mail that arrived, as opposed to the ones the owner gave. {@code vendor_spam} counts
     * the vendor's own messages the owner reported as spam (they leave the leak status alone);
     * {@code after_burn} is null unless the alias is burned. {@code inbox_ids} are the owner's inboxes it forwards to.
     */
    record AliasView(String id, String address, String vendor, List<String> vendorDomains, List<String> learnedDomains,
                     String note, String state, Instant createdAt, long forwarded, long blocked, Instant lastReceivedAt,
                     String replacedBy, Instant burnedAt, String burnReason, LeakView leak, boolean vendorOnly,
                     List<String> allowedDomains, String displayName, long replied, long sent, int vendorSpam,
                     AfterBurn afterBurn, List<String> inboxIds) {
        static AliasView of(Alias a, AliasLeak leak, boolean vendorOnly, List<String> allowedDomains, List<String> inboxIds) {
            return new AliasView(a.id(), a.address(), a.vendor(),
                    a.vendorDomains().stream().map(Alias.VendorDomain::domain).toList(),
                    a.vendorDomains().stream().filter(Alias.VendorDomain::learned).map(Alias.VendorDomain::domain).toList(),
                    a.note(), a.state().wire(), a.createdAt(), a.forwarded(), a.blocked(), a.lastReceivedAt(),
                    a.replacedBy(), a.burnedAt(), a.burnReason(), LeakView.of(leak), vendorOnly, allowedDomains,
                    a.displayName(), a.replied(), a.sent(), leak.vendorSpam(),
                    a.state() == AliasState.BURNED ? leak.afterBurn() : null, inboxIds);
        }
    }

    record LeakView(String status, Instant since, List<String> foreignDomains) {
        static LeakView of(AliasLeak leak) {
            return new LeakView(leak.status().wire(), leak.since(),
                    leak.foreignDomains().stream().map(ForeignDomain::domain).toList());
        }
    }

    record EventView(String id, String kind, Instant createdAt, String sender, String senderDomain, String detail) {
        static EventView of(AliasEvent e) {
            return new EventView(e.id(), e.kind(), e.createdAt(), e.sender(), e.senderDomain(), e.detail());
        }
    }

    record Page<T>(List<T> data, String nextCursor) {
    }

    record Items<T>(List<T> data) {
    }

    record Burned(AliasView burned, AliasView replacement) {
    }
}
