package dev.masq.mail.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.WelcomeMessageHandler;

/**
 * James's {@code 220} greeting, or instead a {@code 421} for a client address that has had too many
 * recipients refused of late. It replaces James's handler rather than running before it: a second
 * connect handler's reply would still be written after a first one's {@code 421}.
 */
final class ErrorAwareGreeting extends WelcomeMessageHandler {
    private final RefusedRecipients refused;

    ErrorAwareGreeting(RefusedRecipients refused) {
        this.refused = refused;
    }

    @Override
    public Response onConnect(SMTPSession session) {
        return refused.atGreeting(session).orElseGet(() -> super.onConnect(session));
    }
}
