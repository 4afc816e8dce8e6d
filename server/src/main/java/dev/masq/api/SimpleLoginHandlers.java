package dev.masq.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.alias.VendorDomains;
import dev.masq.common.ConflictException;
import dev.masq.db.Database;
import dev.masq.http.JsonBody;
import dev.masq.http.ProblemException;
import dev.masq.http.QueryParams;
import dev.masq.http.RateLimiter;
import dev.masq.mail.forward.Contact;
import dev.masq.mail.reply.ContactService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SimpleLogin's alias calls, as its browser extension and apps (and Bitwarden's generator) make them: the key in
 * the {@code Authentication} header, masq's aliases, inboxes and contacts in SimpleLogin's shapes
 * ({@link SimpleLoginViews}). Like SimpleLogin, unknown body fields are ignored.
 */
public record SimpleLoginHandlers(Database db, AliasService aliases, AliasInboxes aliasInboxes, AliasInboxViews inboxViews,
                                  ContactService contacts, SignedSuffixes suffixes, RateLimiter creations) {
    /** SimpleLogin's page size for aliases and contacts; its clients page with {@code page_id} from 0. */
    private static final int PAGE = 20;
    /** masq's mail events in SimpleLogin's words. */
    private static final Map<String, String> ACTIONS = Map.of("forwarded", "forward", "replied", "reply", "blocked", "block",
            "bounce", "bounced");

    /** Query {@code hostname} (the site the alias is for) becomes the vendor domain when it is one; {@code mode=uuid} asks for random characters. */
    public void randomNew(Context ctx) {
        String user = ApiAuth.userId(ctx);
        creations.acquire(user);
        RandomBody body = JsonBody.read(ctx, RandomBody.class);
        NewAlias.AddressMode mode = mode(ctx.queryParam("mode"));
        Alias alias = aliases.create(user, new NewAlias(mode, null, null, null, site(ctx), body.note()));
        ctx.status(201).json(view(user, alias));
    }

    /**
     * v2 and v3 of the custom create: {@code alias_prefix} plus a {@code signed_suffix} from the options call; v3 adds
     * {@code mailbox_ids} and {@code name}. Everything lands in one transaction: a refused inbox creates nothing.
     */
    public void customNew(Context ctx) {
        String user = ApiAuth.userId(ctx);
        creations.acquire(user);
        CustomBody body = JsonBody.read(ctx, CustomBody.class);
        String suffix = suffixes.verify(user, body.signedSuffix());
        if (body.mailboxIds() != null) {
            inboxViews.requireOwn(user, body.mailboxIds(), "mailbox_ids");
        }
        int at = suffix.lastIndexOf('@');
        String prefix = body.aliasPrefix() == null ? "" : body.aliasPrefix().strip().toLowerCase(Locale.ROOT);
        NewAlias request = new NewAlias(NewAlias.AddressMode.CUSTOM, prefix + suffix.substring(0, at),
                suffix.substring(at + 1), null, site(ctx), body.note());
        Alias alias = db.write(tx -> {
            Alias created = aliases.create(user, request);
            if (body.mailboxIds() != null) {
                aliasInboxes.choose(user, created.id(), body.mailboxIds());
            }
            if (body.name() != null && !body.name().isBlank()) {
                return aliases.update(user, created.id(), displayName(body.name()));
            }
            return created;
        });
        ctx.status(201).json(view(user, alias));
    }

    /** GET or POST (some frameworks send no body with GET); {@code query} in the body or the query string. */
    public void list(Context ctx) {
        String user = ApiAuth.userId(ctx);
        int page = QueryParams.integer(ctx, "page_id", 0, 1_000_000);
        ObjectNode body = JsonBody.object(ctx);
        String query = body.path("query").isTextual() ? body.get("query").asText() : ctx.queryParam("query");
        AliasState state = ctx.queryParam("enabled") != null ? AliasState.ACTIVE
                : ctx.queryParam("disabled") != null ? AliasState.PAUSED : null;
        List<Alias> items = aliases.page(user, new AliasQuery(state, query, null, PAGE), true, page * PAGE, PAGE).items();
        ctx.json(new SimpleLoginViews.Aliases(views(user, items)));
    }

    public void get(Context ctx) {
        String user = ApiAuth.userId(ctx);
        ctx.json(view(user, aliases.get(user, ctx.pathParam("id"))));
    }

    /** Active becomes paused and paused active; a burned alias stays burned (409). */
    public void toggle(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        Alias alias = switch (aliases.get(user, id).state()) {
            case ACTIVE -> aliases.pause(user, id);
            case PAUSED -> aliases.resume(user, id);
            case BURNED -> throw new ConflictException("state", "a burned alias stays burned");
        };
        ctx.json(new SimpleLoginViews.Toggled(alias.state() == AliasState.ACTIVE));
    }

    /** {@code note}, {@code name} (masq's display name) and {@code mailbox_ids}; SimpleLogin's PGP and pin settings have no masq meaning. */
    public void update(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        ObjectNode body = JsonBody.object(ctx);
        UpdateBody fields = JsonBody.convert(body, UpdateBody.class);
        if (fields.mailboxIds() != null) {
            inboxViews.requireOwn(user, fields.mailboxIds(), "mailbox_ids");
        }
        db.writeVoid(tx -> {
            aliases.update(user, id, new AliasPatch(
                    body.has("note") ? Optional.of(fields.note() == null ? "" : fields.note()) : Optional.empty(),
                    Optional.empty(), Optional.empty(),
                    body.has("name") ? Optional.of(fields.name() == null ? "" : fields.name()) : Optional.empty()));
            if (fields.mailboxIds() != null) {
                aliasInboxes.choose(user, id, fields.mailboxIds());
            }
        });
        ctx.json(new SimpleLoginViews.Ok(true));
    }

    /** The alias's mail events, newest first, 20 a page; its other events (created, paused, ...) are not mail. */
    public void activities(Context ctx) {
        String user = ApiAuth.userId(ctx);
        Alias alias = aliases.get(user, ctx.pathParam("id"));
        int page = QueryParams.integer(ctx, "page_id", 0, 24);
        List<SimpleLoginViews.Activity> mail = aliases.events(user, alias.id(), 500).stream()
                .filter(e -> ACTIONS.containsKey(e.kind()))
                .skip((long) page * PAGE).limit(PAGE)
                .map(e -> {
                    String action = ACTIONS.get(e.kind());
                    boolean outgoing = action.equals("reply");
                    return new SimpleLoginViews.Activity(action, outgoing ? alias.address() : e.sender(),
                            outgoing ? e.sender() : alias.address(), e.createdAt().getEpochSecond());
                }).toList();
        ctx.json(new SimpleLoginViews.Activities(mail));
    }

    public void delete(Context ctx) {
        aliases.delete(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.json(new SimpleLoginViews.Deleted(true));
    }

    public void listContacts(Context ctx) {
        int page = QueryParams.integer(ctx, "page_id", 0, 1_000_000);
        List<Contact> all = contacts.list(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.json(new SimpleLoginViews.Contacts(all.stream().skip((long) page * PAGE).limit(PAGE)
                .map(c -> SimpleLoginViews.ContactView.of(c, null)).toList()));
    }

    /** A contact (masq's reverse alias) for {@code contact}: 201 when new, 200 with {@code existed} when it was there. */
    public void openContact(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String aliasId = ctx.pathParam("id");
        ContactBody body = JsonBody.read(ctx, ContactBody.class);
        if (body.contact() == null || body.contact().isBlank()) {
            throw ProblemException.badRequest("contact", "give the address to write to as 'contact'");
        }
        Set<String> before = contacts.list(user, aliasId).stream().map(Contact::id).collect(Collectors.toSet());
        Contact contact = contacts.open(user, aliasId, body.contact().strip());
        boolean existed = before.contains(contact.id());
        ctx.status(existed ? 200 : 201).json(SimpleLoginViews.ContactView.of(contact, existed));
    }

    private SimpleLoginViews.SlAlias view(String user, Alias alias) {
        return views(user, List.of(alias)).getFirst();
    }

    private List<SimpleLoginViews.SlAlias> views(String user, List<Alias> items) {
        return inboxViews.render(user, items, SimpleLoginViews.SlAlias::of);
    }

    private static AliasPatch displayName(String name) {
        return new AliasPatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(name));
    }

    private static String site(Context ctx) {
        return VendorDomains.tryRegistrableDomain(ctx.queryParam("hostname")).orElse(null);
    }

    /** SimpleLogin's two modes; it answers any other with a 400, and so do we rather than guess. */
    private static NewAlias.AddressMode mode(String mode) {
        if (mode == null || mode.equals("word")) {
            return NewAlias.AddressMode.WORDS;
        }
        if (mode.equals("uuid")) {
            return NewAlias.AddressMode.RANDOM;
        }
        throw ProblemException.badRequest("mode", "mode is word or uuid");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RandomBody(String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomBody(String aliasPrefix, String signedSuffix, List<String> mailboxIds, String note, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateBody(String note, String name, List<String> mailboxIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactBody(String contact) {
    }
}
