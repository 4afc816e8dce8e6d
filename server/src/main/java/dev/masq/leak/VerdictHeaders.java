package dev.masq.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * What a verdict changes on the forwarded message: the headers to add and, for a suspicious sender,
 * the tag in front of the Subject and a short warning at the top of the text the person reads (the
 * pipeline puts it into the plain and HTML parts; everything else in the body stays as it was).
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
     * @param bodyWarning   lines to show at the top of the text; empty to leave the body as it is
     */
    public record Decoration(List<Field> add, Optional<String> subjectPrefix, List<String> bodyWarning) {
        public Decoration {
            bodyWarning = List.copyOf(bodyWarning);
        }
    }

    /** Nothing to add: leak detection is off. */
    public static final Decoration NONE = new Decoration(List.of(), Optional.empty(), List.of());

    private VerdictHeaders() {
    }

    public static Decoration of(Verdict verdict) {
        List<Field> add = new ArrayList<>();
        add.add(new Field(VERDICT, verdict.kind().wire()));
        if (!verdict.kind().isSuspicious()) {
            return new Decoration(add, Optional.empty(), List.of());
        }
        String warning = verdict.findings().isEmpty() ? verdict.warning()
                : verdict.warning() + "; " + String.join("; ", verdict.findings());
        add.add(new Field(WARNING, EncoderUtil.encodeIfNecessary(warning, EncoderUtil.Usage.TEXT_TOKEN, WARNING.length() + 2)));
        List<String> lines = new ArrayList<>();
        lines.add("masq warning: " + verdict.warning() + ".");
        verdict.findings().forEach(f -> lines.add("- " + f));
        lines.add("Do not click its links or give it any information.");
        return new Decoration(add, Optional.of(SUBJECT_TAG), lines);
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
