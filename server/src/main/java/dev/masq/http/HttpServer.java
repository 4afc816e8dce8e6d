package dev.masq.http;

import dev.masq.config.PublicUrl;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** The HTTP edge: Javalin on virtual threads, JSON through {@link Json}, problems for every error. */
public final class HttpServer implements AutoCloseable {
    // Alias requests are a few hundred bytes; anything near this is abuse, answered 413 before it is buffered further.
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final Javalin javalin;
    private final PublicUrl publicUrl;

    private HttpServer(Javalin javalin, PublicUrl publicUrl) {
        this.javalin = javalin;
        this.publicUrl = publicUrl;
    }

    /**
     * Starts listening on {@code port} (0 picks a free one; see {@link #port()}) and tells {@code publicUrl} the
     * port it bound. {@code groups} register their routes in this order, so their before-handlers run in it too.
     */
    public static HttpServer start(List<RouteGroup> groups, PublicUrl publicUrl, int port) {
        SecurityHeaders headers = new SecurityHeaders(publicUrl.get().startsWith("https:"));
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // Import files come as multipart parts; what Uploads reads without a form is capped there.
            config.jetty.multipartConfig.maxFileSize(Uploads.MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(Uploads.MAX_BYTES + 64 * 1024, SizeUnit.BYTES);
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(headers::apply);
            config.routes.before(UnusedMethods::refuse);
            config.routes.after(HttpServer::declareUtf8);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers)));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors(headers)));
            ErrorMapping.register(config.routes);
            groups.forEach(group -> group.register(config.routes));
        });
        javalin.start(port);
        publicUrl.bound(javalin.port());
        return new HttpServer(javalin, publicUrl);
    }

    // Javalin's ctx.json() says "application/json" alone; the bytes are UTF-8 (Jackson), and clients should not have to guess.
    private static void declareUtf8(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && type.equals("application/json")) {
            ctx.contentType(Json.CONTENT_TYPE);
        }
    }

    /** Where people reach this server, e.g. {@code https://masq.example}. */
    public String baseUrl() {
        return publicUrl.get();
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
