package dev.masq.api;

import dev.masq.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/docs}: the OpenAPI document as a readable page (Swagger UI, served from its webjar in this jar, so the
 * page asks no one else for anything; its online validator is switched off). The UI starts from a static script, as
 * the CSP allows no inline script; its stylesheet draws icons from {@code data:} images, which this page alone allows.
 */
public final class ApiDocs implements RouteGroup {
    /** The swagger-ui webjar's version (the pom's {@code swagger-ui.version}): its files live under it. */
    static final String SWAGGER_UI = "5.34.1";
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>masq API</title>
            <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
            <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js" defer></script>
            <script src="/static/api-docs.js" defer></script>
            </head>
            <body>
            <noscript><p>This page needs JavaScript; the document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
            <div id="swagger-ui"></div>
            </body>
            </html>
            """.formatted(SWAGGER_UI);

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/docs", this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("Content-Security-Policy", CSP).contentType("text/html; charset=utf-8").result(PAGE);
    }
}
