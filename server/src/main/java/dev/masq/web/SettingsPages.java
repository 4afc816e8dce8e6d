package dev.masq.web;

import dev.masq.account.AccountDeletion;
import dev.masq.account.ApiKeyService;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasPage;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings: alias defaults, export of everything the account holds, and deleting the account. */
public final class SettingsPages {
    private final SignInService signIn;
    private final AliasService aliases;
    private final ApiKeyService keys;
    private final SessionService sessions;
    private final AccountDeletion deletion;
    private final WebGate gate;
    private final List<String> domains;

    SettingsPages(SignInService signIn, AliasService aliases, ApiKeyService keys, SessionService sessions, AccountDeletion deletion,
                  WebGate gate, List<String> domains) {
        this.signIn = signIn;
        this.aliases = aliases;
        this.keys = keys;
        this.sessions = sessions;
        this.deletion = deletion;
        this.gate = gate;
        this.domains = domains;
    }

    public record SettingsView(List<String> domains, String message, String error) {
    }

    public void show(Context ctx) {
        Views.page(ctx, "settings.jte", new SettingsView(domains, ctx.queryParam("saved") != null ? "Saved." : null, null));
    }

    public void saveDefaults(Context ctx) {
        try {
            signIn.saveDefaults(WebGate.userId(ctx), ctx.formParam("domain"), ctx.formParam("mode"), domains);
            throw new Redirect("/settings?saved=1");
        } catch (InvalidInputException e) {
            ctx.status(422);
            Views.page(ctx, "settings.jte", new SettingsView(domains, null, e.getMessage()));
        }
    }

    /** Everything masq holds about the person, decrypted, as one JSON download (secrets such as keys and codes excepted). */
    public void export(Context ctx) {
        String user = WebGate.userId(ctx);
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            AliasPage page = aliases.list(user, new AliasQuery(null, null, cursor, 200));
            for (Alias a : page.items()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("alias", a);
                entry.put("events", aliases.events(user, a.id(), 500));
                all.add(entry);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("account", gate.profile(ctx));
        export.put("aliases", all);
        export.put("api_keys", keys.list(user));
        export.put("sessions", sessions.list(user));
        ctx.header("Content-Disposition", "attachment; filename=\"masq-export.json\"").header("Cache-Control", "no-store");
        ctx.json(export);
    }

    public void deleteAccount(Context ctx) {
        if (!gate.profile(ctx).email().equalsIgnoreCase(String.valueOf(ctx.formParam("confirm")).strip())) {
            ctx.status(422);
            Views.page(ctx, "settings.jte", new SettingsView(domains, null, "Type your email address to confirm the deletion."));
            return;
        }
        deletion.delete(WebGate.userId(ctx));
        gate.endSession(ctx);
        throw new Redirect("/login?deleted=1");
    }
}
