package dev.masq.alias;

import dev.masq.db.Database;
import java.time.Clock;
import java.util.List;
import dev.masq.account.CredentialRepository;

/** Deletes an account with everything it owns, in one transaction; its alias addresses are tombstoned so none is ever reissued. */
public record AccountDeletion(Database db, AliasRepository aliases, CredentialRepository credentials, Clock clock) {
    public void delete(String userId) {
        db.writeVoid(ctx -> {
            List<Alias> all = aliases.list(ctx, userId, new AliasQuery(null, null, null, Integer.MAX_VALUE), null);
            for (Alias a : all) {
                aliases.deleteWithTombstone(ctx, a.id(), a.address(), clock.instant());
            }
            // Sessions, keys, inboxes, passkeys and codes go with the user row (ON DELETE CASCADE).
            credentials.deleteUser(ctx, userId);
        });
    }
}
