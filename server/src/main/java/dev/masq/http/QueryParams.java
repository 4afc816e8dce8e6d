package dev.masq.http;

import io.javalin.http.Context;

/** Typed query parameters; a value of the wrong type is a 400 naming the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    /** The integer parameter, or 0 when absent (services read 0 as "the default"). */
    public static int integer(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + name + "' must be an integer");
        }
    }
}
