package dev.masq.mail.smtp;

import java.util.List;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailParametersHook;

/**
 * SMTPUTF8 (RFC 6531): offered in EHLO, and the MAIL parameter that asks for it taken. James 3.8.1
 * neither offers it nor parses UTF-8 addresses; {@link InternationalMail} and
 * {@link LocalRecipients} bring those addresses in when the transaction asked for SMTPUTF8.
 */
final class Smtputf8Extension implements EhloExtension, MailParametersHook {
    /** Set for a transaction whose MAIL command carried the SMTPUTF8 parameter. */
    static final ProtocolSession.AttachmentKey<Boolean> REQUESTED =
            ProtocolSession.AttachmentKey.of("masq.smtputf8", Boolean.class);

    /** RFC 5321 §4.2.3's reply for a MAIL parameter that is not recognised or not implemented. */
    private static final HookResult NOT_OFFERED = HookReplies.deny("555", "5.5.4 SMTPUTF8 is offered only after EHLO");

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        return List.of("SMTPUTF8");
    }

    @Override
    public HookResult doMailParameter(SMTPSession session, String paramName, String paramValue) {
        if (!"EHLO".equals(session.getAttachment(SMTPSession.CURRENT_HELO_MODE, State.Connection).orElse(null))) {
            // After HELO no extension was offered, and a client must not use one it was not offered (RFC 6531 §3.4).
            return NOT_OFFERED;
        }
        session.setAttachment(REQUESTED, true, State.Transaction);
        return HookResult.DECLINED;
    }

    @Override
    public String[] getMailParamNames() {
        return new String[] {"SMTPUTF8"};
    }

    static boolean requested(SMTPSession session) {
        return session.getAttachment(REQUESTED, State.Transaction).orElse(false);
    }
}
