package dev.masq.domain;

import java.time.Instant;

/**
 * A domain a user receives mail on besides the operator's: one they brought ({@code subdomain} false) or a
 * subdomain of ours they claimed. The DKIM selector and public key are null for a subdomain.
 */
public record Domain(String id, String userId, String name, boolean subdomain, DomainStatus status, boolean catchAll,
                     String ownershipToken, String dkimSelector, String dkimPublicKey, Instant createdAt,
                     Instant verifiedAt, Instant failingSince, boolean failureNoticed) {

    /** Mail is taken only on a verified domain: pending and suspended ones are refused as any foreign domain. */
    public boolean receives() {
        return status == DomainStatus.VERIFIED;
    }
}
