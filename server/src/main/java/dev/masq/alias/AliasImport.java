package dev.masq.alias;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates many aliases at once for an operator moving people over from another alias service. */
public final class AliasImport {
    private static final int BATCH = 5000;

    private final Database db;
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AddressGenerator generator;
    private final List<String> domains;
    private final Clock clock;

    public AliasImport(Database db, AliasRepository aliases, AccountRepository accounts, AddressGenerator generator,
                       List<String> domains, Clock clock) {
        this.db = db;
        this.aliases = aliases;
        this.accounts = accounts;
        this.generator = generator;
        this.domains = domains;
        this.clock = clock;
    }

    /**
     * Creates aliases with the given full addresses, in transactions of a few thousand. Returns how many
     * were created; addresses taken (or used before) are skipped.
     */
    public int importAddresses(String userId, List<String> addresses) {
        List<Alias> batch = new ArrayList<>();
        int created = 0;
        for (String raw : addresses) {
            String address = raw.strip().toLowerCase(Locale.ROOT);
            int at = address.lastIndexOf('@');
            if (at < 0 || !domains.contains(address.substring(at + 1))) {
                throw new InvalidInputException("address", "not an address on an alias domain: " + raw);
            }
            generator.custom(address.substring(0, at));
            batch.add(new Alias(Tokens.newId("al"), userId, address, null, List.of(), null, AliasState.ACTIVE,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), 0, 0, null, null, null, null));
            if (batch.size() == BATCH) {
                created += insertAll(userId, batch);
                batch.clear();
            }
        }
        return created + insertAll(userId, batch);
    }

    private int insertAll(String userId, List<Alias> batch) {
        return db.write(ctx -> {
            List<String> inboxes = accounts.defaultMailbox(ctx, userId).map(Mailbox::id).map(List::of).orElse(List.of());
            int n = 0;
            for (Alias alias : batch) {
                if (!aliases.addressTaken(ctx, alias.address())) {
                    aliases.insert(ctx, alias, inboxes);
                    n++;
                }
            }
            return n;
        });
    }
}
