package dev.masq.api;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasService;
import dev.masq.http.JsonBody;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.Breach;
import dev.masq.leak.GuardService;
import dev.masq.leak.LeakStatus;
import dev.masq.leak.VendorService;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code /api/v1/vendors}: the person's vendors, their breaches, what reached their aliases since, burning them all. */
public record VendorHandlers(VendorService vendors, GuardService guards) {
    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(vendors.vendors(ApiAuth.userId(ctx)).stream().map(VendorView::of).toList()));
    }

    public void get(Context ctx) {
        String user = ApiAuth.userId(ctx);
        VendorService.Vendor v = vendors.vendor(user, ctx.pathParam("vendor"));
        List<ExposedAlias> aliases = vendors.exposure(user, v).stream()
                .map(e -> new ExposedAlias(e.alias().id(), e.alias().address(), e.alias().state().wire(),
                        status(v, e.alias()), e.mail().stream().map(MailView::of).toList()))
                .toList();
        ctx.json(new VendorDetail(v.name(), v.status().wire(), v.breaches().stream().map(BreachView::of).toList(), aliases));
    }

    public void addBreach(Context ctx) {
        NewBreach body = JsonBody.read(ctx, NewBreach.class);
        Breach b = guards.addBreach(ApiAuth.userId(ctx), ctx.pathParam("vendor"), body.date(), body.note(), body.source());
        ctx.status(201).json(BreachView.of(b));
    }

    public void burn(Context ctx) {
        BurnAll body = JsonBody.read(ctx, BurnAll.class);
        List<AliasService.BurnResult> burned = vendors.burnAll(ApiAuth.userId(ctx), ctx.pathParam("vendor"),
                body.replace() == null || body.replace());
        ctx.json(new AliasViews.Items<>(burned.stream()
                .map(r -> new BurnedView(AliasRef.of(r.burned()), r.replacement() == null ? null : AliasRef.of(r.replacement())))
                .toList()));
    }

    private static String status(VendorService.Vendor v, Alias a) {
        AliasLeak leak = v.leaks().get(a.id());
        return (leak == null ? LeakStatus.CLEAN : leak.status()).wire();
    }

    record NewBreach(String date, String note, String source) {
    }

    record BurnAll(Boolean replace) {
    }

    record AliasRef(String id, String address) {
        static AliasRef of(Alias a) {
            return new AliasRef(a.id(), a.address());
        }
    }

    record BurnedView(AliasRef burned, AliasRef replacement) {
    }

    record BreachView(String id, LocalDate date, String note, String source) {
        static BreachView of(Breach b) {
            return new BreachView(b.id(), b.date(), b.note(), b.source());
        }
    }

    record AliasSummary(String id, String address, String state, String leakStatus) {
    }

    record VendorView(String vendor, String leakStatus, List<AliasSummary> aliases, List<BreachView> breaches) {
        static VendorView of(VendorService.Vendor v) {
            return new VendorView(v.name(), v.status().wire(),
                    v.aliases().stream().map(a -> new AliasSummary(a.id(), a.address(), a.state().wire(), status(v, a))).toList(),
                    v.breaches().stream().map(BreachView::of).toList());
        }
    }

    record MailView(String eventId, String kind, String verdict, String senderDomain, Instant receivedAt) {
        static MailView of(AliasEvent e) {
            return new MailView(e.id(), e.kind(), e.detail(), e.senderDomain(), e.createdAt());
        }
    }

    record ExposedAlias(String id, String address, String state, String leakStatus, List<MailView> mail) {
    }

    record VendorDetail(String vendor, String leakStatus, List<BreachView> breaches, List<ExposedAlias> aliases) {
    }
}
