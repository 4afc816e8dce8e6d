package dev.masq.portability;

import dev.masq.account.ApiKeyService;
import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.domain.Domain;
import dev.masq.domain.DomainService;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasPage;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.block.SenderBlocks;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.LeakService;
import dev.masq.mail.reply.ContactService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Everything masq holds about a person, decrypted, as one document (secrets such as keys and codes excepted). Each
 * alias carries what belongs to it (the inboxes it forwards to, by address, so that another masq can match them; its
 * sender settings, blocks, contacts, leak evidence and events); {@link AccountImport} reads the same document back.
 */
public final class AccountExport {
    public static final String FORMAT = "masq-export";
    public static final int VERSION = 1;
    private static final int ALIAS_PAGE = 200;
    private static final int EVENTS_PER_ALIAS = 500;

    private final SignInService signIn;
    private final InboxService inboxes;
    private final AliasService aliases;
    private final AliasInboxes aliasInboxes;
    private final LeakService leaks;
    private final SenderBlocks blocks;
    private final ContactService contacts;
    private final ApiKeyService keys;
    private final SessionService sessions;
    private final DomainService domains;
    private final Clock clock;

    public AccountExport(SignInService signIn, InboxService inboxes, AliasService aliases, AliasInboxes aliasInboxes,
                         LeakService leaks, SenderBlocks blocks, ContactService contacts, ApiKeyService keys,
                         SessionService sessions, DomainService domains, Clock clock) {
        this.signIn = signIn;
        this.inboxes = inboxes;
        this.aliases = aliases;
        this.aliasInboxes = aliasInboxes;
        this.leaks = leaks;
        this.blocks = blocks;
        this.contacts = contacts;
        this.keys = keys;
        this.sessions = sessions;
        this.domains = domains;
        this.clock = clock;
    }

    /**
     * Keys in the order the download shows them: format, version, exported_at, account, inboxes, aliases (each with
     * its own settings, blocks, contacts, leak and events), blocks (those on every alias), api_keys, sessions, domains.
     */
    public Map<String, Object> of(String userId) {
        List<Mailbox> mailboxes = inboxes.list(userId);
        Map<String, String> addressOf = mailboxes.stream().collect(Collectors.toMap(Mailbox::id, Mailbox::address));
        List<Map<String, Object>> all = new ArrayList<>();
        eachPage(userId, page -> {
            List<String> ids = page.stream().map(Alias::id).toList();
            Map<String, List<String>> inboxesOf = aliasInboxes.ofAll(userId, ids);
            Map<String, AliasLeak> leakOf = leaks.leaks(userId, ids);
            Map<String, List<String>> allowed = leaks.allowedDomains(userId, ids);
            Set<String> vendorOnly = blocks.vendorOnly(userId, ids);
            for (Alias a : page) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("alias", a);
                entry.put("inboxes", inboxesOf.getOrDefault(a.id(), List.of()).stream().map(addressOf::get).toList());
                entry.put("vendor_only", vendorOnly.contains(a.id()));
                entry.put("allowed_domains", allowed.getOrDefault(a.id(), List.of()));
                entry.put("blocks", blocks.list(userId, a.id()));
                entry.put("contacts", contacts.list(userId, a.id()));
                entry.put("leak", leakOf.get(a.id()));
                entry.put("events", aliases.events(userId, a.id(), EVENTS_PER_ALIAS));
                all.add(entry);
            }
        });
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("version", VERSION);
        export.put("exported_at", clock.instant());
        export.put("account", signIn.profile(userId));
        export.put("inboxes", mailboxes);
        export.put("aliases", all);
        export.put("blocks", blocks.list(userId, null));
        export.put("api_keys", keys.list(userId));
        export.put("sessions", sessions.list(userId));
        export.put("domains", domains.list(userId).stream().map(s -> domainEntry(s.domain())).toList());
        return export;
    }

    /** What a domain is and its state; its DKIM key and ownership token stay behind, as any other secret does. */
    private static Map<String, Object> domainEntry(Domain d) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("domain", d.name());
        entry.put("kind", d.subdomain() ? "subdomain" : "custom");
        entry.put("status", d.status().wire());
        entry.put("catch_all", d.catchAll());
        entry.put("created_at", d.createdAt());
        entry.put("verified_at", d.verifiedAt());
        return entry;
    }

    /** The aliases with what a spreadsheet shows of them: one CSV row each. */
    public String aliasesCsv(String userId) {
        Map<String, String> addressOf = inboxes.list(userId).stream().collect(Collectors.toMap(Mailbox::id, Mailbox::address));
        StringBuilder csv = new StringBuilder(AliasCsv.HEADER);
        eachPage(userId, page -> {
            List<String> ids = page.stream().map(Alias::id).toList();
            Map<String, List<String>> inboxesOf = aliasInboxes.ofAll(userId, ids);
            Map<String, AliasLeak> leakOf = leaks.leaks(userId, ids);
            for (Alias a : page) {
                List<String> inboxAddresses = inboxesOf.getOrDefault(a.id(), List.of()).stream().map(addressOf::get).toList();
                csv.append(AliasCsv.row(a, inboxAddresses, leakOf.get(a.id())));
            }
        });
        return csv.toString();
    }

    private void eachPage(String userId, Consumer<List<Alias>> work) {
        String cursor = null;
        do {
            AliasPage page = aliases.list(userId, new AliasQuery(null, null, cursor, ALIAS_PAGE));
            work.accept(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
