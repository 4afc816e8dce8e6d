package dev.masq.api;

import dev.masq.mail.submission.AppPassword;
import dev.masq.mail.submission.AppPasswords;
import dev.masq.http.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Instant;

/** {@code /api/v1/app-passwords}: the passwords mail clients sign in with on the submission port. */
public record AppPasswordHandlers(AppPasswords passwords) {
    public void create(Context ctx) {
        NewAppPassword body = JsonBody.read(ctx, NewAppPassword.class);
        AppPasswords.Issued issued = passwords.create(ApiAuth.userId(ctx), body.name());
        ctx.status(201).header(Header.LOCATION, "/api/v1/app-passwords/" + issued.id());
        ctx.json(issued);
    }

    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(passwords.list(ApiAuth.userId(ctx)).stream().map(AppPasswordView::of).toList()));
    }

    public void revoke(Context ctx) {
        passwords.revoke(ApiAuth.userId(ctx), ctx.pathParam("pid"));
        ctx.status(204);
    }

    record NewAppPassword(String name) {
    }

    record AppPasswordView(String id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static AppPasswordView of(AppPassword p) {
            return new AppPasswordView(p.id(), p.name(), p.createdAt(), p.lastUsedAt(), p.revokedAt());
        }
    }
}
