package dev.masq.common;

import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Optional;

/**
 * The registrable domain of a host name by the Public Suffix List, its default rule included. Guava
 * knows only the listed suffixes; the list's algorithm says a name under none of them falls under the
 * rule {@code *}, so that an unlisted or private top-level domain ({@code .test}, {@code .internal})
 * works like any other.
 */
public final class RegistrableDomains {
    private RegistrableDomains() {
    }

    /**
     * {@code news.bbc.co.uk} → {@code bbc.co.uk}; {@code a.b.vendor.internal} → {@code vendor.internal}
     * (default rule: the last label is the suffix). Empty for a public suffix itself and for a single label.
     */
    public static Optional<String> of(InternetDomainName name) {
        if (name.isUnderPublicSuffix()) {
            return Optional.of(name.topPrivateDomain().toString());
        }
        List<String> parts = name.parts();
        if (name.hasPublicSuffix() || parts.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(parts.get(parts.size() - 2) + "." + parts.getLast());
    }
}
