package dev.masq.mail.smtp;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.MailCmdHandler;

/** MAIL as James does it, taking a UTF-8 sender when the command asks for SMTPUTF8 (RFC 6531 §3.4). */
final class InternationalMail extends MailCmdHandler {
    InternationalMail(MetricFactory metrics) {
        super(metrics);
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        return super.doFilterChecks(session, command,
                parameters != null && InternationalAddresses.asksForSmtpUtf8(parameters)
                        ? InternationalAddresses.forJames(parameters) : parameters);
    }

    /** James echoes the sender in the quoted form it parsed, which goes out with a '?' for each character beyond ASCII. */
    private static final Response UTF8_SENDER_OK = new SMTPResponse(SMTPRetCode.MAIL_OK, "2.1.0 Sender OK").immutable();

    @Override
    protected Response doCoreCmd(SMTPSession session, String command, String parameters) {
        Response response = super.doCoreCmd(session, command, parameters);
        boolean utf8Sender = session.getAttachment(SMTPSession.SENDER, State.Transaction)
                .map(sender -> !InternationalAddresses.text(sender).chars().allMatch(c -> c < 128)).orElse(false);
        return utf8Sender && SMTPRetCode.MAIL_OK.equals(response.getRetCode()) ? UTF8_SENDER_OK : response;
    }
}
