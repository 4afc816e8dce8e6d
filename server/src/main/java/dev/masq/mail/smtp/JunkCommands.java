package dev.masq.mail.smtp;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * At most so many commands that move no mail in one session (Postfix's {@code smtpd_junk_command_limit}):
 * a client sending {@code NOOP} every few seconds would otherwise hold its connection slot forever. A command
 * masq does not know ({@code EXPN}, {@code BDAT}, {@code XCLIENT}, garbage) moves no mail either and counts the
 * same, so a session cannot be held with {@code 500} answers. Beyond the limit it is told {@code 421 4.7.0} and closed.
 */
final class JunkCommands implements LineHandler<SMTPSession> {
    // Every other command (NOOP, RSET, VRFY, HELP, ...) is junk.
    private static final Set<String> MAIL_COMMANDS = Set.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "QUIT", "STARTTLS", "AUTH");
    private static final AttachmentKey<AtomicInteger> COUNT = AttachmentKey.of("masq.junk-commands", AtomicInteger.class);

    private final LineHandler<SMTPSession> commands;
    private final int limit;
    private final Response tooMany;

    JunkCommands(LineHandler<SMTPSession> commands, int limit, String hostname) {
        this.commands = commands;
        this.limit = limit;
        this.tooMany = ClosingReply.of(SMTPRetCode.SERVICE_NOT_AVAILABLE, "4.7.0 " + hostname + " Too many commands that send no mail, closing connection");
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line) {
        if (!MAIL_COMMANDS.contains(CommandVerb.of(line)) && count(session).incrementAndGet() > limit) {
            return tooMany;
        }
        return commands.onLine(session, line);
    }

    private static AtomicInteger count(SMTPSession session) {
        return session.getAttachment(COUNT, State.Connection).orElseGet(() -> {
            AtomicInteger fresh = new AtomicInteger();
            session.setAttachment(COUNT, fresh, State.Connection);
            return fresh;
        });
    }
}
