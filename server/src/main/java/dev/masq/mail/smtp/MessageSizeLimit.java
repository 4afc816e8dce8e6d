package dev.masq.mail.smtp;

import java.util.regex.Pattern;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.apache.james.protocols.smtp.hook.HookResult;

/**
 * James's SIZE extension (advertised in EHLO, checked on MAIL FROM and while DATA streams in),
 * except for its answer to an oversize DATA: James replies a bare {@code 552 Quota exceeded}, we add
 * the enhanced status code. By then the oversize message has been dropped whole: its own
 * MessageHook, ahead of ours in the chain, refused it. A SIZE that is not digits (RFC 1870: {@code 1*20DIGIT}) is
 * a syntax error; James took {@code SIZE=-1} and {@code SIZE=+5} with {@code 250}.
 */
final class MessageSizeLimit extends MailSizeEsmtpExtension {
    static final Response TOO_BIG =
            new SMTPResponse(SMTPRetCode.QUOTA_EXCEEDED, "5.3.4 Message size exceeds fixed maximum message size").immutable();

    private static final HookResult BAD_SIZE =
            HookReplies.deny(SMTPRetCode.SYNTAX_ERROR_ARGUMENTS, "5.5.4 Syntactically incorrect value for SIZE parameter");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    @Override
    public HookResult doMailParameter(SMTPSession session, String paramName, String paramValue) {
        if (paramValue == null || !DIGITS.matcher(paramValue).matches()) {
            return BAD_SIZE;
        }
        return super.doMailParameter(session, paramName, paramValue);
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        Response response = super.onLine(session, line, next);
        return response != null && SMTPRetCode.QUOTA_EXCEEDED.equals(response.getRetCode()) ? TOO_BIG : response;
    }
}
