package dev.masq.api;

import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasService;
import dev.masq.block.SenderBlocks;
import dev.masq.common.InvalidInputException;
import dev.masq.leak.LeakReport;
import dev.masq.leak.LeakService;
import dev.masq.http.JsonBody;
import io.javalin.http.Context;

/** {@code /api/v1/leaks} and what the person says about the mail an alias received: spam, or the vendor's after all. */
public final class LeakHandlers {
    private final AliasService aliases;
    private final LeakService leaks;
    private final AliasViewer viewer;

    public LeakHandlers(AliasService aliases, LeakService leaks, SenderBlocks blocks, AliasInboxes inboxes) {
        this.aliases = aliases;
        this.leaks = leaks;
        this.viewer = new AliasViewer(leaks, blocks, inboxes);
    }

    /** JSON, or CSV with {@code ?format=csv}. */
    public void report(Context ctx) {
        String format = ctx.queryParam("format");
        LeakReport report = leaks.report(ApiAuth.userId(ctx));
        if (format == null || format.equals("json")) {
            ctx.json(LeakViews.of(report));
        } else if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"masq-leaks.csv\"")
                    .result(LeakCsv.render(report));
        } else {
            throw new InvalidInputException("format", "format is json or csv");
        }
    }

    public void reportSpam(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        leaks.reportSpam(user, id, ctx.pathParam("eid"));
        ctx.json(viewer.view(aliases.get(user, id)));
    }

    public void markVendorDomain(Context ctx) {
        String user = ApiAuth.userId(ctx);
        String id = ctx.pathParam("id");
        DomainBody body = JsonBody.read(ctx, DomainBody.class);
        if (body.domain() == null) {
            throw new InvalidInputException("domain", "give the domain that is the vendor's");
        }
        leaks.markVendorDomain(user, id, body.domain());
        ctx.json(viewer.view(aliases.get(user, id)));
    }

    record DomainBody(String domain) {
    }
}
