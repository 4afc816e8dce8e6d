package dev.masq.mail.forward;

import dev.masq.account.AccountRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasRoute;
import dev.masq.alias.AliasState;
import dev.masq.block.SenderBlocks;
import dev.masq.mail.Verp;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Classifies an envelope recipient. Runs on every RCPT, so it costs one indexed single-row read
 * (three more when the sender might be blocked), and a forged bounce address costs no read at all.
 */
final class RecipientResolver {
    /** Role mailboxes every mail domain must have; alias creation reserves them. */
    private static final Set<String> OPERATOR_MAILBOXES = Set.of("postmaster", "abuse");

    private final Set<String> domains;
    private final Verp verp;
    private final AliasRepository aliases;
    private final ContactRepository contacts;
    private final SenderBlocks blocks;
    private final AccountRepository accounts;

    RecipientResolver(Set<String> domains, Verp verp, AliasRepository aliases, ContactRepository contacts,
                      SenderBlocks blocks, AccountRepository accounts) {
        this.domains = domains;
        this.verp = verp;
        this.aliases = aliases;
        this.contacts = contacts;
        this.blocks = blocks;
        this.accounts = accounts;
    }

    Recipient resolve(DSLContext ctx, String sender, String recipient) {
        String address = recipient.toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || !domains.contains(address.substring(at + 1))) {
            return new Recipient.Foreign();
        }
        String local = address.substring(0, at);
        if (OPERATOR_MAILBOXES.contains(local)) {
            return accounts.operatorInbox(ctx).<Recipient>map(Recipient.ToPostmaster::new).orElseGet(Recipient.Unknown::new);
        }
        if (Verp.looksLikeVerp(local)) {
            return verp.aliasIdOf(local)
                    .filter(aliasId -> aliases.findRouteById(ctx, aliasId).isPresent())
                    .<Recipient>map(Recipient.Bounce::new)
                    .orElseGet(Recipient.Unknown::new);
        }
        if (ContactRepository.looksLikeReverseAlias(local)) {
            return contacts.findByReverseAlias(ctx, address)
                    .flatMap(c -> aliases.findRouteById(ctx, c.aliasId())
                            .filter(route -> route.state() != AliasState.BURNED)
                            .<Recipient>map(route -> new Recipient.ToReverseAlias(c, route,
                                    !sender.isEmpty() && accounts.isVerifiedMailbox(ctx, route.userId(), sender))))
                    .orElseGet(Recipient.Unknown::new);
        }
        Optional<AliasRoute> found = aliases.findRoute(ctx, address);
        if (found.isEmpty()) {
            return new Recipient.Unknown();
        }
        AliasRoute route = found.get();
        if (route.state() == AliasState.BURNED) {
            return new Recipient.Burned(route.aliasId());
        }
        if (route.state() == AliasState.ACTIVE && !sender.isEmpty()
                && (contacts.isBlocked(ctx, route.aliasId(), sender)
                    || blocks.isBlocked(ctx, route.aliasId(), route.userId(), sender))) {
            return new Recipient.SenderBlocked(route);
        }
        return new Recipient.ToAlias(route);
    }
}
