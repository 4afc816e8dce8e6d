package dev.masq.mail.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.DataLineFilter;

/**
 * Only CRLF ends a line (trap 1). James frames lines on LF alone and passes bare CR through, which
 * is what SMTP smuggling needs: a second message hidden inside the first behind an end-of-data
 * marker that another server reads differently. A line with a bare CR or LF, or a NUL, is answered
 * {@code 500 5.5.2} and the session ends, so nothing from it is ever queued. It sits first among the
 * DATA filters and, as the chain's first LineHandler, in front of the command dispatcher too.
 */
final class StrictLineEndings implements DataLineFilter, LineHandler<SMTPSession> {
    private static final Response REJECT;

    static {
        SMTPResponse r = new SMTPResponse(SMTPRetCode.SYNTAX_ERROR_COMMAND_UNRECOGNIZED, "5.5.2 Bare CR or LF, or NUL, in line: only CRLF ends a line");
        r.setEndSession(true);
        REJECT = r.immutable();
    }

    private final LineHandler<SMTPSession> commands;

    StrictLineEndings(LineHandler<SMTPSession> commands) {
        this.commands = commands;
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line) {
        return isStrict(line) ? commands.onLine(session, line) : REJECT;
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        return isStrict(line) ? next.onLine(session, line) : REJECT;
    }

    static boolean isStrict(byte[] line) {
        int end = line.length - 2;
        if (end < 0 || line[end] != '\r' || line[end + 1] != '\n') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (b == '\r' || b == '\n' || b == 0) {
                return false;
            }
        }
        return true;
    }
}
