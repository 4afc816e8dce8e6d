package dev.masq.web;

import dev.masq.account.InboxService;
import dev.masq.alias.AliasInboxes;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasService;
import dev.masq.common.InvalidInputException;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.LeakService;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.ContactService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import dev.masq.http.Redirect;

/**
 * The page of one alias: its facts, timeline and inboxes, its contacts (contacts) with block and
 * unblock, and "write to someone from this alias", which answers with the reverse alias to write to.
 */
public record AliasDetailPages(AliasService aliases, LeakService leaks, InboxService inboxes, AliasInboxes aliasInboxes, ContactService contacts) {
    /** The write-to form as submitted: the address typed, and the contact it gave or why it gave none. */
    public record WriteTo(String address, Contact contact, String error) {
    }

    /** {@code inboxes}: the owner's confirmed inboxes; {@code chosen}: the ids of those this alias forwards to. */
    public record AliasView(Alias alias, AliasLeak leak, List<AliasEvent> events, List<AliasEvent> blockedSenders,
                            List<Mailbox> inboxes, Set<String> chosen, List<Contact> contacts, WriteTo writeTo,
                            String message) {
    }

    public void show(Context ctx) {
        String user = WebGate.userId(ctx);
        List<Contact> all = contacts.list(user, ctx.pathParam("id"));
        // After a write-to, the page names the contact it opened (PRG: a reload does not post again).
        WriteTo writeTo = all.stream().filter(c -> c.id().equals(ctx.queryParam("contact"))).findFirst()
                .map(c -> new WriteTo(c.address(), c, null)).orElse(null);
        render(ctx, all, writeTo, 200);
    }

    public void writeTo(Context ctx) {
        String user = WebGate.userId(ctx);
        String aliasId = ctx.pathParam("id");
        String address = ctx.formParam("address");
        try {
            Contact contact = contacts.open(user, aliasId, address);
            throw new Redirect("/aliases/" + aliasId + "?contact=" + contact.id() + "#write-to");
        } catch (InvalidInputException e) {
            // Also a ConflictException: a burned alias writes to no one.
            render(ctx, contacts.list(user, aliasId), new WriteTo(address, null, e.getMessage()), 422);
        }
    }

    public void block(Context ctx) {
        setBlocked(ctx, true);
    }

    public void unblock(Context ctx) {
        setBlocked(ctx, false);
    }

    private void setBlocked(Context ctx, boolean blocked) {
        String aliasId = ctx.pathParam("id");
        contacts.setBlocked(WebGate.userId(ctx), aliasId, ctx.pathParam("cid"), blocked);
        throw new Redirect("/aliases/" + aliasId + "#contacts");
    }

    private void render(Context ctx, List<Contact> contactList, WriteTo writeTo, int status) {
        String user = WebGate.userId(ctx);
        Alias alias = aliases.get(user, ctx.pathParam("id"));
        List<AliasEvent> events = aliases.events(user, alias.id(), 200);
        List<AliasEvent> blocked = events.stream()
                .filter(e -> e.sender() != null && (e.kind().contains("block") || e.kind().contains("reject")))
                .toList();
        List<Mailbox> confirmed = inboxes.list(user).stream().filter(Mailbox::verified).toList();
        String message = ctx.queryParam("inboxes") != null ? "Saved: this alias forwards to the inboxes ticked below." : null;
        ctx.status(status);
        Views.page(ctx, "alias.jte", new AliasView(alias, leaks.leak(user, alias.id()), events, blocked, confirmed,
                aliasInboxes.of(user, alias.id()), contactList, writeTo, message));
    }
}
