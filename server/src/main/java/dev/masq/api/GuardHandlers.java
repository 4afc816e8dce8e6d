package dev.masq.api;

import dev.masq.http.JsonBody;
import dev.masq.leak.GuardService;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/v1/aliases/{id}/identifiers}: the canary identifiers the person gave the alias's vendor. */
public record GuardHandlers(GuardService guards) {
    public void identifiers(Context ctx) {
        ctx.json(guards.identifiers(ApiAuth.userId(ctx), ctx.pathParam("id")));
    }

    /** The body is a JSON array of strings, which replaces the alias's identifiers; {@code []} clears them. */
    public void setIdentifiers(Context ctx) {
        List<String> identifiers = JsonBody.strings(ctx, "identifiers");
        ctx.json(guards.setIdentifiers(ApiAuth.userId(ctx), ctx.pathParam("id"), identifiers));
    }
}
