package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.account.SignInService;
import dev.masq.config.PublicUrl;
import dev.masq.crypto.Tokens;
import dev.masq.http.HttpServer;

/**
 * The JMAP Session object (RFC 8620 §2) for the key's owner: one account, the owner's, holding the MaskedEmail
 * capability. masq stores no blobs and pushes no events, so uploads are refused ({@code maxSizeUpload} 0) and the
 * download, upload and event-source templates, which the RFC requires, name paths that answer 404.
 */
record JmapSession(SignInService signIn, PublicUrl publicUrl) {
    static final String CORE = "urn:ietf:params:jmap:core";
    static final String MASKED_EMAIL = "https://www.fastmail.com/dev/maskedemail";
    static final int MAX_CALLS = 16;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    ObjectNode of(String userId, boolean writable) {
        String base = publicUrl.get();
        String username = signIn.profile(userId).email();
        ObjectNode session = NODES.objectNode();
        ObjectNode capabilities = session.putObject("capabilities");
        ObjectNode core = capabilities.putObject(CORE);
        core.put("maxSizeUpload", 0);
        core.put("maxConcurrentUpload", 1);
        core.put("maxSizeRequest", HttpServer.MAX_BODY_BYTES);
        core.put("maxConcurrentRequests", 4);
        core.put("maxCallsInRequest", MAX_CALLS);
        core.put("maxObjectsInGet", MaskedEmailMethods.MAX_OBJECTS);
        core.put("maxObjectsInSet", MaskedEmailMethods.MAX_OBJECTS);
        core.putArray("collationAlgorithms");
        capabilities.putObject(MASKED_EMAIL);
        ObjectNode account = session.putObject("accounts").putObject(userId);
        account.put("name", username);
        account.put("isPersonal", true);
        account.put("isReadOnly", !writable);
        account.putObject("accountCapabilities").putObject(MASKED_EMAIL);
        session.putObject("primaryAccounts").put(MASKED_EMAIL, userId);
        session.put("username", username);
        session.put("apiUrl", base + "/jmap/api/");
        session.put("downloadUrl", base + "/jmap/download/{accountId}/{blobId}/{name}?accept={type}");
        session.put("uploadUrl", base + "/jmap/upload/{accountId}/");
        session.put("eventSourceUrl", base + "/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}");
        session.put("state", Tokens.base32(Tokens.sha256(session.toString()), 16));
        return session;
    }
}
