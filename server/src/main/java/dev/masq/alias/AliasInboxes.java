package dev.masq.alias;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.db.Database;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Which of its owner's confirmed inboxes each alias forwards to. Removing an inbox lives here too: the
 * aliases that forwarded only there must first be pointed at the default, so that none goes silent.
 */
public record AliasInboxes(Database db, AccountRepository accounts, AliasRepository aliases, AliasMailboxRepository aliasMailboxes) {
    public Set<String> of(String userId, String aliasId) {
        return db.read(ctx -> {
            aliases.find(ctx, userId, aliasId).orElseThrow(() -> new NotFoundException("no alias " + aliasId));
            return new LinkedHashSet<>(aliases.mailboxIds(ctx, aliasId));
        });
    }

    /** The inboxes each of {@code aliasIds} forwards to, counting only aliases of {@code userId}. */
    public Map<String, List<String>> ofAll(String userId, List<String> aliasIds) {
        return db.read(ctx -> aliasMailboxes.of(ctx, userId, aliasIds));
    }

    /** Chooses which verified inboxes an alias forwards to; at least one. */
    public void choose(String userId, String aliasId, List<String> mailboxIds) {
        replace(userId, aliasId, mailboxIds, "inboxes", false);
    }

    /**
     * As {@link #choose}, for a client that names inboxes by id ({@code field} in its request): an id that is not one
     * of the owner's inboxes is invalid input in that field, not a missing page.
     */
    public void chooseByIds(String userId, String aliasId, List<String> mailboxIds, String field) {
        replace(userId, aliasId, mailboxIds, field, true);
    }

    private void replace(String userId, String aliasId, List<String> mailboxIds, String field, boolean unknownIsInvalid) {
        Set<String> chosen = new LinkedHashSet<>(mailboxIds);
        if (chosen.isEmpty()) {
            throw new InvalidInputException(field, "choose at least one inbox");
        }
        db.writeVoid(ctx -> {
            aliases.find(ctx, userId, aliasId).orElseThrow(() -> new NotFoundException("no alias " + aliasId));
            for (String id : chosen) {
                Mailbox mailbox = unknownIsInvalid
                        ? accounts.mailbox(ctx, userId, id).orElseThrow(() -> new InvalidInputException(field, "no inbox " + id + " of yours"))
                        : own(ctx, userId, id);
                if (!mailbox.verified()) {
                    throw new InvalidInputException(field, "only confirmed inboxes can receive mail");
                }
            }
            aliasMailboxes.replace(ctx, aliasId, chosen);
        });
    }

    /** Removes an inbox other than the default; aliases that forwarded only there fall back to the default. */
    public void removeInbox(String userId, String mailboxId) {
        db.writeVoid(ctx -> {
            Mailbox mailbox = own(ctx, userId, mailboxId);
            if (mailbox.isDefault()) {
                throw new InvalidInputException("inbox", "the default inbox cannot be removed; make another one the default first");
            }
            Mailbox fallback = accounts.defaultMailbox(ctx, userId).orElseThrow();
            aliasMailboxes.keepForwarding(ctx, mailboxId, fallback.id());
            accounts.deleteMailbox(ctx, mailboxId);
        });
    }

    private Mailbox own(DSLContext ctx, String userId, String mailboxId) {
        return accounts.mailbox(ctx, userId, mailboxId).orElseThrow(() -> new NotFoundException("no inbox " + mailboxId));
    }
}
