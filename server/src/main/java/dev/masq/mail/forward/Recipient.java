package dev.masq.mail.forward;

import dev.masq.alias.AliasRoute;

/** What an envelope recipient is to masq; the SMTP edge turns each into its answer at RCPT time. */
public sealed interface Recipient {

    /** Not one of our domains: masq relays for no one. */
    record Foreign() implements Recipient {
    }

    /** One of our domains, but nothing takes mail there: never issued, deleted, or a forged bounce address. */
    record Unknown() implements Recipient {
    }

    /** An alias its owner burned: answered as if it never existed, and counted as evidence of who still writes to it. */
    record Burned(String aliasId) implements Recipient {
    }

    /** An active alias whose owner blocked this sender. */
    record SenderBlocked(AliasRoute route) implements Recipient {
    }

    /** An alias that takes mail: forwarded when active, counted and dropped when paused. */
    record ToAlias(AliasRoute route) implements Recipient {
    }

    /**
     * A reverse alias: its owner writing to the contact behind it. {@code fromOwner}: the
     * envelope sender is one of the owner's verified inboxes, the only senders it takes mail from.
     */
    record ToReverseAlias(Contact contact, AliasRoute alias, boolean fromOwner) implements Recipient {
    }

    /**
     * {@code postmaster@} or {@code abuse@} one of our domains (RFC 5321 §4.5.1, RFC 2142), which no
     * alias may take: the inbox of the operator (the first admin).
     */
    record ToPostmaster(String inbox) implements Recipient {
    }

    /** A bounce coming back to the signed envelope sender we used when forwarding for this alias. */
    record Bounce(String aliasId) implements Recipient {
    }
}
