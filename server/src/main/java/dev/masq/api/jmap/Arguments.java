package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a method's arguments; anything malformed is the call's {@code invalidArguments}, not the request's. */
final class Arguments {
    private Arguments() {
    }

    static void allowOnly(ObjectNode args, String... names) {
        Set<String> allowed = Set.of(names);
        args.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw JmapMethodError.invalidArguments("unknown argument '" + name + "'");
            }
        });
    }

    /** A list of strings, or null when absent or null. */
    static List<String> strings(ObjectNode args, String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw JmapMethodError.invalidArguments("'" + name + "' must be a list of strings or null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw JmapMethodError.invalidArguments("'" + name + "' must be a list of strings or null");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** An object, or null when absent or null. */
    static ObjectNode object(ObjectNode args, String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw JmapMethodError.invalidArguments("'" + name + "' must be an object or null");
        }
        return object;
    }
}
