package dev.masq.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.http.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serves the hand-written OpenAPI document of the whole HTTP surface (a test keeps it in step with the routes).
 * The document is {@code openapi.json} plus one fragment per feature under {@code openapi/}, each holding its
 * own {@code paths} and {@code components.schemas}: a feature documents itself in its own file.
 */
public final class OpenApi {
    /** The fragments under {@code /openapi/}, without {@code .json}; a name clash between them is an error. */
    private static final List<String> FRAGMENTS = List.of("domains", "defence", "compat", "portability");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] document;

    public OpenApi() {
        this.document = document();
    }

    public void serve(Context ctx) {
        ctx.contentType(Json.CONTENT_TYPE).result(document);
    }

    /** The whole document as served, base and fragments merged. */
    public static byte[] document() {
        ObjectNode base = read("/openapi.json");
        for (String name : FRAGMENTS) {
            ObjectNode fragment = read("/openapi/" + name + ".json");
            merge(base.withObjectProperty("paths"), fragment.path("paths"), name);
            merge(base.withObjectProperty("components").withObjectProperty("schemas"),
                    fragment.path("components").path("schemas"), name);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, com.fasterxml.jackson.databind.JsonNode from, String fragment) {
        from.properties().forEach(entry -> {
            if (into.has(entry.getKey())) {
                throw new IllegalStateException("openapi/" + fragment + ".json redefines " + entry.getKey());
            }
            into.set(entry.getKey(), entry.getValue());
        });
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = OpenApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
