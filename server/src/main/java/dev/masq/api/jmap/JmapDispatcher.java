package dev.masq.api.jmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.http.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JMAP request envelope (RFC 8620 §3): checks {@code using} and {@code methodCalls}, runs the calls in order with
 * their result references resolved, and collects {@code methodResponses}. A broken envelope refuses the whole request;
 * a broken call answers {@code error} for that call alone.
 */
record JmapDispatcher(MaskedEmailMethods maskedEmails) {
    private static final Logger log = LoggerFactory.getLogger(JmapDispatcher.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CAPABILITIES = Set.of(JmapSession.CORE, JmapSession.MASKED_EMAIL);

    /** Who is calling: the key's owner and what the key may do. */
    record Caller(String userId, boolean canRead, boolean canWrite, String sessionState) {
    }

    ObjectNode handle(Caller caller, byte[] body) {
        ObjectNode request = envelope(body);
        Set<String> using = new java.util.HashSet<>();
        for (JsonNode capability : request.get("using")) {
            if (!CAPABILITIES.contains(capability.asText())) {
                throw refuse(JmapRequestError.of("unknownCapability",
                        "this server does not support the capability " + capability.asText()));
            }
            using.add(capability.asText());
        }
        JsonNode calls = request.get("methodCalls");
        if (calls.size() > JmapSession.MAX_CALLS) {
            throw refuse(JmapRequestError.limit("maxCallsInRequest", "at most " + JmapSession.MAX_CALLS + " method calls"));
        }
        Map<String, String> createdIds = new HashMap<>();
        if (request.get("createdIds") instanceof ObjectNode given) {
            given.properties().forEach(e -> createdIds.put(e.getKey(), e.getValue().asText()));
        }
        ArrayNode responses = NODES.arrayNode();
        for (JsonNode call : calls) {
            String name = call.get(0).asText();
            String callId = call.get(2).asText();
            ArrayNode response = responses.addArray();
            try {
                ObjectNode args = References.resolve((ObjectNode) call.get(1), responses);
                JsonNode result = invoke(caller, using, name, args, createdIds);
                response.add(name).add(result).add(callId);
            } catch (JmapMethodError e) {
                response.add("error").add(error(e.type(), e.getMessage())).add(callId);
            } catch (RuntimeException e) {
                log.error("JMAP {} failed", name, e);
                response.add("error").add(error("serverFail", "the server failed; see its log")).add(callId);
            }
        }
        ObjectNode answer = NODES.objectNode();
        answer.set("methodResponses", responses);
        if (request.has("createdIds")) {
            ObjectNode ids = answer.putObject("createdIds");
            createdIds.forEach(ids::put);
        }
        answer.put("sessionState", caller.sessionState());
        return answer;
    }

    private JsonNode invoke(Caller caller, Set<String> using, String name, ObjectNode args, Map<String, String> createdIds) {
        switch (name) {
            case "Core/echo" -> {
                require(using, JmapSession.CORE, name);
                return args;
            }
            case "MaskedEmail/get" -> {
                require(using, JmapSession.MASKED_EMAIL, name);
                account(caller, args, caller.canRead());
                return maskedEmails.get(caller.userId(), args);
            }
            case "MaskedEmail/set" -> {
                require(using, JmapSession.MASKED_EMAIL, name);
                account(caller, args, caller.canWrite());
                return maskedEmails.set(caller.userId(), args, createdIds);
            }
            default -> throw new JmapMethodError("unknownMethod", "this server has no method " + name);
        }
    }

    /** RFC 8620 §3.6.2: a method of a capability the request did not declare in {@code using} is unknown to it. */
    private static void require(Set<String> using, String capability, String method) {
        if (!using.contains(capability)) {
            throw new JmapMethodError("unknownMethod", method + " needs " + capability + " in 'using'");
        }
    }

    private static void account(Caller caller, ObjectNode args, boolean allowed) {
        JsonNode accountId = args.get("accountId");
        if (accountId == null || !accountId.isTextual()) {
            throw JmapMethodError.invalidArguments("'accountId' is required");
        }
        if (!accountId.asText().equals(caller.userId())) {
            throw new JmapMethodError("accountNotFound", "no account " + accountId.asText() + " for this key");
        }
        if (!allowed) {
            throw new JmapMethodError("forbidden", "this API key lacks the scope for this method");
        }
    }

    private static ObjectNode envelope(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw refuse(JmapRequestError.of("notJSON", "the body is not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw refuse(JmapRequestError.of("notJSON", "the body is unreadable"));
        }
        if (!(node instanceof ObjectNode request)) {
            throw refuse(JmapRequestError.of("notRequest", "the body must be a JSON object with 'using' and 'methodCalls'"));
        }
        for (String field : (Iterable<String>) request::fieldNames) {
            if (!List.of("using", "methodCalls", "createdIds").contains(field)) {
                throw refuse(JmapRequestError.of("notRequest", "a Request has no member '" + field + "'"));
            }
        }
        JsonNode using = request.get("using");
        if (using == null || !using.isArray() || !allText(using)) {
            throw refuse(JmapRequestError.of("notRequest", "'using' must be a list of capability names"));
        }
        JsonNode calls = request.get("methodCalls");
        if (calls == null || !calls.isArray()) {
            throw refuse(JmapRequestError.of("notRequest", "'methodCalls' must be a list of invocations"));
        }
        for (JsonNode call : calls) {
            if (!call.isArray() || call.size() != 3 || !call.get(0).isTextual() || !call.get(1).isObject()
                    || !call.get(2).isTextual()) {
                throw refuse(JmapRequestError.of("notRequest", "each method call is [name, arguments, call id]"));
            }
        }
        JsonNode createdIds = request.get("createdIds");
        if (createdIds != null && !(createdIds.isObject() && allText(createdIds))) {
            throw refuse(JmapRequestError.of("notRequest", "'createdIds' must map creation ids to ids"));
        }
        return request;
    }

    private static boolean allText(JsonNode container) {
        for (JsonNode item : container) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode error(String type, String description) {
        ObjectNode o = NODES.objectNode();
        o.put("type", type);
        o.put("description", description);
        return o;
    }

    private static JmapRequestError.Refusal refuse(JmapRequestError error) {
        return new JmapRequestError.Refusal(error);
    }
}
