package dev.masq.senderauth;

/**
 * DMARC (RFC 7489) for the header From domain. {@code UNKNOWN} stands for a temporary DNS failure
 * somewhere on the way: it must never be read as a failure.
 *
 * @param policy the domain owner's requested policy ({@code none}, {@code quarantine}, {@code reject});
 *               null when the domain publishes none
 */
public record DmarcResult(Status status, String policy) {
    public enum Status { PASS, FAIL, NONE, UNKNOWN }

    static DmarcResult unknown() {
        return new DmarcResult(Status.UNKNOWN, null);
    }
}
