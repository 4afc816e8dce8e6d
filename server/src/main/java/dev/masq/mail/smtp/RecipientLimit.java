package dev.masq.mail.smtp;

import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * At most so many recipients in one transaction. Beyond, {@code 452} (RFC 5321 §4.5.3.1.8): a sending
 * server delivers to the rest in a later transaction, while a harvester cannot try thousands of
 * addresses under one MAIL FROM.
 */
final class RecipientLimit implements RcptHook {
    private static final HookResult TOO_MANY = HookReplies.denySoft(SMTPRetCode.SYSTEM_STORAGE_ERROR, "4.5.3 Too many recipients");

    private final int max;

    RecipientLimit(int max) {
        this.max = max;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        int named = session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction).map(List::size).orElse(0);
        return named >= max ? TOO_MANY : HookResult.DECLINED;
    }
}
