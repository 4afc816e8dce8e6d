package dev.masq.leak;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasState;
import dev.masq.common.NotFoundException;
import dev.masq.db.Database;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The person's vendors, each with the aliases given to it, the breaches recorded for it and how leaked it is;
 * after a breach, what each alias received since, and burning every alias of the vendor at once.
 */
public final class VendorService {
    /** Events of one alias looked at for the mail since a breach. */
    private static final int EVENTS = 500;
    private static final Set<String> SUSPICIOUS = Set.of(VerdictKind.FOREIGN.wire(), VerdictKind.LOOKALIKE.wire(),
            VerdictKind.SPOOF.wire(), VerdictKind.PHISHING.wire(), VerdictKind.SPAM.wire());

    private final Database db;
    private final GuardRepository guards;
    private final AliasService aliases;
    private final LeakService leaks;

    public VendorService(Database db, GuardRepository guards, AliasService aliases, LeakService leaks) {
        this.db = db;
        this.guards = guards;
        this.aliases = aliases;
        this.leaks = leaks;
    }

    /** One vendor: its aliases (with their leaks), breaches oldest first, and the worst leak status among them. */
    public record Vendor(String name, List<Alias> aliases, Map<String, AliasLeak> leaks, List<Breach> breaches,
                         LeakStatus status) {
        /** The latest breach, or null. */
        public Breach lastBreach() {
            return breaches.isEmpty() ? null : breaches.getLast();
        }
    }

    /** Mail an alias received since the vendor's last breach (since ever without one) that was not the vendor's. */
    public record Exposure(Alias alias, List<AliasEvent> mail) {
    }

    public List<Vendor> vendors(String userId) {
        List<Breach> breaches = db.read(ctx -> guards.breaches(ctx, userId));
        return db.read(ctx -> guards.vendors(ctx, userId)).stream().map(v -> vendor(userId, v, breaches)).toList();
    }

    public Vendor vendor(String userId, String name) {
        String key = GuardRepository.vendorKey(name);
        List<Breach> breaches = db.read(ctx -> guards.breaches(ctx, userId));
        String label = db.read(ctx -> guards.vendors(ctx, userId)).stream()
                .filter(v -> GuardRepository.vendorKey(v).equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("no alias of yours was given to " + name));
        return vendor(userId, label, breaches);
    }

    /** Per alias of the vendor, the foreign, lookalike, spoofed, phishing and spam mail since its last breach. */
    public List<Exposure> exposure(String userId, Vendor vendor) {
        Breach last = vendor.lastBreach();
        Instant since = last == null ? Instant.EPOCH : last.date().atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Exposure> out = new ArrayList<>();
        for (Alias a : vendor.aliases()) {
            List<AliasEvent> mail = aliases.events(userId, a.id(), EVENTS).stream()
                    .filter(e -> !e.createdAt().isBefore(since))
                    .filter(e -> (e.kind().equals("forwarded") || e.kind().equals("quarantined"))
                            && e.detail() != null && SUSPICIOUS.contains(e.detail()))
                    .toList();
            out.add(new Exposure(a, mail));
        }
        return out;
    }

    /**
     * Burns every alias of the vendor not burned yet, each as the single burn does (with its replacement when
     * {@code replace}); returns what each became.
     */
    public List<AliasService.BurnResult> burnAll(String userId, String name, boolean replace) {
        Vendor vendor = vendor(userId, name);
        String reason = vendor.lastBreach() == null ? "burned with every alias of " + vendor.name()
                : vendor.name() + " was breached on " + vendor.lastBreach().date();
        List<AliasService.BurnResult> burned = new ArrayList<>();
        for (Alias a : vendor.aliases()) {
            if (a.state() != AliasState.BURNED) {
                burned.add(aliases.burn(userId, a.id(), replace, reason));
            }
        }
        return burned;
    }

    private Vendor vendor(String userId, String label, List<Breach> all) {
        String key = GuardRepository.vendorKey(label);
        List<String> ids = db.read(ctx -> guards.aliasesOfVendor(ctx, userId, key));
        List<Alias> list = ids.stream().map(id -> aliases.get(userId, id)).toList();
        Map<String, AliasLeak> byAlias = leaks.leaks(userId, ids);
        LeakStatus worst = byAlias.values().stream().map(AliasLeak::status).max(Comparator.naturalOrder())
                .orElse(LeakStatus.CLEAN);
        return new Vendor(label, list, byAlias, all.stream().filter(b -> b.vendorKey().equals(key)).toList(), worst);
    }
}
