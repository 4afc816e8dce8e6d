package dev.masq.api;

import dev.masq.domain.DomainService;
import java.util.ArrayList;
import java.util.List;

/**
 * The domains a user may make aliases on, as the SimpleLogin and addy.io dialects offer them: the server's alias
 * domains, the default (first) one first, then the user's own verified domains and subdomains.
 */
public record AliasDomains(List<String> serverDomains, DomainService userDomains) {
    public AliasDomains {
        serverDomains = List.copyOf(serverDomains);
    }

    public List<String> of(String userId) {
        List<String> all = new ArrayList<>(serverDomains);
        all.addAll(userDomains.verifiedDomains(userId));
        return all;
    }
}
