package dev.masq.leak;

import java.util.Locale;

/** What a received message says about who has the alias. */
public enum VerdictKind {
    /** From the vendor's domain or one the person allowed, and not failing DMARC. */
    EXPECTED,
    /** Anyone else. */
    FOREIGN,
    /** Claims a vendor (or allowed) domain in From but fails DMARC. */
    SPOOF,
    /** Not the vendor's domain but imitating it. */
    LOOKALIKE,
    /** Not the vendor's, and SpamAssassin scores it over the threshold. */
    SPAM,
    /** Not the vendor's, yet it quotes an identifier the person gave the vendor (a canary). */
    PHISHING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the person should be warned before trusting the message. */
    public boolean isSuspicious() {
        return this == SPOOF || this == LOOKALIKE || this == PHISHING;
    }
}
