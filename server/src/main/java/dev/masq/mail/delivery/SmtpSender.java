package dev.masq.mail.delivery;

import dev.masq.mail.DkimSigning;
import dev.masq.mail.LineLimit;
import dev.masq.outbox.Delivery;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Hands one message to one server over SMTP with Angus Mail, on a connection kept open from an
 * earlier message to that server when there is one ({@link SmtpConnections}).
 *
 * <p>The stored bytes are sent as they are: the message is parsed from them and never
 * {@code saveChanges()}d, so Angus does not touch its headers (which would break DKIM). Angus still
 * canonicalises line endings, dot-stuffs, and leaves out any {@code Bcc} and {@code Content-Length}
 * header. Only a server that lacks an extension the message needs gets it converted ({@link HopFit}),
 * and a line too long for SMTP is broken ({@link LineLimit}) if no one did so before signing.
 *
 * <p>STARTTLS is opportunistic (RFC 7435): used whenever the server offers it, with any certificate
 * and host name, as MTAs do for MX delivery: refusing an unverifiable certificate would only push
 * the message to plain text. So it protects against passive eavesdropping, not against an active
 * attacker in the path. A server whose TLS handshake fails counts as unreachable.
 *
 * <p>Angus's {@code sendMessage} is {@code synchronized}. On JDK 21 to 23 that pins the virtual
 * thread to its carrier for the whole send, so concurrent sends are bounded by the carrier count;
 * from JDK 24 (JEP 491) it no longer does.
 */
final class SmtpSender implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    // RFC 5321 §4.5.3.2 asks clients to wait up to 10 minutes for the reply to the final dot.
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(5);

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader (a class path scan) every
        // time it parses a header block; named here, the lookup is a loaded-class check instead.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    // Angus otherwise starts a thread per connection to enforce the write timeout; it also closes idle connections.
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("smtp-timers").daemon().factory());
    // One for all messages: a Session reads Angus's provider lists from the class path when made.
    private final Session session;
    private final Session utf8Session;
    private final SmtpConnections connections = new SmtpConnections();

    private final DkimSigning dkim;

    SmtpSender(String heloName, boolean startTls, DkimSigning dkim) {
        this.dkim = dkim;
        this.session = Session.getInstance(properties(heloName, startTls, timers));
        Properties utf8 = properties(heloName, startTls, timers);
        utf8.put("mail.mime.allowutf8", "true");
        this.utf8Session = Session.getInstance(utf8);
        long sweep = SmtpConnections.IDLE.toMillis();
        timers.scheduleWithFixedDelay(connections::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Returns once the server has accepted the message with a 250; throws why it did not. */
    void send(Delivery delivery, Hop hop) throws DeliveryFailure {
        Address[] recipient = {recipient(delivery)};
        // Already done before signing for what masq writes; here for what it does not (notices, older rows).
        byte[] content = LineLimit.apply(delivery.content());
        // Angus sends SMTPUTF8 (and its commands in UTF-8) only from a Session that allows it; such a
        // connection is used for this message alone, so the pooled ones never send the parameter unasked.
        boolean utf8 = HopFit.needsSmtpUtf8(delivery, content);
        SMTPTransport reused = utf8 ? null : connections.take(hop);
        if (reused != null) {
            try {
                transfer(reused, hop, message(delivery, content, reused, hop), recipient, false);
                return;
            } catch (MessagingException e) {
                // An answer settles the attempt; a connection that broke while idle says nothing
                // about the server, so the message goes out once more on a new one.
                if (answered(e)) {
                    throw classify(hop, e);
                }
            } catch (IllegalStateException e) {
                // Angus found the connection already closed: the same, go out on a new one.
            }
        }
        SMTPTransport transport = new SMTPTransport(utf8 ? utf8Session : session, null);
        try {
            transport.connect(hop.host(), hop.port(), null, null);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw DeliveryFailure.unreachable(hop + ": " + describe(e));
        }
        try {
            transfer(transport, hop, message(delivery, content, transport, hop), recipient, utf8);
        } catch (MessagingException e) {
            throw classify(hop, e);
        }
    }

    /** The message in the form {@code transport}'s server takes (see {@link HopFit}); closes it when there is none. */
    private SMTPMessage message(Delivery delivery, byte[] content, SMTPTransport transport, Hop hop) throws DeliveryFailure {
        try {
            HopFit.Fitted fitted = HopFit.fit(delivery, content, transport::supportsExtension, hop);
            // Converted for this hop after masq signed it: masq's own signature would no longer verify.
            byte[] bytes = fitted.content() == content ? content : dkim.resign(fitted.content());
            SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(bytes));
            // "<>" is the null reverse-path; Angus would replace an empty sender with the From header.
            message.setEnvelopeFrom(delivery.envelopeFrom().isEmpty() ? "<>" : delivery.envelopeFrom());
            message.setMailExtension(fitted.mailExtension());
            return message;
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw DeliveryFailure.permanent("unreadable message", "the message cannot be read: " + e.getMessage());
        } catch (DeliveryFailure e) {
            closeQuietly(transport);
            throw e;
        }
    }

    /**
     * One transaction; the connection goes back to the pool after a 250 and is closed after anything
     * else, and after every transaction of a {@code once} connection.
     */
    private void transfer(SMTPTransport transport, Hop hop, SMTPMessage message, Address[] recipient, boolean once)
            throws MessagingException {
        try {
            transport.sendMessage(message, recipient);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        if (once) {
            closeQuietly(transport);
        } else {
            connections.release(hop, transport);
        }
    }

    private static Properties properties(String heloName, boolean startTls, ScheduledExecutorService writeTimeouts) {
        Properties p = new Properties();
        p.put("mail.smtp.localhost", heloName);
        p.put("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(READ_TIMEOUT.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(WRITE_TIMEOUT.toMillis()));
        p.put("mail.smtp.executor.writetimeout", writeTimeouts);
        p.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        return p;
    }

    private static InternetAddress recipient(Delivery delivery) throws DeliveryFailure {
        try {
            return new InternetAddress(delivery.recipient(), true);
        } catch (AddressException e) {
            throw DeliveryFailure.permanent("invalid recipient address", "not a valid recipient address: " + e.getMessage());
        }
    }

    /** A reply code decides (5xx permanent, 4xx temporary); without one it was the connection: try again later. */
    private static DeliveryFailure classify(Hop hop, MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (replyCode(x) > 0) {
                return DeliveryFailure.ofReply(replyCode(x), hop.toString(), x.getMessage());
            }
        }
        return DeliveryFailure.temporary("connection failed", hop + ": " + describe(e));
    }

    /** Whether the server answered at all: an exception carrying a reply code, or one chained to it. */
    private static boolean answered(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (replyCode(x) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int replyCode(Exception x) {
        return switch (x) {
            case SMTPAddressFailedException f -> f.getReturnCode();
            case SMTPSenderFailedException f -> f.getReturnCode();
            case SMTPSendFailedException f -> f.getReturnCode();
            default -> -1;
        };
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The outcome is already decided; a failing QUIT changes nothing.
        }
    }

    @Override
    public void close() {
        connections.close();
        timers.shutdownNow();
    }
}
