package dev.masq.mail.smtp;

import dev.masq.mail.MboxFromLine;
import dev.masq.mail.forward.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;

/** The message a session received, as the pipeline takes it: envelope, client, how it came, content. */
final class InboundMessages {
    private InboundMessages() {
    }

    static InboundMessage read(SMTPSession session, MailEnvelope mail) throws IOException {
        try (InputStream in = mail.getMessageInputStream()) {
            return new InboundMessage(InternationalAddresses.text(mail.getMaybeSender()),
                    mail.getRecipients().stream().map(InternationalAddresses::text).toList(),
                    session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection).orElse(null),
                    session.getRemoteAddress().getAddress().getHostAddress(),
                    protocol(session), OrphanContinuation.strip(MboxFromLine.strip(in.readAllBytes())));
        }
    }

    /**
     * The {@code with} keyword of the {@code Received} line (RFC 3848, RFC 6531 §3.7.3): SMTP after
     * HELO, ESMTP after EHLO, UTF8SMTP when the transaction asked for SMTPUTF8; S when TLS carried
     * it, A when the client authenticated. An operator reading the trace sees whether the hop before
     * masq encrypted.
     */
    static String protocol(SMTPSession session) {
        boolean ehlo = "EHLO".equals(session.getAttachment(SMTPSession.CURRENT_HELO_MODE, State.Connection).orElse(null));
        String base = Smtputf8Extension.requested(session) ? "UTF8SMTP" : ehlo ? "ESMTP" : "SMTP";
        if (!ehlo) {
            return base;
        }
        return base + (session.isTLSStarted() ? "S" : "") + (session.getUsername() != null ? "A" : "");
    }
}
