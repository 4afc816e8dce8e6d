package dev.masq.mail.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * SMTP connections kept open between messages, per server. Queued mail comes in runs to the same
 * relay or inbox provider; reusing a connection spares each message the TCP handshake, banner,
 * EHLO (and STARTTLS) and QUIT. A connection is only ever used by one sender at a time: it is taken
 * out while in use and put back after a message the server accepted. One idle for longer than
 * {@link #IDLE} is closed, well before servers drop idle clients (RFC 5321 §4.5.3.2: 5 minutes).
 */
final class SmtpConnections {
    static final Duration IDLE = Duration.ofSeconds(5);

    private final Map<Hop, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Idle(SMTPTransport transport, long sinceNanos) {
    }

    /** An open connection to {@code hop} that was idle for less than {@link #IDLE}, or null. */
    SMTPTransport take(Hop hop) {
        Deque<Idle> open = idle.get(hop);
        if (open == null) {
            return null;
        }
        // Most recently used first: under light load the older ones age out and get closed.
        for (Idle i = open.pollFirst(); i != null; i = open.pollFirst()) {
            if (System.nanoTime() - i.sinceNanos() < IDLE.toNanos()) {
                return i.transport();
            }
            closeLater(List.of(i.transport()));
        }
        return null;
    }

    /** Puts back a connection whose last transaction completed (the server is ready for the next MAIL). */
    void release(Hop hop, SMTPTransport transport) {
        if (closed) {
            closeLater(List.of(transport));
            return;
        }
        idle.computeIfAbsent(hop, h -> new ConcurrentLinkedDeque<>()).offerFirst(new Idle(transport, System.nanoTime()));
    }

    /** Closes every connection idle for longer than {@link #IDLE}; called periodically. */
    void closeIdle() {
        List<SMTPTransport> stale = new ArrayList<>();
        long now = System.nanoTime();
        for (Deque<Idle> open : idle.values()) {
            for (Idle i = open.peekLast(); i != null && now - i.sinceNanos() >= IDLE.toNanos(); i = open.peekLast()) {
                // Another thread may have taken it meanwhile; only the one that removes it closes it.
                if (open.removeLastOccurrence(i)) {
                    stale.add(i.transport());
                }
            }
        }
        closeLater(stale);
    }

    /** Closes every idle connection, and any put back from now on. */
    void close() {
        closed = true;
        List<SMTPTransport> all = new ArrayList<>();
        idle.values().forEach(open -> {
            for (Idle i = open.pollFirst(); i != null; i = open.pollFirst()) {
                all.add(i.transport());
            }
        });
        closeLater(all);
    }

    /** QUIT waits for the server's reply: never on the caller's thread, which may be a timer or a sender. */
    private static void closeLater(List<SMTPTransport> transports) {
        if (!transports.isEmpty()) {
            Thread.ofVirtual().name("smtp-quit").start(() -> transports.forEach(SmtpSender::closeQuietly));
        }
    }
}
