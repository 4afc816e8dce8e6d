package dev.masq.mail.forward;

import dev.masq.alias.AliasRoute;
import dev.masq.leak.Verdict;
import dev.masq.outbox.DeliveryQueue;
import java.time.Instant;
import java.util.List;

/**
 * What storing a message writes for one of its recipients, decided and built before the write (the
 * copy rewritten, signed and encrypted on the session's thread), so that the writer only stores rows.
 */
sealed interface PreparedCopy {

    /** The alias the copy is for; null for none. */
    default AliasRoute route() {
        return null;
    }

    /** The verdict to record for the alias, even when its copy is refused or dropped; null when none was taken. */
    default Verdict verdict() {
        return null;
    }

    /** The alias's copy, one row per verified inbox, with the contacts' new reverse aliases it names. */
    record Forward(AliasRoute route, Verdict verdict, String author, List<ContactRepository.Prepared> newContacts,
                   List<Row> rows) implements PreparedCopy {
    }

    /**
     * A message the alias took but does not forward, counted and said why in its event log. {@code refused}:
     * the alias refuses its author, which the sender may be told.
     */
    record Blocked(AliasRoute route, Verdict verdict, String author, String why, boolean refused,
                   List<ContactRepository.Prepared> newContacts) implements PreparedCopy {
    }

    /** A copy for the operator's inbox. */
    record Operator(DeliveryQueue.Sealed row) implements PreparedCopy {
    }

    /** A bounce to the envelope sender of one of our aliases, recorded in its event log. */
    record Bounce(String aliasId, String sender, String reason) implements PreparedCopy {
    }

    /** Nothing to store (why is logged where it was decided). */
    record Dropped() implements PreparedCopy {
    }

    /** One delivery row, leased until {@code lease} when a sender takes it straight from memory (null: left to the queue). */
    record Row(DeliveryQueue.Sealed sealed, Instant lease) {
    }
}
