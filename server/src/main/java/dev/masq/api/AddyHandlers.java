package dev.masq.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.account.Profile;
import dev.masq.account.SignInService;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasSort;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.db.Database;
import dev.masq.http.JsonBody;
import dev.masq.http.Problem;
import dev.masq.http.QueryParams;
import dev.masq.http.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * addy.io's API, for its browser extension and apps and Bitwarden's generator ({@code Authorization: Bearer}).
 * Its alias calls share masq's own paths; a request is addy.io's when it carries the {@code X-Requested-From}
 * header addy.io's extension sends on every call, or (for clients without it, such as Bitwarden) fields or
 * parameters that only addy.io has. Every other request on those paths gets masq's own answer, unchanged.
 */
public record AddyHandlers(Database db, AliasService aliases, AliasInboxes aliasInboxes, InboxService inboxes,
                           AliasInboxViews inboxViews, SignInService signIn, AliasDomains domains, RateLimiter creations) {
    private static final Set<String> ADDY_CREATE_FIELDS = Set.of("description", "format", "recipient_ids");
    private static final Set<String> ADDY_PATCH_FIELDS = Set.of("description", "from_name");

    // Telling the dialects apart on the paths they share.

    public Handler createOr(Handler masq) {
        return ctx -> (fromAddyClient(ctx) || ADDY_CREATE_FIELDS.stream().anyMatch(JsonBody.object(ctx)::has)
                ? speaking(this::create) : masq).handle(ctx);
    }

    public Handler listOr(Handler masq) {
        return ctx -> {
            boolean addyParams = ctx.queryParamMap().keySet().stream().anyMatch(k -> k.startsWith("filter[") || k.startsWith("page["));
            (fromAddyClient(ctx) || addyParams ? speaking(this::list) : masq).handle(ctx);
        };
    }

    public Handler getOr(Handler masq) {
        return ctx -> (fromAddyClient(ctx) ? speaking(this::get) : masq).handle(ctx);
    }

    public Handler updateOr(Handler masq) {
        return ctx -> (fromAddyClient(ctx) || ADDY_PATCH_FIELDS.stream().anyMatch(JsonBody.object(ctx)::has)
                ? speaking(this::update) : masq).handle(ctx);
    }

    public Handler deleteOr(Handler masq) {
        return ctx -> (fromAddyClient(ctx) ? speaking(this::delete) : masq).handle(ctx);
    }

    /** An addy.io endpoint: its refusals carry {@code message}, where addy.io's clients read the reason. */
    public static Handler speaking(Handler addy) {
        return ctx -> {
            Problem.forMessageReader(ctx);
            addy.handle(ctx);
        };
    }

    private static boolean fromAddyClient(Context ctx) {
        return ctx.header("X-Requested-From") != null;
    }

    // addy.io's calls.

    /** The key check of addy.io's extension; the default format follows the person's default mode. */
    public void domainOptions(Context ctx) {
        String user = ApiAuth.userId(ctx);
        Profile profile = signIn.profile(user);
        List<String> offered = domains.of(user);
        ctx.json(new AddyViews.DomainOptions(offered, defaultDomain(profile, offered), defaultFormat(profile)));
    }

    public void accountDetails(Context ctx) {
        String user = ApiAuth.userId(ctx);
        Profile profile = signIn.profile(user);
        List<Mailbox> own = inboxes.list(user);
        String defaultInbox = own.stream().filter(Mailbox::isDefault).map(Mailbox::id).findFirst().orElse(null);
        ctx.json(new AddyViews.One<>(new AddyViews.Account(user, profile.email(), defaultInbox,
                defaultDomain(profile, domains.of(user)), defaultFormat(profile), own.size())));
    }

    /** {@code filter[verified]=true} leaves out the inboxes not yet confirmed. */
    public void recipients(Context ctx) {
        boolean verifiedOnly = "true".equals(ctx.queryParam("filter[verified]"));
        ctx.json(new AddyViews.One<>(inboxes.list(ApiAuth.userId(ctx)).stream().filter(m -> !verifiedOnly || m.verified())
                .map(AddyViews.Recipient::of).toList()));
    }

    /** addy.io's formats: random_characters, uuid, random_words, custom (with {@code local_part}). */
    void create(Context ctx) {
        String user = ApiAuth.userId(ctx);
        creations.acquire(user);
        ObjectNode node = JsonBody.refusingNulls(JsonBody.object(ctx), Set.of("description"));
        if (node.has("note")) {
            throw new InvalidInputException("description", "give either note or description (its addy.io name), not both");
        }
        AddyRequests.Create body = JsonBody.convert(node, AddyRequests.Create.class);
        NewAlias request = body.toNewAlias();
        if (body.recipientIds() != null) {
            inboxViews.requireOwn(user, body.recipientIds(), "recipient_ids");
        }
        Alias alias = db.write(tx -> {
            Alias created = aliases.create(user, request);
            if (body.recipientIds() != null && !body.recipientIds().isEmpty()) {
                aliasInboxes.choose(user, created.id(), body.recipientIds());
            }
            return created;
        });
        ctx.status(201).header(Header.LOCATION, "/api/v1/aliases/" + alias.id());
        ctx.json(new AddyViews.One<>(view(user, alias)));
    }

    /**
     * {@code filter[deleted]} (without, the default; with; only: burned aliases), {@code filter[active]},
     * {@code filter[search]}, {@code sort}, {@code page[number]} from 1 and {@code page[size]} up to 100.
     */
    void list(Context ctx) {
        String user = ApiAuth.userId(ctx);
        AddyRequests.ListFilter filter = AddyRequests.ListFilter.from(ctx.queryParam("filter[deleted]"),
                ctx.queryParam("filter[active]"), ctx.queryParam("filter[pinned]"));
        AliasSort sort = AddyRequests.sort(ctx.queryParam("sort"));
        int number = Math.max(1, QueryParams.integer(ctx, "page[number]", 1, 1_000_000));
        int size = ctx.queryParam("page[size]") == null ? 100 : QueryParams.integer(ctx, "page[size]", 1, 100);
        int offset = (number - 1) * size;
        AliasService.NumberedPage page = filter.none()
                ? new AliasService.NumberedPage(List.of(), 0)
                : aliases.page(user, new AliasQuery(filter.state(), ctx.queryParam("filter[search]"), null, sort, null, size),
                        filter.withBurned(), offset, size);
        int last = Math.max(1, (page.total() + size - 1) / size);
        String path = "/api/v1/aliases";
        String at = path + "?page[size]=" + size + "&page[number]=";
        List<AddyViews.AddyAlias> items = inboxViews.render(user, page.items(), AddyViews.AddyAlias::of);
        ctx.json(new AddyViews.Page(items,
                new AddyViews.Links(at + 1, at + last, number > 1 ? at + (number - 1) : null, number < last ? at + (number + 1) : null),
                new AddyViews.Meta(number, items.isEmpty() ? null : offset + 1, last, path, size,
                        items.isEmpty() ? null : offset + items.size(), page.total())));
    }

    void get(Context ctx) {
        String user = ApiAuth.userId(ctx);
        ctx.json(new AddyViews.One<>(view(user, aliases.get(user, ctx.pathParam("id")))));
    }

    /** {@code description} is the note, {@code from_name} the display name; null clears either. */
    void update(Context ctx) {
        String user = ApiAuth.userId(ctx);
        ObjectNode node = JsonBody.object(ctx);
        AddyRequests.Patch body = JsonBody.convert(node, AddyRequests.Patch.class);
        Alias alias = aliases.update(user, ctx.pathParam("id"), new AliasPatch(
                node.has("description") ? Optional.of(body.description() == null ? "" : body.description()) : Optional.empty(),
                Optional.empty(), Optional.empty(),
                node.has("from_name") ? Optional.of(body.fromName() == null ? "" : body.fromName()) : Optional.empty()));
        ctx.json(new AddyViews.One<>(view(user, alias)));
    }

    /** addy.io's delete keeps the alias listed as deleted and refuses its mail: masq's burn. */
    void delete(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        if (aliases.get(user, id).state() == AliasState.BURNED) {
            throw new NotFoundException("no alias with id " + id + " that is not deleted");
        }
        aliases.burn(user, id, false, "deleted from an addy.io client");
        ctx.status(204);
    }

    /** addy.io's forget removes an alias for good: masq's delete (its address is never issued again). */
    public void forget(Context ctx) {
        aliases.delete(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** A deleted addy.io alias can come back; a burned masq alias cannot. */
    public void restore(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        if (aliases.get(user, id).state() == AliasState.BURNED) {
            throw new ConflictException("state", "a burned alias stays burned; create a new one instead");
        }
        ctx.json(new AddyViews.One<>(view(user, aliases.get(user, id))));
    }

    /** masq has no pinned aliases: said plainly rather than pretended. */
    public void pin(Context ctx) {
        throw new InvalidInputException("id", "masq does not pin aliases");
    }

    public void activate(Context ctx) {
        String user = ApiAuth.userId(ctx);
        AddyRequests.Activate body = JsonBody.read(ctx, AddyRequests.Activate.class);
        if (body.id() == null || body.id().isBlank()) {
            throw new InvalidInputException("id", "give the id of the alias to activate");
        }
        ctx.json(new AddyViews.One<>(view(user, aliases.resume(user, body.id()))));
    }

    public void deactivate(Context ctx) {
        aliases.pause(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static String defaultDomain(Profile profile, List<String> offered) {
        return profile.defaultDomain() != null && offered.contains(profile.defaultDomain()) ? profile.defaultDomain() : offered.getFirst();
    }

    /** masq's default mode in addy.io's words. */
    private static String defaultFormat(Profile profile) {
        return "random".equals(profile.defaultMode()) ? "random_characters" : "random_words";
    }

    private AddyViews.AddyAlias view(String user, Alias alias) {
        return inboxViews.render(user, List.of(alias), AddyViews.AddyAlias::of).getFirst();
    }
}
