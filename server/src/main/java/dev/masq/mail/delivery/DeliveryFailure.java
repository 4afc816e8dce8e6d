package dev.masq.mail.delivery;

import java.util.regex.Pattern;

/**
 * Why an attempt did not deliver. The message is what the receiving side said, made safe to keep:
 * one line, bounded, and with every email address replaced, because it ends up in clear in the
 * queue row, the alias event log and the server log, none of which may reveal a real inbox.
 */
public final class DeliveryFailure extends Exception {
    /** PERMANENT gives up; TEMPORARY retries later; UNREACHABLE means "try the next host, else retry later". */
    public enum Kind { PERMANENT, TEMPORARY, UNREACHABLE }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_LENGTH = 400;

    private final Kind kind;

    private DeliveryFailure(Kind kind, String message) {
        // No stack trace: a failure here is an expected answer from the network, not a bug.
        super(safe(message), null, false, false);
        this.kind = kind;
    }

    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(Kind.PERMANENT, message);
    }

    public static DeliveryFailure temporary(String message) {
        return new DeliveryFailure(Kind.TEMPORARY, message);
    }

    public static DeliveryFailure unreachable(String message) {
        return new DeliveryFailure(Kind.UNREACHABLE, message);
    }

    /** An SMTP reply: 5xx is permanent, anything else (4xx, or no code at all) is worth another try. */
    public static DeliveryFailure ofReply(int code, String message) {
        return code >= 500 && code < 600 ? permanent(message) : temporary(message);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }

    static String safe(String message) {
        String oneLine = (message == null ? "unknown error" : message).replaceAll("[\\p{Cntrl}]+", " ").strip();
        String redacted = ADDRESS.matcher(oneLine).replaceAll("<address>");
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + "...";
    }
}
