package dev.masq.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasPage;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasSort;
import dev.masq.alias.AliasState;
import dev.masq.block.SenderBlocks;
import dev.masq.common.InvalidInputException;
import dev.masq.db.Database;
import dev.masq.leak.LeakService;
import dev.masq.http.JsonBody;
import dev.masq.http.QueryParams;
import dev.masq.http.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Locale;
import java.util.Set;

/** {@code /api/v1/aliases}: parse, call the service for the key's owner, render. */
public final class AliasHandlers {
    private final AliasService aliases;
    private final AliasViewer viewer;
    private final RateLimiter creations;
    private final AliasPatchService patches;
    private final AliasCreation creation;

    public AliasHandlers(Database db, AliasService aliases, LeakService leaks, SenderBlocks blocks, AliasInboxes inboxes,
                         RateLimiter creations) {
        this.aliases = aliases;
        this.patches = new AliasPatchService(db, aliases, leaks, blocks, inboxes);
        this.creation = new AliasCreation(db, aliases, inboxes);
        this.viewer = new AliasViewer(leaks, blocks, inboxes);
        this.creations = creations;
    }

    public void create(Context ctx) {
        String user = ApiAuth.userId(ctx);
        creations.acquire(user);
        AliasRequests.Create body = JsonBody.convert(JsonBody.refusingNulls(JsonBody.object(ctx), Set.of()), AliasRequests.Create.class);
        Alias alias = creation.create(user, body.toNewAlias(), body.inboxIds());
        ctx.status(201).header(Header.LOCATION, "/api/v1/aliases/" + alias.id());
        ctx.json(view(alias));
    }

    public void list(Context ctx) {
        AliasQuery query = new AliasQuery(state(ctx.queryParam("state")), ctx.queryParam("q"), blankToNull(ctx.queryParam("leak")),
                AliasSort.fromWire(ctx.queryParam("sort")), ctx.queryParam("cursor"), QueryParams.integer(ctx, "limit", 1, 200));
        String user = ApiAuth.userId(ctx);
        AliasPage page = aliases.list(user, query);
        ctx.json(new AliasViews.Page<>(viewer.views(user, page.items()), page.nextCursor()));
    }

    public void get(Context ctx) {
        ctx.json(view(aliases.get(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    public void update(Context ctx) {
        ObjectNode body = JsonBody.refusingNulls(JsonBody.object(ctx), AliasRequests.Patch.CLEARABLE);
        AliasRequests.Patch patch = JsonBody.convert(body, AliasRequests.Patch.class);
        ctx.json(view(patches.apply(ApiAuth.userId(ctx), ctx.pathParam("id"), AliasRequests.Patch.from(body, patch))));
    }

    public void delete(Context ctx) {
        aliases.delete(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    public void pause(Context ctx) {
        ctx.json(view(aliases.pause(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    public void resume(Context ctx) {
        ctx.json(view(aliases.resume(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    public void burn(Context ctx) {
        AliasRequests.Burn body = JsonBody.convert(JsonBody.refusingNulls(JsonBody.object(ctx), Set.of()), AliasRequests.Burn.class);
        AliasService.BurnResult r = aliases.burn(ApiAuth.userId(ctx), ctx.pathParam("id"), body.replaceOrDefault(), body.reason());
        ctx.json(new AliasViews.Burned(view(r.burned()), r.replacement() == null ? null : view(r.replacement())));
    }

    public void events(Context ctx) {
        var events = aliases.events(ApiAuth.userId(ctx), ctx.pathParam("id"), QueryParams.integer(ctx, "limit", 1, 500));
        ctx.json(new AliasViews.Items<>(events.stream().map(AliasViews.EventView::of).toList()));
    }

    private AliasViews.AliasView view(Alias alias) {
        return viewer.view(alias);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static AliasState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> AliasState.ACTIVE;
            case "paused" -> AliasState.PAUSED;
            case "burned" -> AliasState.BURNED;
            default -> throw new InvalidInputException("state", "state is one of active, paused, burned");
        };
    }
}
