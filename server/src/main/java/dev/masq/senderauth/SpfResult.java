package dev.masq.senderauth;

import java.util.Locale;

/** The SPF verdicts of RFC 7208 §2.6. */
public enum SpfResult {
    PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, TEMPERROR, PERMERROR;

    static SpfResult fromJspf(String result) {
        if (result == null) {
            return TEMPERROR;
        }
        return switch (result.toLowerCase(Locale.ROOT)) {
            case "pass" -> PASS;
            case "fail" -> FAIL;
            case "softfail" -> SOFTFAIL;
            case "neutral" -> NEUTRAL;
            case "none" -> NONE;
            case "permerror" -> PERMERROR;
            default -> TEMPERROR;
        };
    }
}
