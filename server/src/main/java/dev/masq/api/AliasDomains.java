package dev.masq.api;

import java.util.List;

/**
 * The domains a user may make aliases on, as the SimpleLogin and addy.io dialects offer them. One method on
 * purpose: when users' own verified domains join the server's, only {@link #of} changes.
 */
public record AliasDomains(List<String> serverDomains) {
    public AliasDomains {
        serverDomains = List.copyOf(serverDomains);
    }

    /** The server's alias domains, the default (first) one first. */
    public List<String> of(String userId) {
        return serverDomains;
    }
}
