package dev.masq.alias;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.common.Wakeup;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;

/** Creating, listing, changing, pausing, burning and deleting aliases on behalf of their owner. */
public final class AliasService {

    private final Database db;
    private final AliasRepository aliases;
    private final AliasEventRepository events;
    private final AccountRepository accounts;
    private final AddressGenerator generator;
    private final List<String> domains;
    private final UserDomains userDomains;
    private final Clock clock;
    private final BurnListener onBurn;
    private final Wakeup queued;

    public AliasService(Database db, AliasRepository aliases, AliasEventRepository events, AccountRepository accounts,
                        AddressGenerator generator, List<String> domains, UserDomains userDomains, Clock clock,
                        BurnListener onBurn, Wakeup queued) {
        this.db = db;
        this.aliases = aliases;
        this.events = events;
        this.accounts = accounts;
        this.generator = generator;
        this.domains = domains;
        this.userDomains = userDomains;
        this.clock = clock;
        this.onBurn = onBurn;
        this.queued = queued;
    }

    public Alias create(String userId, NewAlias request) {
        String domain = request.domain() == null ? domains.getFirst() : request.domain().trim().toLowerCase(Locale.ROOT);
        boolean operatorDomain = domains.contains(domain);
        NewAlias.AddressMode mode = request.mode() == null ? NewAlias.AddressMode.WORDS : request.mode();
        String vendor = Labels.text("vendor", request.vendor(), Labels.MAX_LABEL);
        String note = Labels.text("note", request.note(), Labels.MAX_NOTE);
        List<Alias.VendorDomain> vendorDomains = request.site() == null || request.site().isBlank()
                ? List.of()
                : List.of(new Alias.VendorDomain(VendorDomains.registrableDomain("site", request.site()), false));
        if (vendor == null && !vendorDomains.isEmpty()) {
            vendor = vendorDomains.getFirst().domain();
        }
        String customLocal = mode == NewAlias.AddressMode.CUSTOM ? generator.custom(request.localPart()) : null;
        String finalVendor = vendor;
        return db.write(ctx -> {
            if (!operatorDomain && !userDomains.isVerifiedFor(ctx, userId, domain)) {
                throw new InvalidInputException("domain", "not an alias domain of this server: " + domain);
            }
            List<String> inboxes = accounts.defaultMailbox(ctx, userId).map(Mailbox::id).map(List::of).orElse(List.of());
            String address = pickAddress(ctx, mode, customLocal, domain);
            Alias alias = new Alias(Tokens.newId("al"), userId, address, finalVendor, vendorDomains, note,
                    AliasState.ACTIVE, now(), 0, 0, null, null, null, null);
            aliases.insert(ctx, alias, inboxes);
            events.record(ctx, alias.id(), "created", null, null, alias.createdAt());
            return alias;
        });
    }

    private String pickAddress(DSLContext ctx, NewAlias.AddressMode mode, String customLocal, String domain) {
        if (mode == NewAlias.AddressMode.CUSTOM) {
            String address = customLocal + "@" + domain;
            if (aliases.addressTaken(ctx, address)) {
                throw new ConflictException("local_part", "that address is taken or was used before");
            }
            return address;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String local = mode == NewAlias.AddressMode.RANDOM ? generator.random() : generator.words();
            String address = local + "@" + domain;
            if (!aliases.addressTaken(ctx, address)) {
                return address;
            }
        }
        throw new ConflictException("mode", "could not find a free address; try the random mode");
    }

    public Alias get(String userId, String id) {
        return db.read(ctx -> aliases.find(ctx, userId, id)).orElseThrow(() -> notFound(id));
    }

    public AliasPage list(String userId, AliasQuery query) {
        int limit = Math.clamp(query.limit() <= 0 ? 50 : query.limit(), 1, 200);
        AliasRepository.Cursor after = query.cursor() == null ? null : AliasRepository.Cursor.decode(query.cursor(), query.sort());
        List<Alias> rows = db.read(ctx -> aliases.list(ctx, userId,
                new AliasQuery(query.state(), query.text(), query.leak(), query.sort(), query.cursor(), limit + 1), after));
        if (rows.size() <= limit) {
            return new AliasPage(rows, null);
        }
        List<Alias> page = rows.subList(0, limit);
        Alias last = page.getLast();
        return new AliasPage(List.copyOf(page), AliasRepository.Cursor.at(query.sort(), last).encode());
    }

    /**
     * Numbered pages ({@code offset} rows in, {@code limit} long) and the total, for clients that page by number;
     * burned aliases only {@code withBurned}.
     */
    public NumberedPage page(String userId, AliasQuery filter, boolean withBurned, int offset, int limit) {
        AliasQuery q = new AliasQuery(filter.state(), filter.text(), filter.leak(), filter.sort(), null, Math.clamp(limit, 1, 200));
        return db.read(ctx -> new NumberedPage(aliases.slice(ctx, userId, q, withBurned, Math.max(0, offset)),
                aliases.count(ctx, userId, q, withBurned)));
    }

