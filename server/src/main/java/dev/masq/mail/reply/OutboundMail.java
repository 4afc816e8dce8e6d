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
import dev.masq.mail.forward.ReverseAliasRepository;
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
    private final ReverseAliasRepository reverseAliases;
    private final DeliveryQueue queue;
    private final Verp verp;
    private final DkimSigning dkim;
    private final Set<String> domains;
    private final Duration expiry;
    private final ReplyRewriter rewriter = new ReplyRewriter();

    public OutboundMail(AliasRepository aliases, AccountRepository accounts, ReverseAliasRepository reverseAliases,
                        DeliveryQueue queue, Verp verp, DkimSigning dkim, List<String> domains, Duration expiry) {
        this.aliases = aliases;
        this.accounts = accounts;
        this.reverseAliases = reverseAliases;
        this.queue = queue;
        this.verp = verp;
        this.dkim = dkim;
        this.domains = Set.copyOf(domains);
        this.expiry = expiry;
    }

    /**
     * In the caller's transaction: one delivery of the rewritten message per recipient. From shows the
     * alias's display name if it has one, else {@code clientName} (null for none).
     */
    public void queue(DSLContext ctx, Alias alias, byte[] original, String clientName, Collection<String> recipients,
                      Instant now) {
        String domain = alias.address().substring(alias.address().lastIndexOf('@') + 1);
        Set<String> inboxes = accounts.mailboxesOf(ctx, alias.userId()).stream().map(Mailbox::address)
                .collect(Collectors.toSet());
        Swaps swaps = new Swaps(inboxes, alias.address(), domains, address -> correspondent(ctx, address, alias.userId()));
        String name = alias.displayName() != null ? alias.displayName()
                : clientName == null ? "" : oneLine(swaps.apply(clientName));
        String from = name.isEmpty() ? "<" + alias.address() + ">"
                : EncoderUtil.encodeAddressDisplayName(name) + " <" + alias.address() + ">";
        String messageId = "<" + Tokens.randomBase32(26) + "@" + domain + ">";
        byte[] copy = dkim.sign(LineLimit.apply(rewriter.rewrite(original, from, messageId, swaps)), domain);
        String envelopeFrom = verp.address(alias.id(), domain);
        for (String recipient : recipients) {
            queue.enqueue(ctx, new Delivery(Tokens.newOrderedId("dl"), alias.id(), Delivery.Kind.FORWARD, envelopeFrom,
                    recipient, copy, 0, now, now.plus(expiry)));
        }
    }

    /** Control characters (a CR or LF decoded from an encoded-word among them) must not reach the new From. */
    private static String oneLine(String name) {
        return name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** Only the owner's own reverse aliases are resolved: another user's correspondents are none of theirs. */
    private Optional<String> correspondent(DSLContext ctx, String reverseAlias, String userId) {
        return reverseAliases.findByAddress(ctx, reverseAlias)
                .filter(c -> aliases.findRouteById(ctx, c.aliasId()).filter(r -> r.userId().equals(userId)).isPresent())
                .map(Contact::address);
    }
}
