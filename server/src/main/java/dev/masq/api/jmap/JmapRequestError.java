package dev.masq.api.jmap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request-level error (RFC 8620 §3.6.1): the whole request is refused with a 400 problem document whose
 * {@code type} is one of the {@code urn:ietf:params:jmap:error:} names; {@code limit} names the limit exceeded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JmapRequestError(String type, String title, int status, String detail, String limit) {
    private static final String PREFIX = "urn:ietf:params:jmap:error:";

    static JmapRequestError of(String name, String detail) {
        return new JmapRequestError(PREFIX + name, "Bad Request", 400, detail, null);
    }

    static JmapRequestError limit(String limit, String detail) {
        return new JmapRequestError(PREFIX + "limit", "Bad Request", 400, detail, limit);
    }

    /** Thrown while reading the envelope; the route renders it. */
    static final class Refusal extends RuntimeException {
        final JmapRequestError error;

        Refusal(JmapRequestError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }
    }
}