    public record NumberedPage(List<Alias> items, int total) {
    }

    public Alias update(String userId, String id, AliasPatch patch) {
        List<Alias.VendorDomain> newDomains = patch.vendorDomains().map(list -> {
            Set<String> unique = new LinkedHashSet<>();
            for (String d : list) {
                unique.add(VendorDomains.registrableDomain("vendor_domains", d));
            }
            List<Alias.VendorDomain> out = new ArrayList<>();
            unique.forEach(d -> out.add(new Alias.VendorDomain(d, false)));
            return out;
        }).orElse(null);
        // Labels.text reads a blank value as null, which is how a patch clears a label.
        String vendor = patch.vendor().map(v -> Labels.text("vendor", v, Labels.MAX_LABEL)).orElse(null);
        String note = patch.note().map(n -> Labels.text("note", n, Labels.MAX_NOTE)).orElse(null);
        String displayName = patch.displayName().map(Labels::displayName).orElse(null);
        return db.write(ctx -> {
            Alias current = aliases.find(ctx, userId, id).orElseThrow(() -> notFound(id));
            aliases.updateLabels(ctx, id, patch.vendor().isPresent() ? vendor : current.vendor(),
                    patch.note().isPresent() ? note : current.note());
            if (newDomains != null) {
                aliases.replaceVendorDomains(ctx, id, newDomains);
            }
            if (patch.displayName().isPresent()) {
                aliases.setDisplayName(ctx, id, displayName);
            }
            return aliases.find(ctx, userId, id).orElseThrow();
        });
    }

    public Alias pause(String userId, String id) {
        return transition(userId, id, AliasState.PAUSED, "paused");
    }

    public Alias resume(String userId, String id) {
        return transition(userId, id, AliasState.ACTIVE, "resumed");
    }

    private Alias transition(String userId, String id, AliasState to, String eventKind) {
        return db.write(ctx -> {
            Alias current = aliases.find(ctx, userId, id).orElseThrow(() -> notFound(id));
            if (current.state() == AliasState.BURNED) {
                throw new ConflictException("state", "a burned alias stays burned");
            }
            if (current.state() != to) {
                aliases.setState(ctx, id, to);
                events.record(ctx, id, eventKind, null, null, now());
            }
            return aliases.find(ctx, userId, id).orElseThrow();
        });
    }

    /** Burns the alias for good; with {@code replace}, creates its successor for the same vendor in the same step. */
    public BurnResult burn(String userId, String id, boolean replace, String reason) {
        String why = Labels.text("reason", reason, Labels.MAX_LABEL);
        BurnResult result = db.write(ctx -> {
            Alias current = aliases.find(ctx, userId, id).orElseThrow(() -> notFound(id));
            if (current.state() == AliasState.BURNED) {
                throw new ConflictException("state", "this alias is already burned");
            }
            Instant now = now();
            Alias replacement = null;
            if (replace) {
                String domain = current.address().substring(current.address().indexOf('@') + 1);
                String address = pickAddress(ctx, NewAlias.AddressMode.WORDS, null, domain);
                replacement = new Alias(Tokens.newId("al"), userId, address, current.vendor(), current.vendorDomains(),
                        current.note(), AliasState.ACTIVE, now, 0, 0, null, null, null, null);
                aliases.insert(ctx, replacement, aliases.mailboxIds(ctx, id));
                events.record(ctx, replacement.id(), "created", null, "replaces " + current.address(), now);
            }
            aliases.burn(ctx, id, now, why, replacement == null ? null : replacement.id());
            events.record(ctx, id, "burned", null, why, now);
            Alias burned = aliases.find(ctx, userId, id).orElseThrow();
            onBurn.burned(ctx, burned, replacement, now);
            return new BurnResult(burned, replacement);
        });
        // The listener may have queued work (a webhook call) that its sender can only see now.
        queued.wake();
        return result;
    }

    public void delete(String userId, String id) {
        db.writeVoid(ctx -> {
            Alias current = aliases.find(ctx, userId, id).orElseThrow(() -> notFound(id));
            aliases.deleteWithTombstone(ctx, id, current.address(), now());
        });
    }

    public List<AliasEvent> events(String userId, String id, int limit) {
        return db.read(ctx -> {
            aliases.find(ctx, userId, id).orElseThrow(() -> notFound(id));
            return events.recent(ctx, id, Math.clamp(limit <= 0 ? 100 : limit, 1, 500));
        });
    }

    public record BurnResult(Alias burned, Alias replacement) {
    }

    /** The database keeps milliseconds; an alias returned from a write must read the same as when fetched later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no alias with id " + id);
    }
}
