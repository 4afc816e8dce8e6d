package dev.masq.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * What a verdict changes on the forwarded message: the headers to add and, for a suspicious sender,
 * the tag in front of the Subject. The SMTP pipeline applies it; the body is never touched.
 */
public final class VerdictHeaders {
    public static final String VERDICT = "X-Masq-Verdict";
    public static final String WARNING = "X-Masq-Warning";
    public static final String SUBJECT_TAG = "[masq: suspicious sender] ";

    /** A header field to add; the value is already safe to write (ASCII, RFC 2047 where needed). */
    public record Field(String name, String value) {
    }

    /**
     * @param add           header fields to add, in order
     * @param subjectPrefix to put in front of the Subject (create one if there is none); empty to leave it
     */
    public record Decoration(List<Field> add, Optional<String> subjectPrefix) {
    }

    /** Nothing to add: leak detection is off. */
    public static final Decoration NONE = new Decoration(List.of(), Optional.empty());

    private VerdictHeaders() {
    }

    public static Decoration of(Verdict verdict) {
        List<Field> add = new ArrayList<>();
        add.add(new Field(VERDICT, verdict.kind().wire()));
        if (!verdict.kind().isSuspicious()) {
            return new Decoration(add, Optional.empty());
        }
        add.add(new Field(WARNING, EncoderUtil.encodeIfNecessary(verdict.warning(), EncoderUtil.Usage.TEXT_TOKEN, WARNING.length() + 2)));
        return new Decoration(add, Optional.of(SUBJECT_TAG));
    }

    /**
     * Header fields of a received message that must not reach the inbox: an upstream sender could
     * forge our verdict or a spam score. The pipeline drops them before adding its own.
     */
    public static boolean isUntrustedUpstream(String headerName) {
        String n = headerName.toLowerCase(Locale.ROOT);
        return n.startsWith("x-masq-") || n.startsWith("x-spam-");
    }
}
