package dev.masq.mail.smtp;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;

/**
 * RCPT as James does it, except that a recipient without a domain (RFC 5321 §4.5.1 asks every
 * server to take {@code <postmaster>}) belongs to our first alias domain rather than to James's
 * {@code localhost}, which no alias lookup would ever find.
 */
final class LocalRecipients extends RcptCmdHandler {
    private final String domain;

    LocalRecipients(MetricFactory metrics, String domain) {
        super(metrics);
        this.domain = domain;
    }

    @Override
    protected String getDefaultDomain() {
        return domain;
    }
}
