package dev.masq.testing;

import dev.masq.api.OpenApi;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shipped {@code openapi.json} as a checked contract: every answer the server gives must be one the document
 * describes (operation, status, media type, and the body against its schema), so the document cannot drift.
 */
public final class OpenApiContract {
    private static final String DOCUMENT_URI = "https://masq.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract SHIPPED = load();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String text) throws IOException {
        this.document = JSON.readTree(text);
        // OpenAPI 3.1 schemas are JSON Schema 2020-12; the document itself is the resource their $refs point into.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_URI, text)));
        document.get("paths").properties().forEach(path -> templates.add(Template.of(path.getKey())));
    }

    /** The document masq serves at /api/openapi.json, read from the classpath as the server reads it. */
    public static OpenApiContract shipped() {
        return SHIPPED;
    }

    private static OpenApiContract load() {
        try {
            return new OpenApiContract(new String(OpenApi.document(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * THE hook: every HTTP answer an API test reads passes through here, so none can skip the contract. An answer
     * on a path the document speaks for is checked; any other (web pages) is returned as is.
     */
    public static <T> HttpResponse<T> verified(HttpResponse<T> response) {
        URI uri = response.request().uri();
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        if (SHIPPED.covers(path)) {
            Object body = response.body();
            String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
            SHIPPED.check(response.request().method(), path, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), text);
        }
        return response;
    }

    /** Does the document speak for this path: the whole of /api/ and the few documented paths outside it. */
    public boolean covers(String path) {
        String bare = bare(path);
        return bare.startsWith("/api/") || templates.stream().anyMatch(template -> template.matches(bare));
    }

    /**
     * Fails, naming what drifted, unless the answer to {@code method path} is one the document describes.
     * A path or method the document does not describe may only be answered with a 404 or 405 problem.
     */
    public void check(String method, String path, int status, String contentType, String body) {
        String verb = method.toLowerCase(Locale.ROOT);
        String call = method + " " + path + " -> " + status + " " + contentType + " " + abbreviated(body);
        String bare = bare(path);
        // A literal segment beats a parameter where two templates match the same path.
        Template template = templates.stream().filter(candidate -> candidate.matches(bare))
                .min(Comparator.comparingInt(Template::parameters))
                .orElse(null);
        JsonNode operation = template == null ? null : document.get("paths").get(template.text()).get(verb);
        if (operation == null) {
            if ((status == 404 || status == 405) && isProblem(contentType)) {
                validate("#/components/schemas/Problem", body, call);
                return;
            }
            throw new AssertionError("undocumented operation: " + call);
        }
        JsonNode responses = operation.get("responses");
        String code = String.valueOf(status);
        String range = status / 100 + "XX";
        String documented = responses.has(code) ? code : responses.has(range) ? range : responses.has("default") ? "default" : null;
        if (documented == null) {
            throw new AssertionError("status " + status + " is not documented for " + method + " " + template.text()
                    + " (documented: " + fieldNames(responses) + "): " + call);
        }
        String pointer = "#/paths/" + escape(template.text()) + "/" + verb + "/responses/" + documented;
        JsonNode response = responses.get(documented);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText();
            response = document.at(pointer.substring(1));
        }
        JsonNode content = response.get("content");
        if (content == null) {
            if (body != null && !body.isEmpty()) {
                throw new AssertionError("the document describes no body for this answer: " + call);
            }
            return;
        }
        String mediaType = contentType == null ? null : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType == null || !content.has(mediaType)) {
            throw new AssertionError("media type " + mediaType + " is not documented (documented: " + fieldNames(content)
                    + "): " + call);
        }
        if (content.get(mediaType).has("schema") && (mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            validate(pointer + "/content/" + escape(mediaType) + "/schema", body, call);
        }
    }

    private void validate(String pointer, String body, String call) {
        Schema schema = schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + at)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("body does not match " + pointer + ": " + errors + "\n" + call);
        }
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }

    private static String bare(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 400 ? String.valueOf(body) : body.substring(0, 400) + "…";
    }

    /** A documented path; {@code {name}} stands for one non-empty segment. */
    private record Template(String text, Pattern pattern, int parameters) {
        static Template of(String text) {
            StringBuilder regex = new StringBuilder();
            int parameters = 0;
            for (String part : text.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    parameters++;
                } else if (!part.isEmpty()) {
                    regex.append(Pattern.quote(part));
                }
            }
            return new Template(text, Pattern.compile(regex.toString()), parameters);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
