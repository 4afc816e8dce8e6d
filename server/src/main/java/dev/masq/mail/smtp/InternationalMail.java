package dev.masq.mail.smtp;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
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
}
