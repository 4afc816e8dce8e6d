package dev.masq.api.jmap;

import dev.masq.alias.AliasState;

/**
 * Fastmail's four states against masq's three. {@code enabled} is active and {@code disabled} paused (Fastmail files
 * the mail in the trash, masq accepts and drops it, counting it as blocked); {@code deleted} is burned (both refuse the
 * mail). {@code pending} is Fastmail's "created but not yet used" state, which it deletes after a day: masq never
 * deletes an address on its own (mail to it would be lost), so a pending create makes an active alias, and masq answers
 * {@code enabled} for it from then on.
 */
enum MaskedEmailState {
    PENDING("pending"), ENABLED("enabled"), DISABLED("disabled"), DELETED("deleted");

    private final String wire;

    MaskedEmailState(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static MaskedEmailState of(AliasState state) {
        return switch (state) {
            case ACTIVE -> ENABLED;
            case PAUSED -> DISABLED;
            case BURNED -> DELETED;
        };
    }

    /** Null for a word that is not one of the four. */
    static MaskedEmailState fromWire(String wire) {
        for (MaskedEmailState s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
