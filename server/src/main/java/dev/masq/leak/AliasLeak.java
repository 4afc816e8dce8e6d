package dev.masq.leak;

import java.time.Instant;
import java.util.List;

/**
 * The leak status of one alias with its evidence.
 *
 * @param vendor         the vendor's label, or its first domain when it has no label; null if neither
 * @param since          first foreign message or spam report; null while clean
 * @param leakedAt       when it last became leaked; null unless leaked
 * @param foreignDomains most recently seen first
 */
public record AliasLeak(String aliasId, String address, String vendor, List<String> vendorDomains, LeakStatus status,
                        Instant since, Instant leakedAt, int spamReports, List<ForeignDomain> foreignDomains) {
    public AliasLeak {
        vendorDomains = List.copyOf(vendorDomains);
        foreignDomains = List.copyOf(foreignDomains);
    }
}
