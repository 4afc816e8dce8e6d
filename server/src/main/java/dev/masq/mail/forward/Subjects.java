package dev.masq.mail.forward;

import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** The Subject as a person reads it: unfolded, encoded words decoded, raw UTF-8 (RFC 6532) read as UTF-8. */
final class Subjects {
    private static final int MAX = 998;

    private Subjects() {
    }

    static String decoded(HeaderBlock headers) {
        HeaderBlock.Field subject = headers.first("Subject");
        if (subject == null) {
            return "";
        }
        String raw = new String(headers.value(subject), StandardCharsets.UTF_8).replaceAll("\r?\n", "").strip();
        String decoded = DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
        return decoded.length() > MAX ? decoded.substring(0, MAX) : decoded;
    }
}
