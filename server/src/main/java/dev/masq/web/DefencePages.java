package dev.masq.web;

import dev.masq.alias.AliasService;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.http.Redirect;
import dev.masq.leak.GuardService;
import dev.masq.leak.VendorService;
import dev.masq.leak.VerdictKind;
import dev.masq.quarantine.PolicyService;
import dev.masq.quarantine.VerdictPolicy;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defence after a breach, in pages: the verdict policy (settings), recording a breach (from the leak report), the
 * vendor's page (its aliases and what reached them since the breach) and burning all its aliases, confirmed once.
 */
public record DefencePages(PolicyService policies, GuardService guards, VendorService vendors) {
    /** One select per verdict: its wire name, what it is, the options offered and the one chosen. */
    public record PolicyRow(String verdict, String label, List<String> options, String chosen) {
    }

    public record PolicyView(List<PolicyRow> rows, boolean digest, String message, String error) {
    }

    public record VendorView(VendorService.Vendor vendor, List<VendorService.Exposure> exposure) {
    }

    public record BurnAllView(VendorService.Vendor vendor) {
    }

    public void policyForm(Context ctx) {
        renderPolicy(ctx, policies.settings(WebGate.userId(ctx)), ctx.queryParam("saved") != null ? "Saved." : null, null, 200);
    }

    public void savePolicy(Context ctx) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (VerdictKind kind : VerdictPolicy.KINDS) {
            String v = ctx.formParam(kind.wire());
            if (v != null && !v.isBlank()) {
                choices.put(kind.wire(), v);
            }
        }
        String user = WebGate.userId(ctx);
        try {
            policies.save(user, choices, ctx.formParam("digest") != null);
            throw new Redirect("/settings/verdict-policy?saved=1");
        } catch (InvalidInputException e) {
            renderPolicy(ctx, policies.settings(user), null, e.getMessage(), 422);
        }
    }

    /** The breach form of the leak report; a refused one comes back to the report with why. */
    public void addBreach(Context ctx) {
        String vendor = ctx.formParam("vendor");
        try {
            guards.addBreach(WebGate.userId(ctx), vendor == null ? "" : vendor, ctx.formParam("date"), ctx.formParam("note"),
                    ctx.formParam("source"));
        } catch (InvalidInputException | NotFoundException e) {
            throw new Redirect("/leaks?breach_error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8) + "#breach");
        }
        throw new Redirect("/vendors/" + URLEncoder.encode(vendor, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public void vendor(Context ctx) {
        String user = WebGate.userId(ctx);
        VendorService.Vendor v = vendors.vendor(user, ctx.pathParam("vendor"));
        Views.page(ctx, "vendor.jte", new VendorView(v, vendors.exposure(user, v)));
    }

    public void burnAllForm(Context ctx) {
        Views.page(ctx, "vendor-burn.jte", new BurnAllView(vendors.vendor(WebGate.userId(ctx), ctx.pathParam("vendor"))));
    }

    public void burnAll(Context ctx) {
        List<AliasService.BurnResult> burned = vendors.burnAll(WebGate.userId(ctx), ctx.pathParam("vendor"),
                ctx.formParam("replace") != null);
        throw new Redirect("/vendors/" + URLEncoder.encode(ctx.pathParam("vendor"), StandardCharsets.UTF_8).replace("+", "%20")
                + "?burned=" + burned.size());
    }


    private static void renderPolicy(Context ctx, PolicyService.Settings s, String message, String error, int status) {
        List<PolicyRow> rows = VerdictPolicy.KINDS.stream().map(k -> new PolicyRow(k.wire(), label(k),
                k == VerdictKind.SPOOF ? List.of("dmarc", "quarantine", "tag", "reject") : List.of("quarantine", "tag", "reject"),
                s.policy().choice(k).wire())).toList();
        ctx.status(status);
        Views.page(ctx, "verdict-policy.jte", new PolicyView(rows, s.digest(), message, error));
    }

    private static String label(VerdictKind k) {
        return switch (k) {
            case SPOOF -> "Spoof (the vendor's own domain, forged)";
            case LOOKALIKE -> "Lookalike (a domain or name imitating the vendor)";
            case PHISHING -> "Phishing (quotes an identifier you gave the vendor)";
            default -> "Spam (scored as spam)";
        };
    }
}
