package dev.masq.mail.smtp;

import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

/**
 * The one way hooks build their answers: the reply code from {@link org.apache.james.protocols.smtp.SMTPRetCode},
 * the text starting with its enhanced status code (RFC 3463).
 */
final class HookReplies {
    private HookReplies() {
    }

    static HookResult ok(String code, String text) {
        return of(HookReturnCode.ok(), code, text);
    }

    static HookResult deny(String code, String text) {
        return of(HookReturnCode.deny(), code, text);
    }

    static HookResult denySoft(String code, String text) {
        return of(HookReturnCode.denySoft(), code, text);
    }

    private static HookResult of(HookReturnCode returnCode, String code, String text) {
        return HookResult.builder().hookReturnCode(returnCode).smtpReturnCode(code).smtpDescription(text).build();
    }
}
