package dev.masq.http;

import java.util.List;
import java.util.ArrayList;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a request body as a JSON object; every way it can be broken becomes a 400 that names the field. */
public final class JsonBody {
    private JsonBody() {
    }

    /** The body as an object node; an empty body counts as {@code {}} so that all-default requests need no body. */
    public static ObjectNode object(Context ctx) {
        JsonNode node = tree(ctx);
        if (node == null || node.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw ProblemException.badRequest(null, "the body must be a JSON object");
        }
        return object;
    }

    /** The body as a JSON array of strings; anything else is a 400, or a 422 naming {@code field} for a non-string. */
    public static List<String> strings(Context ctx, String field) {
        JsonNode node = tree(ctx);
        if (node == null || !node.isArray()) {
            throw ProblemException.badRequest(null, "the body must be a JSON array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidInputException(field, "each of '" + field + "' must be a string");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** The parsed body, null when it is empty. */
    private static JsonNode tree(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest(null, "unreadable body");
        }
    }

    /**
     * The body, with null refused (422) for every field outside {@code nullable}: for those, null is not "absent"
     * and not a value, and taking it as either would do something the client did not ask for.
     */
    public static ObjectNode refusingNulls(ObjectNode body, Set<String> nullable) {
        body.properties().forEach(field -> {
            if (field.getValue().isNull() && !nullable.contains(field.getKey())) {
                throw new InvalidInputException(field.getKey(), "'" + field.getKey() + "' may not be null");
            }
        });
        return body;
    }

    public static <T> T read(Context ctx, Class<T> type) {
        return convert(object(ctx), type);
    }

    public static <T> T convert(ObjectNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ProblemException.badRequest(field, "'" + field + "' must be " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(null, "malformed request: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
