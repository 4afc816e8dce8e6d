package dev.masq.leak;

import java.time.Instant;
import java.util.List;

/**
 * The leak status of one alias with its evidence.
 *
 * @param vendor         the vendor's label, or its first domain when it has no label; null if neither
 * @param since          first foreign message or spam report; null while clean
 * @param leakedAt       when it last became leaked; null unless leaked
 * @param spamReports    messages reported as spam that were not the vendor's own: they count toward the status
 * @param vendorSpam     the vendor's own messages reported as spam: the vendor spamming, not a leak
 * @param foreignDomains most recently seen first
 * @param afterBurn      mail refused since the alias was burned
 */
public record AliasLeak(String aliasId, String address, String vendor, List<String> vendorDomains, LeakStatus status,
                        Instant since, Instant leakedAt, int spamReports, int vendorSpam, List<ForeignDomain> foreignDomains,
                        AfterBurn afterBurn) {
    public AliasLeak {
        vendorDomains = List.copyOf(vendorDomains);
        foreignDomains = List.copyOf(foreignDomains);
    }
}
