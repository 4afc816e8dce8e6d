package dev.masq.domain;

import java.util.List;

/**
 * A record the owner is asked to publish, and what the last check found: {@code status} is {@code ok},
 * {@code missing} or {@code wrong}, with {@code found} the values seen instead when wrong.
 */
public record DnsRecord(String purpose, String type, String name, String value, String status, List<String> found) {
    public static final String OK = "ok";
    public static final String MISSING = "missing";
    public static final String WRONG = "wrong";

    public static final String OWNERSHIP = "ownership";
    public static final String MX = "mx";
    public static final String SPF = "spf";
    public static final String DKIM = "dkim";
    public static final String DMARC = "dmarc";

    DnsRecord checked(Check check) {
        return check == null ? this : new DnsRecord(purpose, type, name, value, check.status(), check.found());
    }

    /** One record's outcome. */
    public record Check(String status, List<String> found) {
        static Check ok() {
            return new Check(OK, List.of());
        }

        static Check missing() {
            return new Check(MISSING, List.of());
        }

        static Check wrong(List<String> found) {
            return new Check(WRONG, List.copyOf(found));
        }
    }
}
