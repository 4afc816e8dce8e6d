package dev.masq.web;

import dev.masq.account.InboxService;
import dev.masq.alias.AliasInboxes;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.Optional;
import dev.masq.http.ProblemException;
import dev.masq.http.Redirect;

/** Real inboxes: adding one (a link is mailed to it), following that link, removing, the default, and per-alias choice. */
public record InboxPages(InboxService inboxes, AliasInboxes aliasInboxes, InboxMailThrottle throttle) {
    public record VerifyView(String token, String address, String done) {
    }

    public void add(Context ctx) {
        String userId = WebGate.userId(ctx);
        throttle.request(userId, ctx.formParam("address")).ifPresent(wait -> {
            throw ProblemException.tooManyRequests(wait);
        });
        inboxes.add(userId, ctx.formParam("address"));
        throw new Redirect("/settings?inbox=sent");
    }

    public void remove(Context ctx) {
        aliasInboxes.removeInbox(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/settings?inbox=removed");
    }

    /** Behind re-authentication: the default inbox is also the sign-in email. */
    public void makeDefault(Context ctx) {
        inboxes.makeDefault(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/settings?inbox=default");
    }

    /** The mailed link opens a confirmation page: mail scanners that prefetch links must not verify anything. */
    public void verifyForm(Context ctx) {
        Optional<String> address = inboxes.pendingAddress(ctx.pathParam("token"));
        ctx.status(address.isPresent() ? 200 : 410);
        Views.page(ctx, "inbox-verify.jte", new VerifyView(ctx.pathParam("token"), address.orElse(null), null));
    }

    public void verify(Context ctx) {
        try {
            String address = inboxes.verify(ctx.pathParam("token"));
            Views.page(ctx, "inbox-verify.jte", new VerifyView(null, address, address));
        } catch (InvalidInputException e) {
            ctx.status(410);
            Views.page(ctx, "inbox-verify.jte", new VerifyView(null, null, null));
        }
    }

    public void chooseForAlias(Context ctx) {
        String aliasId = ctx.pathParam("id");
        aliasInboxes.choose(WebGate.userId(ctx), aliasId, ctx.formParams("inbox"));
        throw new Redirect("/aliases/" + aliasId + "?inboxes=saved");
    }
}
