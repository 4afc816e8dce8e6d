package dev.masq.web;

import dev.masq.account.Profile;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasPage;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasSort;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.common.InvalidInputException;
import dev.masq.domain.DomainService;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.LeakService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import dev.masq.http.Redirect;

/** The dashboard (alias list and the create form), and the pause, resume and burn actions on an alias. */
public final class AliasPages {
    private static final int PAGE_SIZE = 50;

    private final AliasService aliases;
    private final LeakService leaks;
    private final List<String> domains;
    private final DomainService userDomains;

    /** {@code domains}: the operator's; each user may also choose among their own verified ones. */
    public AliasPages(AliasService aliases, LeakService leaks, List<String> domains, DomainService userDomains) {
        this.aliases = aliases;
        this.leaks = leaks;
        this.domains = domains;
        this.userDomains = userDomains;
    }

    public record Row(Alias alias, AliasLeak leak) {
    }

    /** The list's filters as given in the query string, echoed back into the form and the paging links. */
    public record Filters(String q, String state, String leak, String sort, String cursor) {
        public String nextLink(String next) {
            return "/?" + params() + "cursor=" + enc(next);
        }

        /** Says how the table is ordered, in the words of the sort select. */
        public String sortLabel() {
            return switch (sort == null ? "newest" : sort) {
                case "oldest" -> "Oldest first";
                case "last_received" -> "Most recently received first";
                case "forwarded" -> "Most forwarded first";
                default -> "Newest first";
            };
        }

        /** This list as it is now, for actions to come back to. */
        public String here() {
            return "/?" + params() + (cursor == null ? "" : "cursor=" + enc(cursor));
        }

        private String params() {
            return (q == null ? "" : "q=" + enc(q) + "&") + (state == null ? "" : "state=" + state + "&")
                    + (leak == null ? "" : "leak=" + leak + "&") + (sort == null ? "" : "sort=" + sort + "&");
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public record CreateForm(String vendor, String site, String note, String mode, String localPart, String domain, String error) {
    }

    public record Dashboard(List<Row> rows, Filters filters, String nextCursor, Row created, List<String> domains,
                            CreateForm form) {
    }

    /** The confirmation page of a burn names what is burned. */
    public record BurnView(Alias alias) {
    }

    public void dashboard(Context ctx) {
        render(ctx, defaults(ctx), 200);
    }

    public void create(Context ctx) {
        CreateForm form = new CreateForm(ctx.formParam("vendor"), ctx.formParam("site"), ctx.formParam("note"),
                ctx.formParam("mode"), ctx.formParam("local_part"), ctx.formParam("domain"), null);
        try {
            NewAlias.AddressMode mode = NewAlias.AddressMode.fromWire(form.mode());
            Alias alias = aliases.create(WebGate.userId(ctx),
                    new NewAlias(mode, form.localPart(), form.domain(), form.vendor(), form.site(), form.note()));
            throw new Redirect("/?created=" + alias.id());
        } catch (InvalidInputException e) {
            render(ctx, new CreateForm(form.vendor(), form.site(), form.note(), form.mode(), form.localPart(), form.domain(),
                    e.getMessage()), 422);
        }
    }

    private void render(Context ctx, CreateForm form, int status) {
        String user = WebGate.userId(ctx);
        Filters filters = new Filters(blankToNull(ctx.queryParam("q")), choice(ctx.queryParam("state"), "active", "paused", "burned"),
                choice(ctx.queryParam("leak"), "clean", "suspected", "leaked"),
                choice(ctx.queryParam("sort"), "oldest", "last_received", "forwarded"), blankToNull(ctx.queryParam("cursor")));
        AliasState state = filters.state() == null ? null : AliasState.fromWire(filters.state());
        AliasPage page = aliases.list(user, new AliasQuery(state, filters.q(), filters.leak(),
                AliasSort.fromWire(filters.sort()), filters.cursor(), PAGE_SIZE));
        Map<String, AliasLeak> pageLeaks = leaks.leaks(user, page.items().stream().map(Alias::id).toList());
        List<Row> rows = page.items().stream().map(a -> new Row(a, pageLeaks.get(a.id()))).toList();
        String next = page.nextCursor();
        Row created = null;
        String createdId = ctx.queryParam("created");
        if (createdId != null) {
            Alias a = aliases.get(user, createdId);
            created = new Row(a, leaks.leak(user, a.id()));
        }
        ctx.status(status);
        List<String> choices = new java.util.ArrayList<>(domains);
        choices.addAll(userDomains.verifiedDomains(user));
        Views.page(ctx, "dashboard.jte", new Dashboard(rows, filters, next, created, choices, form));
    }

    private CreateForm defaults(Context ctx) {
        Profile p = WebGate.page(ctx).user();
        return new CreateForm(null, null, null, p.defaultMode() == null ? "words" : p.defaultMode(), null,
                p.defaultDomain() == null ? domains.getFirst() : p.defaultDomain(), null);
    }

    public void pause(Context ctx) {
        aliases.pause(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect(back(ctx));
    }

    public void resume(Context ctx) {
        aliases.resume(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect(back(ctx));
    }

    public void burnForm(Context ctx) {
        Alias alias = aliases.get(WebGate.userId(ctx), ctx.pathParam("id"));
        Views.page(ctx, "burn.jte", new BurnView(alias));
    }

    public void burn(Context ctx) {
        boolean replace = ctx.formParam("replace") != null;
        AliasService.BurnResult result = aliases.burn(WebGate.userId(ctx), ctx.pathParam("id"), replace, ctx.formParam("reason"));
        throw new Redirect(result.replacement() == null
                ? "/aliases/" + result.burned().id()
                : "/?created=" + result.replacement().id());
    }

    /** Actions return to the page they were taken on: the list (with its filters) or the alias page. */
    private static String back(Context ctx) {
        return LocalPath.orElse(ctx.formParam("back"), "/aliases/" + ctx.pathParam("id"));
    }

    private static String choice(String value, String... allowed) {
        return value != null && List.of(allowed).contains(value) ? value : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
