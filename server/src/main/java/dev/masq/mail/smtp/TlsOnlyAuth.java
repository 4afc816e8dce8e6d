package dev.masq.mail.smtp;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;

/**
 * James's AUTH command, refused until TLS is up (trap 4): James takes AUTH PLAIN on a plain connection,
 * and by the time a hook could say no, the password has crossed the network in clear.
 */
final class TlsOnlyAuth extends AuthCmdHandler {
    private static final Response ENCRYPTION_REQUIRED =
            new SMTPResponse("538", "5.7.11 Encryption required: issue STARTTLS first").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        return session.isTLSStarted() ? super.onCommand(session, request) : ENCRYPTION_REQUIRED;
    }
}
