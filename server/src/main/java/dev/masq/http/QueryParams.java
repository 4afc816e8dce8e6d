package dev.masq.http;

import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;

/** Typed query parameters; a value of the wrong type is a 400 naming the parameter, one out of range a 422. */
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

    /** The integer parameter within {@code min..max}, or 0 when absent; a value outside is refused, not clamped. */
    public static int integer(Context ctx, String name, int min, int max) {
        int value = integer(ctx, name);
        if (ctx.queryParam(name) != null && !ctx.queryParam(name).isBlank() && (value < min || value > max)) {
            throw new InvalidInputException(name, "'" + name + "' is between " + min + " and " + max);
        }
        return value;
    }
}
