package dev.masq.mail.reply;

import dev.masq.account.AccountRepository;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasRepository;
import dev.masq.crypto.Tokens;
import dev.masq.mail.DkimSigning;
import dev.masq.mail.LineLimit;
import dev.masq.mail.Verp;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.forward.ContactRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.jooq.DSLContext;

/**
 * Queues a message the owner wrote as one of their aliases: rewritten so that nothing of the real
 * inbox remains, DKIM-signed for the alias domain, sent from a VERP address of the alias.
 */
public final class OutboundMail {
    private final AliasRepository aliases;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final DeliveryQueue queue;
    private final Verp verp;
    private final DkimSigning dkim;
    private final Set<String> domains;
    private final Duration expiry;
    private final ReplyRewriter rewriter = new ReplyRewriter();

    public OutboundMail(AliasRepository aliases, AccountRepository accounts, ContactRepository contacts,
                        DeliveryQueue queue, Verp verp, DkimSigning dkim, List<String> domains, Duration expiry) {
        this.aliases = aliases;
        this.accounts = accounts;
        this.contacts = contacts;
        this.queue = queue;
        this.verp = verp;
        this.dkim = dkim;
        this.domains = Set.copyOf(domains);
        this.expiry = expiry;
    }

    /**
     * The message rewritten as the alias, on a read connection before the write (the owner's inboxes and
     * the reverse aliases it names are looked up). From shows the alias's display name if it has one, else
     * {@code clientName} (null for none).
     */
    public Draft draft(DSLContext ctx, Alias alias, byte[] original, String clientName) {
        String domain = domainOf(alias);
        Set<String> inboxes = accounts.mailboxesOf(ctx, alias.userId()).stream().map(Mailbox::address)
                .collect(Collectors.toSet());
        Swaps swaps = new Swaps(inboxes, alias.address(), domains, address -> contactBehind(ctx, address, alias.userId()));
        String name = alias.displayName() != null ? alias.displayName()
                : clientName == null ? "" : oneLine(swaps.apply(clientName));
        String from = name.isEmpty() ? "<" + alias.address() + ">"
                : EncoderUtil.encodeAddressDisplayName(name) + " <" + alias.address() + ">";
        String messageId = "<" + Tokens.randomBase32(26) + "@" + domain + ">";
        return new Draft(alias, LineLimit.apply(rewriter.rewrite(original, from, messageId, swaps)));
    }

    /** A message rewritten as its alias, not yet signed. */
    public record Draft(Alias alias, byte[] content) {
    }

    /** Outside any connection: the draft DKIM-signed, one sealed delivery per recipient. */
    public List<DeliveryQueue.Sealed> seal(Draft draft, Collection<String> recipients, Instant now) {
        Alias alias = draft.alias();
        String domain = domainOf(alias);
        byte[] copy = dkim.sign(draft.content(), domain);
        String envelopeFrom = verp.address(alias.id(), domain);
        return recipients.stream().map(recipient -> queue.seal(new Delivery(Tokens.newOrderedId("dl"), alias.id(),
                Delivery.Kind.FORWARD, envelopeFrom, recipient, copy, 0, now, now.plus(expiry)))).toList();
    }

    /** In the caller's transaction: queues the sealed deliveries. */
    public void store(DSLContext ctx, List<DeliveryQueue.Sealed> deliveries) {
        deliveries.forEach(d -> queue.enqueue(ctx, d, null));
    }

    private static String domainOf(Alias alias) {
        return alias.address().substring(alias.address().lastIndexOf('@') + 1);
    }

    /** Control characters (a CR or LF decoded from an encoded-word among them) must not reach the new From. */
    private static String oneLine(String name) {
        return name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** Only the owner's own reverse aliases are resolved: another user's contacts are none of theirs. */
    private Optional<String> contactBehind(DSLContext ctx, String reverseAlias, String userId) {
        return contacts.findByReverseAlias(ctx, reverseAlias)
                .filter(c -> aliases.findRouteById(ctx, c.aliasId()).filter(r -> r.userId().equals(userId)).isPresent())
                .map(Contact::address);
    }
}
