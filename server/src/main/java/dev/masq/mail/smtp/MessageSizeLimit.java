package dev.masq.mail.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;

/**
 * James's SIZE extension (advertised in EHLO, checked on MAIL FROM and while DATA streams in),
 * except for its answer to an oversize DATA: James replies a bare {@code 552 Quota exceeded}, we add
 * the enhanced status code. By then the oversize message has been dropped whole: its own
 * MessageHook, ahead of ours in the chain, refused it.
 */
final class MessageSizeLimit extends MailSizeEsmtpExtension {
    static final Response TOO_BIG =
            new SMTPResponse(SMTPRetCode.QUOTA_EXCEEDED, "5.3.4 Message size exceeds fixed maximum message size").immutable();

    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        Response response = super.onLine(session, line, next);
        return response != null && SMTPRetCode.QUOTA_EXCEEDED.equals(response.getRetCode()) ? TOO_BIG : response;
    }
}
