package dev.masq.quarantine;

import dev.masq.common.InvalidInputException;
import java.util.Locale;

/** What happens to a message with a suspicious verdict. */
public enum VerdictAction {
    /** Held encrypted for the person to release or delete; not forwarded. */
    QUARANTINE,
    /** Forwarded with the warning tag and block (masq's behaviour before quarantine existed). */
    TAG,
    /** Refused with 550 5.7.1 at the end of DATA: the sending server bounces it, so nothing is lost. */
    REJECT,
    /** For spoofs only: what the forged domain asks for, quarantine when its DMARC policy is reject or quarantine, else tag. */
    DMARC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VerdictAction parse(String field, String value) {
        for (VerdictAction a : values()) {
            if (a.wire().equals(value)) {
                return a;
            }
        }
        throw new InvalidInputException(field, field + " is one of quarantine, tag, reject" + (field.equals("spoof") ? ", dmarc" : ""));
    }
}
