package dev.masq.web;

import dev.masq.Services;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** The HTTP edge: Javalin on virtual threads, JSON through {@link Json}, problems for every error. */
public final class HttpServer implements AutoCloseable {
    // Alias requests are a few hundred bytes; anything near this is abuse, answered 413 before it is buffered further.
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts listening on {@code port} (0 picks a free one; see {@link #port()}). */
    public static HttpServer start(Services services, int port) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            config.routes.before(SecurityHeaders::apply);
            ErrorMapping.register(config.routes);
            Routes.register(config.routes, services);
        });
        return new HttpServer(javalin.start(port));
    }

    public int port() {
        return javalin.port();
    }

    /** {@code "GET /api/v1/aliases"} for every endpoint (filters excluded), so tests can hold the OpenAPI document to them. */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
