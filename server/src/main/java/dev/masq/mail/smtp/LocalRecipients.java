package dev.masq.mail.smtp;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;

/**
 * RCPT as James does it, except that a recipient without a domain (RFC 5321 §4.5.1 asks every
 * server to take {@code <postmaster>}) belongs to our first alias domain rather than to James's
 * {@code localhost}, which no alias lookup would ever find; and that a UTF-8 recipient is taken in a
 * transaction that asked for SMTPUTF8 (RFC 6531), which James would refuse as a syntax error.
 */
final class LocalRecipients extends RcptCmdHandler {
    private final String domain;

    /** {@code domain} null: James's own default. */
    LocalRecipients(MetricFactory metrics, String domain) {
        super(metrics);
        this.domain = domain;
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        return super.doFilterChecks(session, command, parameters != null && Smtputf8Extension.requested(session)
                ? InternationalAddresses.forJames(parameters) : parameters);
    }

    @Override
    protected String getDefaultDomain() {
        return domain == null ? super.getDefaultDomain() : domain;
    }
}
