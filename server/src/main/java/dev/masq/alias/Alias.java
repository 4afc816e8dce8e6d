package dev.masq.alias;

import java.time.Instant;
import java.util.List;

public record Alias(
        String id,
        String userId,
        String address,
        String vendor,
        List<VendorDomain> vendorDomains,
        String note,
        AliasState state,
        Instant createdAt,
        long forwarded,
        long blocked,
        Instant lastReceivedAt,
        Instant burnedAt,
        String burnReason,
        String replacedBy,
        String displayName,
        long replied,
        long sent) {

    /** A new alias: no display name, nothing replied or sent yet. */
    public Alias(String id, String userId, String address, String vendor, List<VendorDomain> vendorDomains, String note,
                 AliasState state, Instant createdAt, long forwarded, long blocked, Instant lastReceivedAt,
                 Instant burnedAt, String burnReason, String replacedBy) {
        this(id, userId, address, vendor, vendorDomains, note, state, createdAt, forwarded, blocked, lastReceivedAt,
                burnedAt, burnReason, replacedBy, null, 0, 0);
    }

    public record VendorDomain(String domain, boolean learned) {
    }
}
