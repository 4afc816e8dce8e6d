package dev.masq.mail.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;

/** Replies that end the session: James writes them, then closes the connection. */
final class ClosingReply {
    private ClosingReply() {
    }

    static Response of(String code, String text) {
        SMTPResponse r = new SMTPResponse(code, text);
        r.setEndSession(true);
        return r.immutable();
    }
}
