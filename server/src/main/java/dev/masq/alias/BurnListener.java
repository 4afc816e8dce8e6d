package dev.masq.alias;

import java.time.Instant;
import org.jooq.DSLContext;

/** Told of every burn inside the burn's transaction, so that what it records commits with the burn. */
@FunctionalInterface
public interface BurnListener {
    /** @param replacement the successor, or null when burned without one */
    void burned(DSLContext tx, Alias burned, Alias replacement, Instant at);
}
