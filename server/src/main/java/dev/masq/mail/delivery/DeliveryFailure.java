package dev.masq.mail.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an attempt did not deliver, told twice. The message says what the receiving side said, for
 * the server log and the owner's notice (which is stored encrypted). The summary is all that is
 * kept in clear in the database (queue row, alias event): a reply code or a category, because
 * host names and server texts can name the real inbox's domain. Both are one bounded line with
 * every email address replaced.
 */
public final class DeliveryFailure extends Exception {
    /** PERMANENT gives up; TEMPORARY retries later; UNREACHABLE means "try the next host, else retry later". */
    public enum Kind { PERMANENT, TEMPORARY, UNREACHABLE }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Pattern ENHANCED_CODE = Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final int MAX_LENGTH = 400;

    private final Kind kind;
    private final String summary;

    private DeliveryFailure(Kind kind, String summary, String message) {
        // No stack trace: a failure here is an expected answer from the network, not a bug.
        super(safe(message), null, false, false);
        this.kind = kind;
        this.summary = safe(summary);
    }

    public static DeliveryFailure permanent(String summary, String message) {
        return new DeliveryFailure(Kind.PERMANENT, summary, message);
    }

    public static DeliveryFailure temporary(String summary, String message) {
        return new DeliveryFailure(Kind.TEMPORARY, summary, message);
    }

    public static DeliveryFailure unreachable(String message) {
        return new DeliveryFailure(Kind.UNREACHABLE, "could not connect", message);
    }

    /** A reply from {@code server}: 5xx is permanent, anything else (4xx, or no code at all) is worth another try. */
    public static DeliveryFailure ofReply(int code, String server, String reply) {
        Matcher enhanced = ENHANCED_CODE.matcher(reply == null ? "" : reply);
        String summary = code + (enhanced.find() ? " " + enhanced.group() : "");
        String message = server + " said: " + reply;
        return code >= 500 && code < 600 ? permanent(summary, message) : temporary(summary, message);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }

    /** Short enough and vague enough to keep in clear: a reply code or a category. */
    public String summary() {
        return summary;
    }

    static String safe(String message) {
        String oneLine = (message == null ? "unknown error" : message).replaceAll("[\\p{Cntrl}]+", " ").strip();
        String redacted = ADDRESS.matcher(oneLine).replaceAll("<address>");
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + "...";
    }
}
