package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Result references (RFC 8620 §3.7): an argument {@code #name} holding {@code {resultOf, name, path}} takes its value
 * from an earlier response of the same request, through a JSON Pointer whose {@code *} maps over an array.
 */
final class References {
    private References() {
    }

    static ObjectNode resolve(ObjectNode args, ArrayNode responses) {
        List<String> referring = new ArrayList<>();
        args.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("#")) {
                referring.add(name);
            }
        });
        if (referring.isEmpty()) {
            return args;
        }
        ObjectNode resolved = args.deepCopy();
        for (String name : referring) {
            String plain = name.substring(1);
            if (args.has(plain)) {
                throw JmapMethodError.invalidArguments("both '" + plain + "' and '" + name + "' were given");
            }
            JsonNode ref = args.get(name);
            if (!ref.path("resultOf").isTextual() || !ref.path("name").isTextual() || !ref.path("path").isTextual()) {
                throw invalid("'" + name + "' must be {resultOf, name, path}");
            }
            JsonNode value = null;
            for (JsonNode response : responses) {
                if (response.size() == 3 && response.get(2).asText().equals(ref.get("resultOf").asText())) {
                    if (!response.get(0).asText().equals(ref.get("name").asText())) {
                        throw invalid("call " + ref.get("resultOf").asText() + " did not answer " + ref.get("name").asText());
                    }
                    value = evaluate(response.get(1), pointer(ref.get("path").asText()));
                }
            }
            if (value == null) {
                throw invalid("'" + name + "' refers to nothing");
            }
            resolved.remove(name);
            resolved.set(plain, value);
        }
        return resolved;
    }

    private static List<String> pointer(String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.startsWith("/")) {
            throw invalid("a path is a JSON Pointer starting with '/'");
        }
        return Arrays.stream(path.substring(1).split("/", -1)).map(t -> t.replace("~1", "/").replace("~0", "~")).toList();
    }

    private static JsonNode evaluate(JsonNode node, List<String> tokens) {
        if (node == null || tokens.isEmpty()) {
            return node;
        }
        String token = tokens.getFirst();
        List<String> rest = tokens.subList(1, tokens.size());
        if (node.isArray() && token.equals("*")) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            for (JsonNode item : node) {
                JsonNode value = evaluate(item, rest);
                if (value == null) {
                    return null;
                }
                if (value.isArray()) {
                    out.addAll((ArrayNode) value);
                } else {
                    out.add(value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            return token.matches("0|[1-9][0-9]{0,8}") ? evaluate(node.get(Integer.parseInt(token)), rest) : null;
        }
        return node.isObject() ? evaluate(node.get(token), rest) : null;
    }

    private static JmapMethodError invalid(String description) {
        return new JmapMethodError("invalidResultReference", description);
    }
}
