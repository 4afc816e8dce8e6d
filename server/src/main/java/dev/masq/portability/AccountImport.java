package dev.masq.portability;

import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.alias.AliasImport;
import dev.masq.alias.AliasState;
import dev.masq.block.SenderBlocks;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.db.Database;
import dev.masq.leak.LeakService;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.ContactService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings the aliases of an import file into an account, one transaction per alias with everything that belongs to it
 * (inboxes, sender settings, blocks, contacts), so that an alias is either wholly there or reported skipped. Inboxes
 * are matched by address to the owner's confirmed inboxes; one that is not among them is said in a warning and the
 * alias forwards to the default inbox instead, so no mail goes to an address the owner has not confirmed here.
 * History (events, leak evidence, counters) stays behind: it is what happened on the other server.
 */
public record AccountImport(Database db, AliasImport aliases, InboxService inboxes, SenderBlocks blocks, LeakService leaks,
                            ContactService contacts) {

    void run(String userId, ImportFile file, ImportJob job) {
        Map<String, String> confirmed = new HashMap<>();
        for (Mailbox m : inboxes.list(userId)) {
            if (m.verified()) {
                confirmed.put(m.address().toLowerCase(Locale.ROOT), m.id());
            }
        }
        for (ImportEntry entry : file.entries()) {
            List<ImportJob.Note> changes = new ArrayList<>();
            List<String> mailboxIds = new ArrayList<>();
            for (String inbox : entry.inboxes()) {
                String id = confirmed.get(inbox.strip().toLowerCase(Locale.ROOT));
                if (id != null) {
                    mailboxIds.add(id);
                } else {
                    changes.add(new ImportJob.Note(entry.address(), "does not forward to " + inbox
                            + ": it is not one of your confirmed inboxes here"));
                }
            }
            if (mailboxIds.isEmpty() && !entry.inboxes().isEmpty()) {
                changes.add(new ImportJob.Note(entry.address(), "forwards to your default inbox"));
            }
            try {
                String refusal = db.write(tx -> {
                    AliasImport.Outcome outcome = aliases.importOne(tx, userId, new AliasImport.Imported(entry.address(),
                            entry.state(), entry.vendor(), entry.vendorDomains(), entry.note(), entry.displayName(),
                            mailboxIds, file.format().label()));
                    if (outcome.aliasId() == null) {
                        return outcome.refusal();
                    }
                    settings(userId, outcome.aliasId(), entry, changes);
                    if (entry.state() == AliasState.BURNED) {
                        aliases.burnImported(tx, outcome.aliasId());
                    }
                    return null;
                });
                if (refusal == null) {
                    job.imported(changes);
                } else {
                    job.skipped(entry.address(), refusal);
                }
            } catch (InvalidInputException e) {
                job.skipped(entry.address(), e.getMessage());
            }
        }
        for (ImportEntry.SenderBlock b : file.accountBlocks()) {
            try {
                blocks.add(userId, null, b.address(), b.domain());
            } catch (ConflictException e) {
                // Blocked here already: the same account again.
            } catch (InvalidInputException e) {
                job.warn(b.address() != null ? b.address() : b.domain(), "not blocked on every alias: " + e.getMessage());
            }
        }
    }

    /** Inside the alias's transaction; a setting refused is a warning, the alias still comes in. */
    private void settings(String userId, String aliasId, ImportEntry entry, List<ImportJob.Note> changes) {
        if (Boolean.TRUE.equals(entry.vendorOnly())) {
            blocks.setVendorOnly(userId, aliasId, true);
        }
        if (!entry.allowedDomains().isEmpty()) {
            try {
                leaks.setAllowedDomains(userId, aliasId, entry.allowedDomains());
            } catch (InvalidInputException e) {
                changes.add(new ImportJob.Note(entry.address(), "allowed domains left out: " + e.getMessage()));
            }
        }
        for (ImportEntry.SenderBlock b : entry.blocks()) {
            try {
                blocks.add(userId, aliasId, b.address(), b.domain());
            } catch (InvalidInputException e) {
                changes.add(new ImportJob.Note(entry.address(), "a block left out: " + e.getMessage()));
            }
        }
        for (ImportEntry.Contact c : entry.contacts()) {
            try {
                Contact contact = contacts.open(userId, aliasId, c.address());
                if (c.blocked()) {
                    contacts.setBlocked(userId, aliasId, contact.id(), true);
                }
            } catch (InvalidInputException e) {
                changes.add(new ImportJob.Note(entry.address(), "contact " + c.address() + " left out: " + e.getMessage()));
            }
        }
    }
}
