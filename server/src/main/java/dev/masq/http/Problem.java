package dev.masq.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * An RFC 9457 problem document. Every problem is {@code about:blank}: the status says what went wrong
 * and {@code errors} names the offending input, so clients need no catalogue of invented type URIs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    private static final String MESSAGE_READER = "masq.problem.message_reader";

    public record FieldError(String field, String detail) {
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail, null);
    }

    public static Problem ofField(int status, String field, String detail) {
        List<FieldError> errors = field == null ? null : List.of(new FieldError(field, detail));
        return new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail, errors);
    }

    /**
     * The detail again, as the extension member {@code error} (RFC 9457 section 3.2): SimpleLogin's clients and
     * Bitwarden's generators show {@code error} (Bitwarden falls back to {@code message}) and know no {@code detail}.
     */
    @JsonProperty("error")
    public String error() {
        return detail != null ? detail : title;
    }

    /**
     * Marks a request from a client that reads Laravel's error shape (addy.io's): its problems then also carry the
     * detail as {@code message}, and no {@code errors} list, which such a client would take for Laravel's map of
     * fields and show nothing from.
     */
    public static void forMessageReader(Context ctx) {
        ctx.attribute(MESSAGE_READER, true);
    }

    public void render(Context ctx) {
        String accept = ctx.header("Accept");
        boolean script = accept != null && accept.startsWith("application/json");
        ProblemPage page = ctx.attribute(ProblemPage.ATTRIBUTE);
        if (page != null && !script) {
            // People reach pages with a browser: they get the problem as a page, not as JSON (unless a page's script asked).
            ctx.status(status);
            page.render(ctx, this);
            return;
        }
        String json = Boolean.TRUE.equals(ctx.attribute(MESSAGE_READER))
                ? ctx.jsonMapper().toJsonString(new WithMessage(type, title, status, detail, error(), error()), WithMessage.class)
                : ctx.jsonMapper().toJsonString(this, Problem.class);
        ctx.status(status).contentType(CONTENT_TYPE).result(json);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WithMessage(String type, String title, int status, String detail, String error, String message) {
    }
}
