package dev.masq.api;

import dev.masq.common.NotFoundException;
import dev.masq.http.JsonBody;
import dev.masq.webhook.WebhookService;
import io.javalin.http.Context;

/** {@code /api/v1/webhook}: the one URL that hears of the account's leaks and burns. */
public record WebhookHandlers(WebhookService webhooks) {
    /** The answer carries the signing secret; it is never shown again. */
    public void put(Context ctx) {
        UrlBody body = JsonBody.read(ctx, UrlBody.class);
        ctx.json(webhooks.register(ApiAuth.userId(ctx), body.url()));
    }

    public void get(Context ctx) {
        ctx.json(webhooks.get(ApiAuth.userId(ctx)).orElseThrow(() -> new NotFoundException("no webhook is set")));
    }

    public void delete(Context ctx) {
        webhooks.remove(ApiAuth.userId(ctx));
        ctx.status(204);
    }

    record UrlBody(String url) {
    }
}
