package dev.masq.web;

import dev.masq.leak.ActionLinks;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.LeakActions;
import io.javalin.http.Context;

/**
 * The pages behind the links in a leak notice. GET only shows what the link would do and a button;
 * the button POSTs the same URL, which acts. The token in the path is the whole authorisation.
 */
public record ActionPages(LeakActions actions) {
    void confirm(Context ctx) {
        LeakActions.Pending pending = actions.inspect(ctx.pathParam("token"));
        AliasLeak leak = pending.leak();
        String vendor = leak.vendor() == null ? "an unknown vendor" : leak.vendor();
        boolean burn = pending.action() == ActionLinks.Action.BURN;
        String question = burn
                ? "Burn <strong>" + Html.escape(leak.address()) + "</strong>? From now on it refuses all mail, and you get a "
                + "new alias for " + Html.escape(vendor) + " that forwards to the same inbox."
                : "Keep <strong>" + Html.escape(leak.address()) + "</strong> and dismiss the warning? It stays marked as leaked, "
                + "and you hear again only if it leaks anew.";
        String form = "<p>" + question + "</p>\n<form method=\"post\" action=\"/actions/" + Html.escape(ctx.pathParam("token"))
                + "\"><button type=\"submit\">" + (burn ? "Burn and replace" : "Dismiss") + "</button></form>";
        html(ctx, 200, burn ? "Burn this alias?" : "Dismiss this warning?", form);
    }

    void act(Context ctx) {
        LeakActions.Done done = actions.perform(ctx.pathParam("token"));
        if (done.action() == ActionLinks.Action.BURN) {
            html(ctx, 200, "Alias burned", "<p><strong>" + Html.escape(done.leak().address()) + "</strong> now refuses all mail.</p>\n"
                    + "<p>Your new alias: <strong id=\"replacement\">" + Html.escape(done.replacement().address())
                    + "</strong>. Give it to " + Html.escape(done.replacement().vendor() == null ? "the vendor" : done.replacement().vendor())
                    + " in place of the old one.</p>");
        } else {
            html(ctx, 200, "Warning dismissed", "<p>" + Html.escape(done.leak().address()) + " stays as it is.</p>");
        }
    }

    static void refused(LeakActions.Refused e, Context ctx) {
        switch (e.reason()) {
            case INVALID -> html(ctx, 404, "Link not valid", "<p>This link is not one masq sent, or it was cut short.</p>");
            case EXPIRED -> html(ctx, 410, "Link expired", "<p>This link has expired. Burn the alias from the masq web interface instead.</p>");
            case USED -> html(ctx, 410, "Link already used", "<p>This link has been used already; it works once.</p>");
            case ALREADY_BURNED -> html(ctx, 409, "Alias already burned", "<p>This alias was burned already.</p>");
        }
    }

    private static void html(Context ctx, int status, String title, String body) {
        // A capability in the URL: keep it out of caches.
        ctx.status(status).header("Cache-Control", "no-store").contentType(Html.CONTENT_TYPE).result(Html.page(title, body));
    }
}
