package dev.masq.mail.smtp;

import java.nio.charset.StandardCharsets;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.RcptHook;

/** A reverse or forward path is at most 256 octets, angle brackets included (RFC 5321 §4.5.3.1.3). */
final class PathLengthLimit implements MailHook, RcptHook {
    static final int MAX_PATH = 256;
    private static final HookResult SENDER_TOO_LONG = refuse("5.1.7 Sender address too long: a path takes at most "
            + MAX_PATH + " octets");
    private static final HookResult RECIPIENT_TOO_LONG = refuse("5.1.3 Recipient address too long: a path takes at most "
            + MAX_PATH + " octets");

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return tooLong(sender.asString()) ? SENDER_TOO_LONG : HookResult.DECLINED;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return tooLong(rcpt.asString()) ? RECIPIENT_TOO_LONG : HookResult.DECLINED;
    }

    private static boolean tooLong(String address) {
        return address.getBytes(StandardCharsets.UTF_8).length + 2 > MAX_PATH;
    }

    private static HookResult refuse(String text) {
        return HookReplies.deny(SMTPRetCode.SYNTAX_ERROR_ARGUMENTS, text);
    }
}
