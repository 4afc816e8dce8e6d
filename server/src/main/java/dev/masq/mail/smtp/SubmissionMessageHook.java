package dev.masq.mail.smtp;

import dev.masq.mail.forward.InboundMessage;
import dev.masq.mail.submission.SubmissionService;
import java.io.IOException;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a submitted message to the submission service; 250 only once it is queued. */
final class SubmissionMessageHook implements MessageHook {
    private static final Logger log = LoggerFactory.getLogger(SubmissionMessageHook.class);
    private static final HookResult QUEUED = HookReplies.ok(SMTPRetCode.MAIL_OK, "2.0.0 Message accepted for delivery");
    private static final HookResult NOT_YOURS =
            HookReplies.deny(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE, "5.7.1 From must be one of your aliases");
    private static final HookResult NOT_STORED =
            HookReplies.denySoft(SMTPRetCode.LOCAL_ERROR, "4.3.0 Message not stored, try again later");

    private final SubmissionService submission;

    SubmissionMessageHook(SubmissionService submission) {
        this.submission = submission;
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope mail) {
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        String userId = session.getAttachment(AppPasswordAuthHook.USER_ID, State.Connection).orElseThrow();
        try {
            InboundMessage message = InboundMessages.read(session, mail);
            return submission.accept(userId, message) == SubmissionService.Outcome.QUEUED ? QUEUED : NOT_YOURS;
        } catch (IOException | RuntimeException e) {
            log.error("submitted message from [{}] not stored", client, e);
            return NOT_STORED;
        }
    }

}
