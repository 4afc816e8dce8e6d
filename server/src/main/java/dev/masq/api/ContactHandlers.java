package dev.masq.api;

import dev.masq.common.InvalidInputException;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.ContactService;
import dev.masq.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Instant;

/** {@code /api/v1/aliases/{id}/contacts}: whom an alias writes to, through which reverse alias. */
public record ContactHandlers(ContactService contacts) {
    public void open(Context ctx) {
        NewContact body = JsonBody.read(ctx, NewContact.class);
        if (body.address() == null) {
            throw new InvalidInputException("address", "give the address to write to");
        }
        String aliasId = ctx.pathParam("id");
        Contact c = contacts.open(ApiAuth.userId(ctx), aliasId, body.address());
        ctx.status(201).header(Header.LOCATION, "/api/v1/aliases/" + aliasId + "/contacts/" + c.id());
        ctx.json(ContactView.of(c));
    }

    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(contacts.list(ApiAuth.userId(ctx), ctx.pathParam("id")).stream()
                .map(ContactView::of).toList()));
    }

    public void update(Context ctx) {
        ContactPatch body = JsonBody.read(ctx, ContactPatch.class);
        if (body.blocked() == null) {
            throw new InvalidInputException("blocked", "give blocked: true or false");
        }
        ctx.json(ContactView.of(contacts.setBlocked(ApiAuth.userId(ctx), ctx.pathParam("id"), ctx.pathParam("cid"),
                body.blocked())));
    }

    record NewContact(String address) {
    }

    record ContactPatch(Boolean blocked) {
    }

    /** {@code reverse_alias} is where the owner writes to reach {@code address} as the alias. */
    record ContactView(String id, String aliasId, String address, String reverseAlias, boolean blocked, Instant createdAt) {
        static ContactView of(Contact c) {
            return new ContactView(c.id(), c.aliasId(), c.address(), c.reverseAlias(), c.blocked(), c.createdAt());
        }
    }
}
