package dev.masq.api;

import dev.masq.common.InvalidInputException;
import dev.masq.domain.DnsRecord;
import dev.masq.domain.DomainService;
import dev.masq.domain.DomainSetup;
import dev.masq.domain.NewDomain;
import dev.masq.http.JsonBody;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/domains}: the user's own domains and subdomains of ours, their DNS records and catch-all. */
public final class DomainHandlers {
    private final DomainService domains;

    public DomainHandlers(DomainService domains) {
        this.domains = domains;
    }

    public void add(Context ctx) {
        NewDomainRequest body = JsonBody.convert(JsonBody.refusingNulls(JsonBody.object(ctx), Set.of()), NewDomainRequest.class);
        ctx.status(201).json(DomainView.of(domains.add(ApiAuth.userId(ctx),
                new NewDomain(body.domain(), body.subdomain(), body.parent()))));
    }

    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(domains.list(ApiAuth.userId(ctx)).stream().map(DomainView::of).toList()));
    }

    public void get(Context ctx) {
        ctx.json(DomainView.of(domains.get(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    public void update(Context ctx) {
        DomainPatch body = JsonBody.convert(JsonBody.refusingNulls(JsonBody.object(ctx), Set.of()), DomainPatch.class);
        if (body.catchAll() == null) {
            // The one field there is: a PATCH without it would change nothing, which is a mistake worth naming.
            throw new InvalidInputException("catch_all", "give catch_all: true or false");
        }
        ctx.json(DomainView.of(domains.setCatchAll(ApiAuth.userId(ctx), ctx.pathParam("id"), body.catchAll())));
    }

    public void delete(Context ctx) {
        domains.delete(ApiAuth.userId(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    public void verify(Context ctx) {
        ctx.json(DomainView.of(domains.verify(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    record NewDomainRequest(String domain, String subdomain, String parent) {
    }

    record DomainPatch(Boolean catchAll) {
    }

    /** {@code kind}: {@code custom} for a domain of the user's own, {@code subdomain} for one of ours. */
    record DomainView(String id, String domain, String kind, String status, boolean catchAll, List<DnsRecord> records,
                      Instant createdAt, Instant verifiedAt) {
        static DomainView of(DomainSetup s) {
            return new DomainView(s.domain().id(), s.domain().name(), s.domain().subdomain() ? "subdomain" : "custom",
                    s.domain().status().wire(), s.domain().catchAll(), s.records(), s.domain().createdAt(),
                    s.domain().verifiedAt());
        }
    }
}
