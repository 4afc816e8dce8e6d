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
        String replacedBy) {

    public record VendorDomain(String domain, boolean learned) {
    }
}
