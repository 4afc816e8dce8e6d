package dev.masq.leak;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Domain names as leak detection compares them: ASCII (punycode), lower case, by registrable domain. */
public final class Domains {
    private Domains() {
    }

    /** {@code Mail.ÖBB.at.} → {@code mail.xn--bb-eka.at}; empty when it is no domain name at all. */
    public static Optional<String> normalize(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
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
     * DMARC's "organizational domain". A name under no known suffix stands for itself.
     */
    public static String registrable(String asciiDomain) {
        InternetDomainName name = InternetDomainName.from(asciiDomain);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : asciiDomain;
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
