package dev.masq.mail.smtp;

import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * The open sessions of one port. When every connection slot is taken, a new client would be turned
 * away while idle sessions (a client holding its connection with {@code NOOP}s) keep theirs; so the
 * session idle the longest is closed instead to make room. A session in a transaction is never
 * chosen. Sessions are found by their client's address and port, which the Netty channel and
 * James's session both know.
 */
final class OpenSessions {
    private final ConcurrentHashMap<SocketAddress, OpenSession> byClient = new ConcurrentHashMap<>();
    private final byte[] evicted;

    OpenSessions(String hostname) {
        this.evicted = (SMTPRetCode.SERVICE_NOT_AVAILABLE + " 4.7.0 " + hostname + " Too many connections, closing idle session\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    void opened(Channel channel) {
        byClient.put(channel.remoteAddress(), new OpenSession(channel, System.nanoTime()));
    }

    void closed(Channel channel) {
        byClient.remove(channel.remoteAddress());
    }

    /** The session's state; empty once its connection is gone. */
    Optional<OpenSession> of(SMTPSession session) {
        return Optional.ofNullable(byClient.get(session.getRemoteAddress()));
    }

    /** Closes the session idle the longest, if one is idle; true if one was, and so makes room. */
    boolean evictIdlest() {
        while (true) {
            Optional<OpenSession> idlest = byClient.values().stream()
                    .filter(OpenSession::evictable)
                    .min(Comparator.comparingLong(OpenSession::idleSinceNanos));
            if (idlest.isEmpty()) {
                return false;
            }
            if (idlest.get().claim()) {
                idlest.get().close(evicted);
                return true;
            }
        }
    }
}
