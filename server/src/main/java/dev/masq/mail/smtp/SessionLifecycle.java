package dev.masq.mail.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.DataLineFilter;

/**
 * Follows a session through its life. After each command it tells the slot keeper whether a
 * transaction is under way, and ends the session once it is older than its lifetime: then the next
 * command is answered {@code 421 4.4.2}, or, when the session was receiving a message, the reply to
 * that message is followed by the {@code 421}. It never cuts into a DATA. As a DATA line filter it
 * sees the reply that ends the transaction.
 */
final class SessionLifecycle implements LineHandler<SMTPSession>, DataLineFilter {
    private final LineHandler<SMTPSession> commands;
    private final OpenSessions open;
    private final long lifetimeNanos;
    private final Response tooOld;

    SessionLifecycle(LineHandler<SMTPSession> commands, OpenSessions open, Duration lifetime, String hostname) {
        this.commands = commands;
        this.open = open;
        this.lifetimeNanos = lifetime.toNanos();
        this.tooOld = ClosingReply.of(SMTPRetCode.SERVICE_NOT_AVAILABLE, "4.4.2 " + hostname + " Session lasted too long, closing connection");
    }

    /** A command. */
    @Override
    public Response onLine(SMTPSession session, byte[] line) {
        if (expired(session) && !CommandVerb.of(line).equals("QUIT")) {
            return tooOld;
        }
        Response response = commands.onLine(session, line);
        boolean underWay = session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent();
        open.of(session).ifPresent(s -> s.transaction(underWay, System.nanoTime()));
        return response;
    }

    /** A line of DATA; the reply to its last line ends the transaction. */
    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        Response response = next.onLine(session, line);
        if (response == null) {
            return response;
        }
        open.of(session).ifPresent(s -> s.transaction(false, System.nanoTime()));
        return expired(session) ? new Followed(response, tooOld) : response;
    }

    private boolean expired(SMTPSession session) {
        return open.of(session).map(s -> System.nanoTime() - s.openedNanos() > lifetimeNanos).orElse(false);
    }

    /** One reply and then another, the second ending the session (RFC 5321 §3.8 lets a server send 421 at any time). */
    private record Followed(Response first, Response then) implements Response {
        @Override
        public String getRetCode() {
            return first.getRetCode();
        }

        @Override
        public List<CharSequence> getLines() {
            List<CharSequence> lines = new ArrayList<>(first.getLines());
            lines.addAll(then.getLines());
            return lines;
        }

        @Override
        public boolean isEndSession() {
            return true;
        }
    }
}
