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
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Creates aliases with addresses given from elsewhere: many bare addresses at once for an operator moving people over
 * from another alias service, or one alias at a time with its labels and state, as an import file describes it.
 */
public final class AliasImport {
    private static final int BATCH = 5000;

    private final Database db;
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AddressGenerator generator;
    private final AliasEventRepository events;
    private final List<String> domains;
    private final Clock clock;

    public AliasImport(Database db, AliasRepository aliases, AliasEventRepository events, AccountRepository accounts,
                       AddressGenerator generator, List<String> domains, Clock clock) {
        this.db = db;
        this.aliases = aliases;
        this.events = events;
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

    /** One alias as an import file describes it; {@code mailboxIds} empty means the owner's default inbox. */
    public record Imported(String address, AliasState state, String vendor, List<String> vendorDomains, String note,
                           String displayName, List<String> mailboxIds, String source) {
    }

    /** The alias made, or why an address was not imported (in words for the person reading the summary). */
    public record Outcome(String aliasId, String refusal) {
        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }

    /**
     * Creates the alias inside the caller's transaction {@code tx}, or says why not: a domain this server does not serve,
     * a local part masq does not accept, an address already the owner's, or one taken (or used before) by anyone else.
     * Labels are checked as the API checks them; a refused label throws, rolling the caller's transaction back. A burned
     * alias is made active: the caller adds what belongs to it, then calls {@link #burnImported}.
     */
    public Outcome importOne(DSLContext tx, String userId, Imported request) {
        String address = request.address().strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Outcome.refused("not an email address");
        }
        String domain = address.substring(at + 1);
        if (!domains.contains(domain)) {
            return Outcome.refused("domain not served here: " + domain);
        }
        try {
            generator.custom(address.substring(0, at));
        } catch (InvalidInputException e) {
            return Outcome.refused("local part not accepted here: " + e.getMessage());
        }
        Optional<AliasRoute> existing = aliases.findRoute(tx, address);
        if (existing.isPresent() && existing.get().userId().equals(userId)) {
            return Outcome.refused("already in your account");
        }
        if (existing.isPresent() || aliases.addressTaken(tx, address)) {
            return Outcome.refused("address taken, or used before, on this server");
        }
        List<Alias.VendorDomain> vendorDomains = new ArrayList<>();
        for (String d : request.vendorDomains()) {
            VendorDomains.tryRegistrableDomain(d).filter(r -> vendorDomains.stream().noneMatch(v -> v.domain().equals(r)))
                    .ifPresent(r -> vendorDomains.add(new Alias.VendorDomain(r, false)));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Alias alias = new Alias(Tokens.newId("al"), userId, address, Labels.text("vendor", request.vendor(), Labels.MAX_LABEL),
                vendorDomains, Labels.text("note", request.note(), Labels.MAX_NOTE),
                request.state() == AliasState.PAUSED ? AliasState.PAUSED : AliasState.ACTIVE, now, 0, 0, null, null, null, null);
        List<String> inboxes = request.mailboxIds().isEmpty()
                ? accounts.defaultMailbox(tx, userId).map(Mailbox::id).map(List::of).orElse(List.of())
                : request.mailboxIds();
        aliases.insert(tx, alias, inboxes);
        String displayName = Labels.displayName(request.displayName());
        if (displayName != null) {
            aliases.setDisplayName(tx, alias.id(), displayName);
        }
        events.record(tx, alias.id(), "created", null, "imported from " + request.source(), now);
        return new Outcome(alias.id(), null);
    }

    /** Burned where it came from: it keeps refusing mail here, and its address is never given out again. */
    public void burnImported(DSLContext tx, String aliasId) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        aliases.burn(tx, aliasId, now, "burned before the import", null);
        events.record(tx, aliasId, "burned", null, "burned before the import", now);
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
