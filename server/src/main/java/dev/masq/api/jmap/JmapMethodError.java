package dev.masq.api.jmap;

/**
 * A method-level error (RFC 8620 §3.6.2): the call answers {@code ["error", {type, description}, callId]} and the
 * other calls of the request go on.
 */
final class JmapMethodError extends RuntimeException {
    private final String type;

    JmapMethodError(String type, String description) {
        super(description, null, false, false);
        this.type = type;
    }

    static JmapMethodError invalidArguments(String description) {
        return new JmapMethodError("invalidArguments", description);
    }

    String type() {
        return type;
    }
}
