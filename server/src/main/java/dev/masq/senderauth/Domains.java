package dev.masq.senderauth;

import com.google.common.net.InternetDomainName;
import dev.masq.common.RegistrableDomains;
import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Domain names as leak detection compares them: ASCII (punycode), lower case, by registrable domain. */
public final class Domains {
    // Mail comes in runs from a few domains, and each message asks these pure functions of a name
    // several times (SPF, DMARC alignment, the verdict, blocks): answers are kept, up to a bound.
    private static final int MAX_KEPT = 10_000;
    private static final Map<String, Optional<String>> NORMALIZED = new ConcurrentHashMap<>();
    private static final Map<String, String> REGISTRABLE = new ConcurrentHashMap<>();

    private Domains() {
    }

    /** {@code Mail.ÖBB.at.} → {@code mail.xn--bb-eka.at}; empty when it is no domain name at all. */
    public static Optional<String> normalize(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        Optional<String> kept = NORMALIZED.get(domain);
        return kept != null ? kept : keep(NORMALIZED, domain, normalizeOnce(domain));
    }

    private static Optional<String> normalizeOnce(String domain) {
        String d = domain.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            String ascii = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() || !InternetDomainName.isValid(ascii) ? Optional.empty() : Optional.of(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The registrable domain by the Public Suffix List ({@code news.bbc.co.uk} → {@code bbc.co.uk}),
     * DMARC's "organizational domain". Under no listed suffix the list's default rule applies
     * ({@code mail.vendor.internal} → {@code vendor.internal}); a suffix or a single label stands for itself.
     */
    public static String registrable(String asciiDomain) {
        String kept = REGISTRABLE.get(asciiDomain);
        if (kept != null) {
            return kept;
        }
        return keep(REGISTRABLE, asciiDomain, RegistrableDomains.of(InternetDomainName.from(asciiDomain)).orElse(asciiDomain));
    }

    private static <V> V keep(Map<String, V> answers, String name, V answer) {
        if (answers.size() >= MAX_KEPT) {
            answers.clear();
        }
        answers.put(name, answer);
        return answer;
    }

    /** The registrable domain without its public suffix: {@code bbc.co.uk} → {@code bbc}. */
    public static String label(String registrableDomain) {
        String head = withoutSuffix(registrableDomain);
        return head.substring(head.lastIndexOf('.') + 1);
    }

    /**
     * The part of a host name before its public suffix: {@code mail.openai-billing.co.uk} →
     * {@code mail.openai-billing}. Under no known suffix, the last label is taken for one.
     */
    public static String withoutSuffix(String asciiDomain) {
        InternetDomainName name = InternetDomainName.from(asciiDomain);
        int suffixLength = name.hasPublicSuffix() && !name.isPublicSuffix()
                ? name.publicSuffix().toString().length()
                : asciiDomain.length() - asciiDomain.lastIndexOf('.') - 1;
        return suffixLength >= asciiDomain.length() ? asciiDomain : asciiDomain.substring(0, asciiDomain.length() - suffixLength - 1);
    }
}
