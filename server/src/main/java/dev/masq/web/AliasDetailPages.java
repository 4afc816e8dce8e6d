package dev.masq.web;

import dev.masq.account.InboxService;
import dev.masq.alias.AliasInboxes;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasService;
import dev.masq.common.InvalidInputException;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.GuardService;
import dev.masq.leak.LeakService;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.ContactService;
import dev.masq.leak.VerdictKind;
import dev.masq.quarantine.PolicyService;
import dev.masq.quarantine.Quarantine;
import dev.masq.quarantine.VerdictAction;
import dev.masq.quarantine.VerdictPolicy;
import dev.masq.quarantine.QuarantineService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.masq.http.Redirect;

/**
 * The page of one alias: its facts, timeline and inboxes, its contacts with block and unblock, "write to someone
 * from this alias", which answers with the reverse alias to write to, its quarantined mail with release and
 * delete, and the canary identifiers given to its vendor.
 */
public record AliasDetailPages(AliasService aliases, LeakService leaks, InboxService inboxes, AliasInboxes aliasInboxes,
                               ContactService contacts, QuarantineService quarantine, GuardService guards,
                               PolicyService policies) {
    /** The write-to form as submitted: the address typed, and the contact it gave or why it gave none. */
    public record WriteTo(String address, Contact contact, String error) {
    }

    /** The canary identifiers as shown in their form: stored ones, or what was typed with why it was refused. */
    public record Identifiers(String text, String error) {
    }

    /**
     * {@code inboxes}: the owner's confirmed inboxes; {@code chosen}: the ids of those this alias forwards to;
     * {@code quarantined}: its held mail, newest first.
     */
    public record AliasView(Alias alias, AliasLeak leak, List<AliasEvent> events, List<AliasEvent> blockedSenders,
                            List<Mailbox> inboxes, Set<String> chosen, List<Contact> contacts, WriteTo writeTo,
                            String message, List<Quarantine.Entry> quarantined, Identifiers identifiers,
                            List<PolicyChoice> policy) {
    }

    /** One verdict's select on the alias page: the alias's own choice, empty when it follows the account's. */
    public record PolicyChoice(String verdict, List<String> options, String chosen, String account) {
    }

    public void show(Context ctx) {
        String user = WebGate.userId(ctx);
        List<Contact> all = contacts.list(user, ctx.pathParam("id"));
        // After a write-to, the page names the contact it opened (PRG: a reload does not post again).
        WriteTo writeTo = all.stream().filter(c -> c.id().equals(ctx.queryParam("contact"))).findFirst()
                .map(c -> new WriteTo(c.address(), c, null)).orElse(null);
        render(ctx, all, writeTo, null, 200);
    }

    /** One identifier per line replaces the alias's canaries. */
    public void saveIdentifiers(Context ctx) {
        String user = WebGate.userId(ctx);
        String aliasId = ctx.pathParam("id");
        String typed = ctx.formParam("identifiers") == null ? "" : ctx.formParam("identifiers");
        List<String> lines = typed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            guards.setIdentifiers(user, aliasId, lines);
            throw new Redirect("/aliases/" + aliasId + "?identifiers=saved#identifiers");
        } catch (InvalidInputException e) {
            render(ctx, contacts.list(user, aliasId), null, new Identifiers(typed, e.getMessage()), 422);
        }
    }

    /** An empty choice follows the account's policy. */
    public void savePolicy(Context ctx) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (VerdictKind kind : VerdictPolicy.KINDS) {
            String v = ctx.formParam(kind.wire());
            choices.put(kind.wire(), v == null || v.isBlank() ? null : v);
        }
        policies.saveAlias(WebGate.userId(ctx), ctx.pathParam("id"), choices);
        throw new Redirect("/aliases/" + ctx.pathParam("id") + "?policy=saved#alias-policy");
    }

    public void release(Context ctx) {
        quarantine.release(WebGate.userId(ctx), ctx.pathParam("qid"));
        throw new Redirect("/aliases/" + ctx.pathParam("id") + "?released=1#quarantine");
    }

    public void deleteHeld(Context ctx) {
        quarantine.delete(WebGate.userId(ctx), ctx.pathParam("qid"));
        throw new Redirect("/aliases/" + ctx.pathParam("id") + "#quarantine");
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
            render(ctx, contacts.list(user, aliasId), new WriteTo(address, null, e.getMessage()), null, 422);
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

    private void render(Context ctx, List<Contact> contactList, WriteTo writeTo, Identifiers typed, int status) {
        String user = WebGate.userId(ctx);
        Alias alias = aliases.get(user, ctx.pathParam("id"));
        List<AliasEvent> events = aliases.events(user, alias.id(), 200);
        List<AliasEvent> blocked = events.stream()
                .filter(e -> e.sender() != null && (e.kind().contains("block") || e.kind().contains("reject")))
                .toList();
        List<Mailbox> confirmed = inboxes.list(user).stream().filter(Mailbox::verified).toList();
        String message = ctx.queryParam("inboxes") != null ? "Saved: this alias forwards to the inboxes ticked below."
                : ctx.queryParam("released") != null ? "Released: the message is on its way to your inbox, with its warning."
                : ctx.queryParam("identifiers") != null ? "Saved: mail quoting these identifiers from anyone but the vendor is phishing."
                : ctx.queryParam("policy") != null ? "Saved: this alias's verdict policy."
                : null;
        Identifiers identifiers = typed != null ? typed
                : new Identifiers(String.join("\n", guards.identifiers(user, alias.id())), null);
        ctx.status(status);
        Views.page(ctx, "alias.jte", new AliasView(alias, leaks.leak(user, alias.id()), events, blocked, confirmed,
                aliasInboxes.of(user, alias.id()), contactList, writeTo, message, quarantine.list(user, alias.id()),
                identifiers, policyChoices(user, alias.id())));
    }

    private List<PolicyChoice> policyChoices(String user, String aliasId) {
        Map<VerdictKind, VerdictAction> own = policies.aliasChoices(user, aliasId);
        VerdictPolicy account = policies.settings(user).policy();
        return VerdictPolicy.KINDS.stream().map(k -> new PolicyChoice(k.wire(),
                k == VerdictKind.SPOOF ? List.of("dmarc", "quarantine", "tag", "reject") : List.of("quarantine", "tag", "reject"),
                own.containsKey(k) ? own.get(k).wire() : "", account.choice(k).wire())).toList();
    }
}
