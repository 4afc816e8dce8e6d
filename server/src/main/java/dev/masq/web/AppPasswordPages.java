package dev.masq.web;

import dev.masq.common.InvalidInputException;
import dev.masq.mail.submission.AppPassword;
import dev.masq.mail.submission.AppPasswords;
import io.javalin.http.Context;
import java.util.List;
import dev.masq.http.Redirect;

/**
 * App passwords for mail clients sending as an alias over submission: create (shown this once, with
 * the settings to type into the client), list with last use, revoke.
 */
public record AppPasswordPages(AppPasswords passwords, Submission submission) {
    /** Where mail clients send: {@code implicitTlsPort} is null when no implicit-TLS listener is configured. */
    public record Submission(String host, int startTlsPort, Integer implicitTlsPort) {
    }

    public record AppPasswordsView(List<AppPassword> passwords, Submission submission, AppPasswords.Issued created,
                                   String error) {
    }

    public void list(Context ctx) {
        render(ctx, null, null);
    }

    public void create(Context ctx) {
        try {
            // Rendered straight from the POST (no redirect) so that the password is never in a URL or stored anywhere.
            render(ctx, passwords.create(WebGate.userId(ctx), ctx.formParam("name")), null);
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, null, e.getMessage());
        }
    }

    public void revoke(Context ctx) {
        passwords.revoke(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/app-passwords");
    }

    private void render(Context ctx, AppPasswords.Issued created, String error) {
        Views.page(ctx, "app-passwords.jte",
                new AppPasswordsView(passwords.list(WebGate.userId(ctx)), submission, created, error));
    }
}
