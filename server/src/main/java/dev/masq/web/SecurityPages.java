package dev.masq.web;

import dev.masq.account.PasskeyService;
import dev.masq.account.RecoveryCodes;
import dev.masq.account.SecondFactors;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.WebSession;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.List;
import dev.masq.http.Redirect;

/** The security page: password, passkeys, authenticator app, recovery codes, and the sessions signed in (with "sign out everywhere"). */
public record SecurityPages(SignInService signIn, SecondFactors factors, RecoveryCodes recoveryCodes, PasskeyService passkeys, SessionService sessions, WebGate gate) {
    public record Overview(boolean totp, int recoveryCodesLeft, List<String> newCodes, List<PasskeyService.Passkey> passkeys,
                           boolean passkeyRequired, List<WebSession> sessions, String currentSession, String message, String error) {
    }

    public record TotpSetup(SecondFactors.PendingTotp pending, String error) {
        /** The otpauth URI as a QR code, for the phone's camera. */
        public String qr() {
            return QrSvg.of(pending.uri(), "QR code holding the key for your authenticator app");
        }
    }

    public void overview(Context ctx) {
        String message = ctx.queryParam("recovered") != null ? "You used a recovery code. Consider making new ones."
                : "added".equals(ctx.queryParam("passkey")) ? "Passkey added."
                : "removed".equals(ctx.queryParam("passkey")) ? "Passkey removed." : null;
        render(ctx, null, message, null);
    }

    private void render(Context ctx, List<String> newCodes, String message, String error) {
        String user = WebGate.userId(ctx);
        Views.page(ctx, "security.jte", new Overview(signIn.profile(user).hasTotp(), recoveryCodes.left(user), newCodes,
                passkeys.list(user), signIn.factors(user).passkeyRequired(), sessions.list(user), WebGate.session(ctx).id(),
                message, error));
    }

    public void totpForm(Context ctx) {
        Views.page(ctx, "totp.jte", new TotpSetup(factors.offerTotp(gate.profile(ctx).email()), null));
    }

    public void enableTotp(Context ctx) {
        try {
            List<String> codes = factors.enableTotp(WebGate.userId(ctx), ctx.formParam("key"), ctx.formParam("code"));
            render(ctx, codes, "Authenticator app on. Keep these recovery codes somewhere safe: they are shown this once.", null);
        } catch (InvalidInputException e) {
            ctx.status(422);
            Views.page(ctx, "totp.jte", new TotpSetup(factors.offerTotp(gate.profile(ctx).email()), e.getMessage()));
        }
    }

    public void disableTotp(Context ctx) {
        factors.disableTotp(WebGate.userId(ctx));
        throw new Redirect("/security");
    }

    public void regenerateCodes(Context ctx) {
        render(ctx, recoveryCodes.regenerate(WebGate.userId(ctx)), "New recovery codes; the old ones no longer work.", null);
    }

    public void changePassword(Context ctx) {
        try {
            signIn.changePassword(WebGate.userId(ctx), ctx.formParam("password"));
            render(ctx, null, "Password changed.", null);
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, null, null, e.getMessage());
        }
    }

    public void endSession(Context ctx) {
        sessions.endOne(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/security");
    }

    /** Ends every session of this person, this one included: a stolen cookie stops working wherever it is. */
    public void endAllSessions(Context ctx) {
        sessions.endAll(WebGate.userId(ctx));
        gate.endSession(ctx);
        throw new Redirect("/login");
    }
}
