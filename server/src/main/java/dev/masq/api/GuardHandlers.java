package dev.masq.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.common.InvalidInputException;
import dev.masq.http.Json;
import dev.masq.http.ProblemException;
import dev.masq.leak.GuardService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/aliases/{id}/identifiers}: the canary identifiers the person gave the alias's vendor. */
public record GuardHandlers(GuardService guards) {
    public void identifiers(Context ctx) {
        ctx.json(guards.identifiers(ApiAuth.userId(ctx), ctx.pathParam("id")));
    }

    /** The body is a JSON array of strings, which replaces the alias's identifiers; {@code []} clears them. */
    public void setIdentifiers(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest(null, "malformed JSON");
        }
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest(null, "the body is a JSON array of identifiers");
        }
        List<String> identifiers = new ArrayList<>();
        for (JsonNode n : body) {
            if (!n.isTextual()) {
                throw new InvalidInputException("identifiers", "each identifier is a string");
            }
            identifiers.add(n.textValue());
        }
        ctx.json(guards.setIdentifiers(ApiAuth.userId(ctx), ctx.pathParam("id"), identifiers));
    }
}
