package dev.masq.http;

import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a problem+json answer; a stack trace only ever reaches the log. */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.location(), io.javalin.http.HttpStatus.SEE_OTHER));
        routes.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            e.problem().render(ctx);
        });
        routes.exception(ConflictException.class, (e, ctx) -> Problem.ofField(409, e.field(), e.getMessage()).render(ctx));
        routes.exception(InvalidInputException.class, (e, ctx) -> Problem.ofField(422, e.field(), e.getMessage()).render(ctx));
        routes.exception(NotFoundException.class, (e, ctx) -> Problem.of(404, e.getMessage()).render(ctx));
        // Javalin's own refusals: no route (404), wrong method (405), body over the size cap (413).
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String detail = e.getMessage();
            if (e.getStatus() == 405 && e.getDetails().containsKey("availableMethods")) {
                ctx.header("Allow", e.getDetails().get("availableMethods"));
                detail = "this path takes " + e.getDetails().get("availableMethods");
            } else if (e.getStatus() == 413) {
                detail = "the body is larger than " + HttpServer.MAX_BODY_BYTES + " bytes";
            }
            Problem.of(e.getStatus(), detail).render(ctx);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String ref = Tokens.randomBase32(10);
            log.error("request {} {} failed (ref {})", ctx.method(), ctx.path(), ref, e);
            Problem.of(500, "internal error, ref " + ref + " in the server log").render(ctx);
        });
    }
}
