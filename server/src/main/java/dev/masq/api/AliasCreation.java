package dev.masq.api;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasService;
import dev.masq.alias.NewAlias;
import dev.masq.db.Database;
import java.util.List;

/**
 * An alias created with the inboxes it forwards to, in one transaction: an inbox refused leaves no alias behind
 * that would forward to the default instead.
 */
record AliasCreation(Database db, AliasService aliases, AliasInboxes inboxes) {

    /** {@code inboxIds} null: the owner's default inbox. */
    Alias create(String userId, NewAlias request, List<String> inboxIds) {
        if (inboxIds == null) {
            return aliases.create(userId, request);
        }
        return db.write(tx -> {
            Alias alias = aliases.create(userId, request);
            inboxes.chooseByIds(userId, alias.id(), inboxIds, "inbox_ids");
            return alias;
        });
    }
}
