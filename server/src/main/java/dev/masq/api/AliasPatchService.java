package dev.masq.api;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.AliasService;
import dev.masq.block.SenderBlocks;
import dev.masq.db.Database;
import dev.masq.leak.LeakService;
import java.util.List;
import java.util.Optional;

/**
 * One PATCH of an alias: its own fields and its sender settings change together or not at all. The three
 * services each write in their own transaction; called inside this one's, they join it, so a field refused
 * halfway rolls back the fields before it.
 */
public record AliasPatchService(Database db, AliasService aliases, LeakService leaks, SenderBlocks blocks,
                                AliasInboxes inboxes) {
    /** An empty Optional leaves that setting as it is. */
    public record Change(AliasPatch fields, Optional<List<String>> allowedDomains, Optional<Boolean> vendorOnly,
                         Optional<List<String>> inboxIds) {
    }

    public Alias apply(String userId, String aliasId, Change change) {
        return db.write(tx -> {
            change.allowedDomains().ifPresent(domains -> leaks.setAllowedDomains(userId, aliasId, domains));
            Alias updated = aliases.update(userId, aliasId, change.fields());
            change.vendorOnly().ifPresent(on -> blocks.setVendorOnly(userId, aliasId, on));
            change.inboxIds().ifPresent(ids -> inboxes.chooseByIds(userId, aliasId, ids, "inbox_ids"));
            return updated;
        });
    }
}
