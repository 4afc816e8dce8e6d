package dev.masq.web;

import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.domain.DomainService;
import dev.masq.domain.DomainSetup;
import dev.masq.domain.NewDomain;
import dev.masq.http.Redirect;
import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The domains page: add a domain of one's own (with the records to publish, each with a copy button and its status
 * as last checked) or claim a subdomain of ours; check now; catch-all on or off; delete after a confirmation.
 * Its routes sit behind the same gate (session, CSRF) as every page.
 */
public final class DomainPages implements RouteGroup {
    private final DomainService domains;
    private final WebGate gate;
    private final List<String> parents;

    /** {@code parents}: the operator's alias domains, of which subdomains may be claimed. */
    public DomainPages(DomainService domains, WebGate gate, List<String> parents) {
        this.domains = domains;
        this.gate = gate;
        this.parents = List.copyOf(parents);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/domains", gate.signedIn(this::list));
        routes.post("/domains", gate.signedIn(this::add));
        routes.post("/domains/{id}/verify", gate.signedIn(this::verify));
        routes.post("/domains/{id}/catch-all", gate.signedIn(this::catchAll));
        routes.get("/domains/{id}/delete", gate.signedIn(this::deleteForm));
        routes.post("/domains/{id}/delete", gate.signedIn(this::delete));
    }

    /** {@code error} names what went wrong with {@code field} (null for none); {@code domain} echoes the form. */
    public record DomainsView(List<DomainSetup> domains, List<String> parents, String field, String error, String domain,
                              String subdomain) {
    }

    public record DeleteView(DomainSetup domain) {
    }

    private void list(Context ctx) {
        render(ctx, null, null, null, null);
    }

    private void add(Context ctx) {
        String domain = blankToNull(ctx.formParam("domain"));
        String subdomain = blankToNull(ctx.formParam("subdomain"));
        try {
            DomainSetup added = domains.add(WebGate.userId(ctx), new NewDomain(domain, subdomain,
                    subdomain == null ? null : blankToNull(ctx.formParam("parent"))));
            throw new Redirect("/domains#" + added.domain().id());
        } catch (InvalidInputException e) {
            ctx.status(e instanceof ConflictException ? 409 : 422);
            render(ctx, e.field(), e.getMessage(), domain, subdomain);
        }
    }

    private void verify(Context ctx) {
        try {
            domains.verify(WebGate.userId(ctx), ctx.pathParam("id"));
            throw new Redirect("/domains#" + ctx.pathParam("id"));
        } catch (ConflictException e) {
            ctx.status(409);
            render(ctx, "verify", e.getMessage(), null, null);
        }
    }

    private void catchAll(Context ctx) {
        domains.setCatchAll(WebGate.userId(ctx), ctx.pathParam("id"), "on".equals(ctx.formParam("catch_all")));
        throw new Redirect("/domains#" + ctx.pathParam("id"));
    }

    private void deleteForm(Context ctx) {
        Views.page(ctx, "domain-delete.jte", new DeleteView(domains.get(WebGate.userId(ctx), ctx.pathParam("id"))));
    }

    private void delete(Context ctx) {
        domains.delete(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/domains");
    }

    private void render(Context ctx, String field, String error, String domain, String subdomain) {
        Views.page(ctx, "domains.jte", new DomainsView(domains.list(WebGate.userId(ctx)), parents, field, error, domain,
                subdomain));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
