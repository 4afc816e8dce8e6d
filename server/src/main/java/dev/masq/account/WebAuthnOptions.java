package dev.masq.account;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options handed to {@code navigator.credentials.create/get}, in the JSON form of WebAuthn Level 3
 * (binary values as base64url), which the browser script turns back into buffers.
 */
final class WebAuthnOptions {
    static final long TIMEOUT_MS = 120_000;
    // ES256 first (every authenticator has it), then Ed25519 and RS256 (Windows Hello).
    private static final List<Map<String, Object>> ALGORITHMS = List.of(
            Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -8), Map.of("type", "public-key", "alg", -257));

    private WebAuthnOptions() {
    }

    /**
     * A new credential for this person. A discoverable one is preferred, so that it can also sign in without the
     * password; attestation is not asked for, since masq trusts the person, not a make of authenticator.
     */
    static Map<String, Object> creation(String rpId, byte[] challenge, String userId, String userName, List<byte[]> existing) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", rpId, "name", "masq"));
        options.put("user", Map.of("id", b64(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "name", userName,
                "displayName", userName));
        options.put("challenge", b64(challenge));
        options.put("pubKeyCredParams", ALGORITHMS);
        options.put("timeout", TIMEOUT_MS);
        options.put("excludeCredentials", descriptors(existing));
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "requireResidentKey", false,
                "userVerification", "preferred"));
        options.put("attestation", "none");
        return options;
    }

    /** An assertion: from one of {@code allowed}, or (when empty) from any passkey of this site the browser knows. */
    static Map<String, Object> request(String rpId, byte[] challenge, List<byte[]> allowed, boolean userVerification) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rpId", rpId);
        options.put("challenge", b64(challenge));
        options.put("timeout", TIMEOUT_MS);
        options.put("allowCredentials", descriptors(allowed));
        options.put("userVerification", userVerification ? "required" : "preferred");
        return options;
    }

    private static List<Map<String, Object>> descriptors(List<byte[]> ids) {
        return ids.stream().<Map<String, Object>>map(id -> Map.of("type", "public-key", "id", b64(id))).toList();
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
