package dev.masq.mail.reply;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasState;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.db.Database;
import dev.masq.mail.EmailAddress;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.forward.ContactRepository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The contacts of an alias, for its owner: "write to X from alias A" answers with the reverse
 * alias to send to, and a contact can be blocked without touching the alias.
 */
public final class ContactService {
    private final Database db;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final ContactRepository contacts;
    private final Set<String> domains;
    private final Clock clock;

    public ContactService(Database db, AccountRepository accounts, AliasRepository aliases, ContactRepository contacts,
                          List<String> domains, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.aliases = aliases;
        this.contacts = contacts;
        this.domains = Set.copyOf(domains);
        this.clock = clock;
    }

    /** The contact for {@code address} on the alias, created on first request. */
    public Contact open(String userId, String aliasId, String address) {
        EmailAddress contactAddress = EmailAddress.parseInternational(address)
                .orElseThrow(() -> new InvalidInputException("address", "not an email address"));
        if (domains.contains(contactAddress.domain())) {
            // Our own addresses are reached directly; a reverse alias to one would loop back to us.
            throw new InvalidInputException("address", "that is an address of this server");
        }
        return db.write(ctx -> {
            Alias alias = alias(ctx, userId, aliasId);
            if (alias.state() == AliasState.BURNED) {
                throw new ConflictException("state", "a burned alias sends no mail");
            }
            if (isOwnInbox(ctx, userId, contactAddress)) {
                // Mail to the reverse alias would come back to this inbox as if from the alias: a loop, and one that
                // shows the inbox to whoever reads the headers of the copy.
                throw new InvalidInputException("address", "that is one of your own inboxes: write to it directly, not through an alias");
            }
            String domain = alias.address().substring(alias.address().lastIndexOf('@') + 1);
            String id = contacts.findOrCreate(ctx, aliasId, contactAddress.toString(), domain, clock.instant()).id();
            return contacts.find(ctx, aliasId, id).orElseThrow();
        });
    }

    public List<Contact> list(String userId, String aliasId) {
        return db.read(ctx -> {
            alias(ctx, userId, aliasId);
            return contacts.list(ctx, aliasId);
        });
    }

    /** Blocked: mail from the contact to the alias is refused with 550 5.7.1. */
    public Contact setBlocked(String userId, String aliasId, String contactId, boolean blocked) {
        return db.write(ctx -> {
            alias(ctx, userId, aliasId);
            contacts.find(ctx, aliasId, contactId)
                    .orElseThrow(() -> new NotFoundException("no contact with id " + contactId));
            contacts.setBlocked(ctx, contactId, blocked);
            return contacts.find(ctx, aliasId, contactId).orElseThrow();
        });
    }

    private boolean isOwnInbox(DSLContext ctx, String userId, EmailAddress address) {
        return accounts.mailboxesOf(ctx, userId).stream().filter(Mailbox::verified)
                .anyMatch(m -> m.address().equalsIgnoreCase(address.toString()));
    }

    private Alias alias(DSLContext ctx, String userId, String aliasId) {
        return aliases.find(ctx, userId, aliasId).orElseThrow(() -> new NotFoundException("no alias with id " + aliasId));
    }
}
