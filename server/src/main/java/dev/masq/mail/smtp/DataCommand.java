package dev.masq.mail.smtp;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.DataCmdHandler;

/** James's DATA, letting the framer take lines as long as a message once the client is told to send one. */
final class DataCommand extends DataCmdHandler {

    DataCommand(MetricFactory metrics) {
        super(metrics);
    }

    @Override
    protected Response doDATA(SMTPSession session, String argument) {
        Response response = super.doDATA(session, argument);
        if (SMTPRetCode.DATA_READY.equals(response.getRetCode())) {
            session.getAttachment(SessionHandler.FRAMER, ProtocolSession.State.Connection).ifPresent(SmtpLineFramer::expectData);
        }
        return response;
    }
}
