package dev.masq.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.common.InvalidInputException;
import dev.masq.http.JsonBody;
import dev.masq.leak.VerdictKind;
import dev.masq.quarantine.PolicyService;
import dev.masq.quarantine.VerdictAction;
import dev.masq.quarantine.VerdictPolicy;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens to suspicious mail: {@code /api/v1/settings/verdict-policy} for the account (with the digest
 * setting), {@code /api/v1/aliases/{id}/verdict-policy} for one alias (null follows the account).
 */
public record VerdictPolicyHandlers(PolicyService policies) {
    private static final String DIGEST = "quarantine_digest";

    public void get(Context ctx) {
        ctx.json(view(policies.settings(ApiAuth.userId(ctx))));
    }

    public void put(Context ctx) {
        ObjectNode body = JsonBody.object(ctx);
        Boolean digest = null;
        if (body.has(DIGEST)) {
            JsonNode d = body.remove(DIGEST);
            if (!d.isBoolean()) {
                throw new InvalidInputException(DIGEST, DIGEST + " is true or false");
            }
            digest = d.booleanValue();
        }
        ctx.json(view(policies.save(ApiAuth.userId(ctx), choices(body), digest)));
    }

    public void getAlias(Context ctx) {
        ctx.json(aliasView(policies.aliasChoices(ApiAuth.userId(ctx), ctx.pathParam("id"))));
    }

    public void putAlias(Context ctx) {
        ctx.json(aliasView(policies.saveAlias(ApiAuth.userId(ctx), ctx.pathParam("id"), choices(JsonBody.object(ctx)))));
    }

    private static Map<String, String> choices(ObjectNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            if (!e.getValue().isNull() && !e.getValue().isTextual()) {
                throw new InvalidInputException(e.getKey(), e.getKey() + " is one of quarantine, tag, reject");
            }
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().textValue());
        });
        return out;
    }

    private static Map<String, Object> view(PolicyService.Settings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VerdictKind kind : VerdictPolicy.KINDS) {
            out.put(kind.wire(), s.policy().choice(kind).wire());
        }
        out.put(DIGEST, s.digest());
        return out;
    }

    private static Map<String, Object> aliasView(Map<VerdictKind, VerdictAction> choices) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VerdictKind kind : VerdictPolicy.KINDS) {
            VerdictAction a = choices.get(kind);
            out.put(kind.wire(), a == null ? null : a.wire());
        }
        return out;
    }
}
