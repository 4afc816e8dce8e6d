package dev.masq.alias;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import dev.masq.common.InvalidInputException;
import dev.masq.common.RegistrableDomains;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a person typed as the vendor's site into its registrable domain (Public Suffix List, whose
 * default rule makes {@code shop.test} a site like {@code shop.com}).
 */
public final class VendorDomains {
    private VendorDomains() {
    }

    /** {@code https://platform.openai.com/login} → {@code openai.com}; {@code news.bbc.co.uk} → {@code bbc.co.uk}. */
    public static String registrableDomain(String field, String site) {
        return tryRegistrableDomain(site)
                .orElseThrow(() -> new InvalidInputException(field, "not a site or domain name: " + site));
    }

    public static Optional<String> tryRegistrableDomain(String site) {
        if (site == null || site.isBlank()) {
            return Optional.empty();
        }
        String host = hostOf(site.trim());
        // Guava refuses IP literals as names already (the last label may not start with a digit); IPv6 too.
        if (host == null || InetAddresses.isUriInetAddress(host) || !InternetDomainName.isValid(host)) {
            return Optional.empty();
        }
        return RegistrableDomains.of(InternetDomainName.from(host));
    }

    private static String hostOf(String site) {
        String s = site.contains("://") ? site : "http://" + site;
        try {
            URI uri = URI.create(s);
            String host = uri.getHost();
            if (host == null && uri.getAuthority() != null && !uri.getAuthority().chars().allMatch(c -> c < 0x80)) {
                // java.net.URI takes only ASCII host names: an IDN (mañana.com) is left as a registry-based authority.
                // An ASCII authority that is no host name (bad_label.test) stays refused.
                host = uri.getAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
            }
            // Compared in its A-label form, as every sender's domain is (xn--maana-pta.com).
            return host == null ? null
                    : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED | IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
