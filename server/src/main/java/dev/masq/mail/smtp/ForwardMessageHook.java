package dev.masq.mail.smtp;

import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.forward.ReceivedMessage;
import dev.masq.mail.reply.ReplyService;
import java.io.IOException;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a complete message to the forwarding pipeline and answers 250 only once it is committed.
 * Any failure to store it becomes a 451 so the client keeps it and tries again; the client never
 * sees our stack trace.
 */
final class ForwardMessageHook implements MessageHook {
    private static final Logger log = LoggerFactory.getLogger(ForwardMessageHook.class);
    private static final HookResult QUEUED = HookReplies.ok(SMTPRetCode.MAIL_OK, "2.0.0 Message accepted for delivery");
    private static final HookResult LOOP = HookReplies.deny(SMTPRetCode.TRANSACTION_FAILED, "5.4.6 Too many hops: mail loop detected");
    private static final HookResult REFUSED = HookReplies.deny(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE, "5.7.1 The recipient does not accept mail from this sender");
    private static final HookResult NOT_STORED =
            HookReplies.denySoft(SMTPRetCode.LOCAL_ERROR, "4.3.0 Message not stored, try again later");

    private final ForwardService forward;
    private final ReplyService replies;

    ForwardMessageHook(ForwardService forward, ReplyService replies) {
        this.forward = forward;
        this.replies = replies;
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope mail) {
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        try {
            InboundMessage message = InboundMessages.read(session, mail);
            ReceivedMessage received = forward.receive(message);
            switch (forward.accept(received)) {
                case LOOP -> {
                    return LOOP;
                }
                case REFUSED -> {
                    return REFUSED;
                }
                case ACCEPTED -> {
                }
            }
            // A forged reply is answered 250 like a relayed one, once its notice is committed: a 5xx
            // would tell the forger what passes and have their server bounce to the owner's inbox.
            replies.accept(received);
            return QUEUED;
        } catch (IOException | RuntimeException e) {
            log.error("message from [{}] not stored", client, e);
            return NOT_STORED;
        }
    }

}
