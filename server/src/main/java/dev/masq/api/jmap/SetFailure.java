package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.common.InvalidInputException;
import java.util.List;

/** A SetError (RFC 8620 §5.3) for one object; the others of the call go on. */
final class SetFailure extends RuntimeException {
    private final String type;
    private final List<String> properties;

    private SetFailure(String type, String description, List<String> properties) {
        super(description, null, false, false);
        this.type = type;
        this.properties = properties;
    }

    static SetFailure of(String type, String description, List<String> properties) {
        return new SetFailure(type, description, properties);
    }

    static SetFailure invalid(String property, String description) {
        return new SetFailure("invalidProperties", description, List.of(property));
    }

    /** The services name masq's fields; the client knows the MaskedEmail properties they came from. */
    static SetFailure from(InvalidInputException e) {
        String property = switch (e.field() == null ? "" : e.field()) {
            case "note" -> "description";
            case "site", "vendor_domains" -> "forDomain";
            case "local_part" -> "emailPrefix";
            case "state" -> "state";
            default -> null;
        };
        return new SetFailure("invalidProperties", e.getMessage(), property == null ? null : List.of(property));
    }

    ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type);
        o.put("description", getMessage());
        if (properties != null) {
            ArrayNode list = o.putArray("properties");
            properties.forEach(list::add);
        }
        return o;
    }
}
