package dev.masq.mail.smtp;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * The submission port takes a transaction only from a signed-in user, and then for any recipient:
 * who may send as which alias is decided on the message's From after DATA.
 */
final class AuthenticatedOnly implements MailHook, RcptHook {
    private static final HookResult AUTH_REQUIRED = HookReplies.deny(SMTPRetCode.AUTH_REQUIRED, "5.7.0 Authentication required");

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return signedIn(session) ? HookResult.DECLINED : AUTH_REQUIRED;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return signedIn(session) ? HookResult.OK : AUTH_REQUIRED;
    }

    private static boolean signedIn(SMTPSession session) {
        return session.getAttachment(AppPasswordAuthHook.USER_ID, ProtocolSession.State.Connection).isPresent();
    }
}
