package dev.masq.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.account.PasskeyService;
import dev.masq.account.PasskeyService.Ceremony;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.WebSession;
import io.javalin.http.Context;
import java.util.Map;
import dev.masq.http.JsonBody;
import dev.masq.http.ProblemException;
import dev.masq.http.Redirect;

/**
 * Passkeys in the browser: each ceremony is a pair of JSON requests made by {@code /static/passkeys.js} (options,
 * then the authenticator's answer), and the answer says which page to open next.
 */
public record PasskeyPages(PasskeyService passkeys, SignInService signIn, SessionService sessions, WebGate gate) {
    public void newForm(Context ctx) {
        Views.page(ctx, "passkey-new.jte");
    }

    /** Adding one from the security page (behind re-authentication). */
    public void registrationOptions(Context ctx) {
        ctx.json(passkeys.registrationOptions(WebGate.binding(ctx), WebGate.userId(ctx), gate.profile(ctx).email()));
    }

    public void register(Context ctx) {
        ObjectNode body = JsonBody.object(ctx);
        passkeys.register(WebGate.binding(ctx), WebGate.userId(ctx), text(body, "name"), credential(body));
        next(ctx, "/security?passkey=added");
    }

    public void remove(Context ctx) {
        passkeys.remove(WebGate.userId(ctx), ctx.pathParam("id"));
        throw new Redirect("/security?passkey=removed");
    }

    /** Adding the first one right after the password, when the server requires passkeys. */
    public void enrolOptions(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.ENROL);
        ctx.json(passkeys.registrationOptions(WebGate.binding(ctx), s.userId(), signIn.profile(s.userId()).email()));
    }

    public void enrol(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.ENROL);
        ObjectNode body = JsonBody.object(ctx);
        passkeys.register(WebGate.binding(ctx), s.userId(), text(body, "name"), credential(body));
        sessions.promote(s.id(), WebSession.Stage.FULL);
        next(ctx, "/");
    }

    /** The factor after the password. */
    public void secondFactorOptions(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.SECOND_FACTOR);
        ctx.json(passkeys.assertionOptions(WebGate.binding(ctx), Ceremony.SECOND_FACTOR, s.userId()));
    }

    public void secondFactor(Context ctx) {
        WebSession s = WebGate.pending(ctx, WebSession.Stage.SECOND_FACTOR);
        passkeys.verifyAssertion(WebGate.binding(ctx), Ceremony.SECOND_FACTOR, s.userId(), credential(JsonBody.object(ctx)));
        sessions.promote(s.id(), WebSession.Stage.FULL);
        next(ctx, "/");
    }

    /** Without a password: the browser offers the passkeys it holds for this site, and the one chosen says who signs in. */
    public void signInOptions(Context ctx) {
        ctx.json(passkeys.assertionOptions(WebGate.binding(ctx), Ceremony.SIGN_IN, null));
    }

    public void signIn(Context ctx) {
        String userId = passkeys.verifyAssertion(WebGate.binding(ctx), Ceremony.SIGN_IN, null, credential(JsonBody.object(ctx)));
        gate.startSession(ctx, userId, WebSession.Stage.FULL);
        next(ctx, "/");
    }

    private static String credential(ObjectNode body) {
        JsonNode credential = body.get("credential");
        if (credential == null || !credential.isObject()) {
            throw ProblemException.badRequest("credential", "'credential' must be the authenticator's response");
        }
        return credential.toString();
    }

    private static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static void next(Context ctx, String location) {
        ctx.json(Map.of("next", location));
    }
}
