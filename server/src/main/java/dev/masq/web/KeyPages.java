package dev.masq.web;

import dev.masq.account.ApiKeyRepository.ApiKeyInfo;
import dev.masq.account.ApiKeyService;
import dev.masq.account.ApiScope;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import dev.masq.http.Redirect;

/** The API keys page: create (the secret is shown this once), see when each was last used, revoke. */
public record KeyPages(ApiKeyService keys) {
    public record KeysView(List<ApiKeyInfo> keys, List<ApiScope> scopes, String newSecret, String newName, String error) {
    }

    public void list(Context ctx) {
        render(ctx, null, null, null);
    }

    public void create(Context ctx) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        ctx.formParams("scope").forEach(s -> ApiScope.fromWire(s).ifPresent(scopes::add));
        String name = ctx.formParam("name");
        try {
            // Rendered straight from the POST (no redirect) so that the secret is never in a URL or stored anywhere.
            render(ctx, keys.create(WebGate.userId(ctx), name, scopes).secret(), name, null);
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, null, null, e.getMessage());
        }
    }

    public void revoke(Context ctx) {
        keys.revoke(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/keys");
    }

    private void render(Context ctx, String secret, String name, String error) {
        Views.page(ctx, "keys.jte", new KeysView(keys.list(WebGate.userId(ctx)), List.of(ApiScope.values()), secret, name, error));
    }
}
