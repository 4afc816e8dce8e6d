package dev.masq.api;

import dev.masq.http.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI document of the whole HTTP surface (a test keeps it in step with the routes). */
public final class OpenApi {
    private final byte[] document;

    public OpenApi() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType(Json.CONTENT_TYPE).result(document);
    }
}
