package dev.masq.web;

import dev.masq.portability.AccountExport;
import dev.masq.alias.AccountDeletion;
import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.account.SignInService;
import dev.masq.common.InvalidInputException;
import dev.masq.webhook.WebhookService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import dev.masq.http.Redirect;

/** Settings: inboxes, alias defaults, notifications, the webhook, export of everything the account holds, and deleting the account. */
public final class SettingsPages {
    private final SignInService signIn;
    private final AccountDeletion deletion;
    private final InboxService inboxes;
    private final WebhookService webhooks;
    private final WebGate gate;
    private final List<String> domains;
    private final AccountExport export;

    public SettingsPages(SignInService signIn, AccountExport export, AccountDeletion deletion,
                  InboxService inboxes, WebhookService webhooks, WebGate gate, List<String> domains) {
        this.signIn = signIn;
        this.webhooks = webhooks;
        this.inboxes = inboxes;
        this.deletion = deletion;
        this.gate = gate;
        this.domains = domains;
        this.export = export;
    }

    public record SettingsView(List<String> domains, List<Mailbox> inboxes, String message, String error, WebhookForm webhook) {
    }

    /**
     * The webhook section: the URL set now (null if none), the secret only right after saving (it is never shown
     * again), and what was typed with why it was refused.
     */
    public record WebhookForm(WebhookService.Registration current, String secret, String entered, String error) {
    }

    private static final Map<String, String> MESSAGES = Map.of(
            "sent", "We mailed a link to the new inbox. Follow it to confirm the inbox; nothing is forwarded there until then.",
            "removed", "Inbox removed. Aliases that forwarded only there now forward to your default inbox.",
            "default", "Default inbox changed. You now sign in with this address.");

    public void show(Context ctx) {
        String message = ctx.queryParam("saved") != null ? "Saved."
                : "removed".equals(ctx.queryParam("webhook")) ? "Webhook removed. No more events are sent."
                : MESSAGES.get(String.valueOf(ctx.queryParam("inbox")));
        render(ctx, message, null);
    }

    private void render(Context ctx, String message, String error) {
        String user = WebGate.userId(ctx);
        render(ctx, message, error, new WebhookForm(webhooks.get(user).orElse(null), null, null, null));
    }

    private void render(Context ctx, String message, String error, WebhookForm webhook) {
        Views.page(ctx, "settings.jte", new SettingsView(domains, inboxes.list(WebGate.userId(ctx)), message, error, webhook));
    }

    /** Rendered rather than redirected: the new secret is shown once and must not travel in a URL. */
    public void saveWebhook(Context ctx) {
        String user = WebGate.userId(ctx);
        String url = ctx.formParam("url");
        try {
            WebhookService.Registration saved = webhooks.register(user, url);
            render(ctx, null, null, new WebhookForm(saved, saved.secret(), null, null));
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, null, null, new WebhookForm(webhooks.get(user).orElse(null), null, url, e.getMessage()));
        }
    }

    public void removeWebhook(Context ctx) {
        webhooks.remove(WebGate.userId(ctx));
        throw new Redirect("/settings?webhook=removed");
    }

    /** Leak notices by mail; the leak-notice sender reads this before mailing. */
    public void saveNotifications(Context ctx) {
        signIn.saveNotifications(WebGate.userId(ctx), ctx.formParam("leaks") != null);
        throw new Redirect("/settings?saved=1");
    }

    public void saveDefaults(Context ctx) {
        try {
            signIn.saveDefaults(WebGate.userId(ctx), ctx.formParam("domain"), ctx.formParam("mode"), domains);
            throw new Redirect("/settings?saved=1");
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, null, e.getMessage());
        }
    }

    /** Everything masq holds about the person, decrypted, as one JSON download (secrets such as keys and codes excepted). */
    public void export(Context ctx) {
        Map<String, Object> export = this.export.of(WebGate.userId(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"masq-export.json\"").header("Cache-Control", "no-store");
        ctx.json(export);
    }

    /** The aliases alone, one row each, for a spreadsheet. */
    public void exportCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"masq-aliases.csv\"").header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(export.aliasesCsv(WebGate.userId(ctx)));
    }

    public void deleteAccount(Context ctx) {
        if (!gate.profile(ctx).email().equalsIgnoreCase(String.valueOf(ctx.formParam("confirm")).strip())) {
            ctx.status(422);
            render(ctx, null, "Type your email address to confirm the deletion.");
            return;
        }
        deletion.delete(WebGate.userId(ctx));
        gate.endSession(ctx);
        throw new Redirect("/login?deleted=1");
    }
}
