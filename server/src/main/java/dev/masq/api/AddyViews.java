package dev.masq.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import java.time.Instant;
import java.util.List;

/**
 * addy.io's JSON shapes as its browser extension, apps and Bitwarden's generator read them: everything inside
 * {@code data}, lists paged the way Laravel pages them. addy.io's recipients are masq's inboxes; its deleted
 * aliases are masq's burned ones (they refuse mail and stay listed), its inactive ones masq's paused.
 */
final class AddyViews {
    private AddyViews() {
    }

    record One<T>(T data) {
    }

    /**
     * {@code email} is the address; the extension rebuilds it from {@code local_part} and {@code domain} (masq keeps
     * no {@code extension}). {@code from_name} is the display name.
     */
    record AddyAlias(String id, String userId, String localPart, String extension, String domain, String email,
                     boolean active, String description, String fromName, long emailsForwarded, long emailsBlocked,
                     long emailsReplied, long emailsSent, List<Recipient> recipients, boolean pinned, Instant createdAt,
                     Instant deletedAt) {
        static AddyAlias of(Alias a, List<Mailbox> inboxes) {
            int at = a.address().lastIndexOf('@');
            return new AddyAlias(a.id(), a.userId(), a.address().substring(0, at), null, a.address().substring(at + 1),
                    a.address(), a.state() == AliasState.ACTIVE, a.note(), a.displayName(), a.forwarded(), a.blocked(),
                    a.replied(), a.sent(), inboxes.stream().map(Recipient::of).toList(), false, a.createdAt(), a.burnedAt());
        }
    }

    /** An inbox; masq sends replies from every confirmed one and encrypts none. */
    record Recipient(String id, String userId, String email, boolean canReplySend, boolean shouldEncrypt,
                     boolean inlineEncryption, boolean protectedHeaders, String fingerprint) {
        static Recipient of(Mailbox m) {
            return new Recipient(m.id(), m.userId(), m.address(), m.verified(), false, false, false, null);
        }
    }

    /** Laravel's paginated collection, as {@code filter[...]}/{@code page[...]} clients read it. */
    record Page(List<AddyAlias> data, Links links, Meta meta) {
    }

    record Links(String first, String last, String prev, String next) {
    }

    record Meta(int currentPage, Integer from, int lastPage, String path, int perPage, Integer to, int total) {
    }

    /** The extension reads these two keys in camelCase, as addy.io writes them. */
    record DomainOptions(List<String> data, @JsonProperty("defaultAliasDomain") String defaultAliasDomain,
                         @JsonProperty("defaultAliasFormat") String defaultAliasFormat) {
    }

    /** The account as addy.io describes it; masq has no username, so the login inbox stands in for it. */
    record Account(String id, String username, String defaultRecipientId, String defaultAliasDomain,
                   String defaultAliasFormat, int recipientCount) {
    }
}
