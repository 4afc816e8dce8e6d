package dev.masq.mail;

import java.security.PrivateKey;
import java.util.Optional;

/** The DKIM keys of users' own domains, each of which signs only for its domain. */
public interface DomainKeys {
    DomainKeys NONE = domain -> Optional.empty();

    /** The key of {@code domain} itself, when it is a claimed domain of a user's with a key of its own. */
    Optional<Key> find(String domain);

    record Key(String selector, PrivateKey privateKey) {
    }
}
