package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.config.PublicUrl;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.mail.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A person's real inboxes beyond the first: added unverified, proven by a link mailed there, then chosen per alias
 * (the alias side, {@code AliasInboxes}, keeps that choice and removes inboxes).
 * The default inbox is also the sign-in email, so moving the default changes how the person signs in.
 */
public final class InboxService {
    private static final Duration VERIFY_TTL = Duration.ofDays(2);
    private static final int MAX_INBOXES = 20;

    private final Database db;
    private final AccountRepository accounts;
    private final CredentialRepository credentials;
    private final LinkService links;
    private final AccountMail mail;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public InboxService(Database db, AccountRepository accounts, CredentialRepository credentials, LinkService links,
                        AccountMail mail, PublicUrl publicUrl, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.credentials = credentials;
        this.links = links;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public List<Mailbox> list(String userId) {
        return db.read(ctx -> accounts.mailboxesOf(ctx, userId));
    }

    /** Adds an unverified inbox and mails it a verification link; nothing is forwarded there until it is followed. */
    public Mailbox add(String userId, String address) {
        String inbox = EmailAddress.parse(address == null ? "" : address.strip())
                .orElseThrow(() -> new InvalidInputException("address", "not an email address"))
                .toString();
        Mailbox added = db.write(ctx -> {
            if (accounts.mailboxByAddress(ctx, userId, inbox).isPresent()) {
                throw new InvalidInputException("address", "you already added this inbox");
            }
            if (accounts.mailboxesOf(ctx, userId).size() >= MAX_INBOXES) {
                throw new InvalidInputException("address", "at most " + MAX_INBOXES + " inboxes per account");
            }
            Mailbox mailbox = new Mailbox(Tokens.newId("mb"), userId, inbox, false, false);
            accounts.insertMailbox(ctx, mailbox, clock.instant());
            String token = links.issue(ctx, OneTimeLink.Kind.VERIFY_MAILBOX, userId, mailbox.id(), VERIFY_TTL);
            mail.queue(ctx, inbox, "Confirm this inbox for masq", """
                    Someone (we hope you) asked masq at %s to forward mail to this inbox.

                    To confirm, open this link and press the button on the page:

                    %s/inboxes/verify/%s

                    The link works once, for two days. If it was not you, ignore this mail: nothing will be sent here.
                    """.formatted(publicUrl.get(), publicUrl.get(), token));
            return mailbox;
        });
        mail.sendQueued();
        return added;
    }

    /** The inbox a verification link is for, while the link is live (to show on its confirmation page). */
    public Optional<String> pendingAddress(String token) {
        return links.peek(token, OneTimeLink.Kind.VERIFY_MAILBOX)
                .flatMap(link -> db.read(ctx -> accounts.mailbox(ctx, link.userId(), link.mailboxId())))
                .map(Mailbox::address);
    }

    public String verify(String token) {
        return db.write(ctx -> {
            OneTimeLink link = links.redeem(ctx, token, OneTimeLink.Kind.VERIFY_MAILBOX)
                    .orElseThrow(() -> new InvalidInputException("token", "this link has expired or was already used"));
            accounts.setVerified(ctx, link.mailboxId());
            return accounts.mailbox(ctx, link.userId(), link.mailboxId()).map(Mailbox::address).orElseThrow();
        });
    }

    /** Makes a verified inbox the default; it becomes the sign-in email too. */
    public void makeDefault(String userId, String mailboxId) {
        db.writeVoid(ctx -> {
            Mailbox mailbox = own(ctx, userId, mailboxId);
            if (!mailbox.verified()) {
                throw new InvalidInputException("inbox", "confirm this inbox (follow the link mailed to it) first");
            }
            if (accounts.findUserByLogin(ctx, mailbox.address()).filter(u -> !u.id().equals(userId)).isPresent()) {
                throw new InvalidInputException("inbox", "another account signs in with this address");
            }
            accounts.setDefault(ctx, userId, mailboxId);
            credentials.setLogin(ctx, userId, mailbox.address());
        });
    }

    private Mailbox own(org.jooq.DSLContext ctx, String userId, String mailboxId) {
        return accounts.mailbox(ctx, userId, mailboxId).orElseThrow(() -> new NotFoundException("no inbox " + mailboxId));
    }
}
