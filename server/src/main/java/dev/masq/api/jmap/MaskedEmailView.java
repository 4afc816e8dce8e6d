package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.alias.Alias;
import dev.masq.crypto.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** An alias as a MaskedEmail object, and the state string of a person's MaskedEmails. */
final class MaskedEmailView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MaskedEmailView() {
    }

    static ObjectNode of(Alias a, List<String> properties) {
        ObjectNode o = NODES.objectNode();
        o.put("id", a.id());
        o.put("email", a.address());
        o.put("state", MaskedEmailState.of(a.state()).wire());
        o.put("forDomain", a.vendorDomains().isEmpty() ? "" : a.vendorDomains().getFirst().domain());
        o.put("description", a.note() == null ? "" : a.note());
        o.putNull("url");
        o.putNull("createdBy");
        o.put("createdAt", a.createdAt().toString());
        if (a.lastReceivedAt() == null) {
            o.putNull("lastMessageAt");
        } else {
            o.put("lastMessageAt", a.lastReceivedAt().toString());
        }
        if (properties != null) {
            // RFC 8620 §5.1: the id is always returned, asked for or not.
            List<String> kept = new ArrayList<>(properties);
            kept.add("id");
            o.retain(kept);
        }
        return o;
    }

    /** Changes whenever anything a MaskedEmail shows changes, so a client can tell its copy is stale. */
    static String state(List<Alias> all) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Alias a : all) {
                digest.update(of(a, null).toString().getBytes(StandardCharsets.UTF_8));
            }
            return Tokens.base32(digest.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
