package dev.masq.mail.reply;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.crypto.Tokens;
import dev.masq.outbox.NoticeMail;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What happens to a message for a reverse alias that does not provably come from the alias's owner:
 * it is recorded on the alias and dropped, and the owner hears about it once per window (a forger
 * trying again and again must not turn masq into a mail bomb aimed at the inbox). The notice goes
 * out with the null sender so it can never bounce; nothing at all goes to the claimed sender.
 */
final class ForgedReplyNotices {
    static final String EVENT = "forged_reply";

    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final AliasEventRepository events;
    private final DeliveryQueue queue;
    private final Duration window;
    private final Duration expiry;
    private final String hostname;

    ForgedReplyNotices(AliasRepository aliases, AccountRepository accounts, AliasEventRepository events, DeliveryQueue queue,
                   Duration window, Duration expiry, String hostname) {
        this.aliases = aliases;
        this.accounts = accounts;
        this.events = events;
        this.queue = queue;
        this.window = window;
        this.expiry = expiry;
        this.hostname = hostname;
    }

    /** In the caller's transaction; true if a notice was queued. */
    boolean refuse(DSLContext ctx, AliasRoute alias, String reason, Instant now) {
        events.record(ctx, alias.aliasId(), EVENT, null, reason, now);
        Optional<Mailbox> inbox = accounts.defaultMailbox(ctx, alias.userId());
        if (inbox.isEmpty() || !aliases.claimForgeryNotice(ctx, alias.aliasId(), now.minus(window), now)) {
            return false;
        }
        queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), alias.aliasId(), Delivery.Kind.NOTICE, "",
                inbox.get().address(), render(alias.address(), inbox.get().address(), reason, now), 0, now, now.plus(expiry)));
        return true;
    }

    private byte[] render(String alias, String inbox, String reason, Instant now) {
        String domain = alias.substring(alias.lastIndexOf('@') + 1);
        String body = "A message addressed to one of the contacts of your alias " + alias + "\n"
                + "claimed to come from you, but masq could not prove it did, so it was not sent.\n\n"
                + "  Reason: " + reason + "\n\n"
                + "If you sent it: your mail provider must sign it with DKIM or send it from a server\n"
                + "its SPF record lists (DMARC), or send through masq's submission port with an app\n"
                + "password. Otherwise someone forged it; nothing was sent back to them.\n\n"
                + "You get this notice at most once a " + (window.toHours() >= 24 ? "day" : "while")
                + " per alias; every attempt is listed in the alias's events.\n";
        return NoticeMail.render(domain, inbox, "Someone tried to send as your alias " + alias, body,
                hostname, now);
    }
}
