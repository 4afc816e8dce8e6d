package dev.masq.mail.smtp;

import dev.masq.config.SmtpLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Counts the recipients refused with a 5xx reply, per session and per client address, the way
 * Postfix counts errors: past the soft limit each refusal is answered after a delay that grows by
 * one step per refusal, past the hard limit the session is told {@code 421} and closed. An address
 * whose decaying count is over its limit starts each new session with the excess already counted,
 * and is not served at all once that excess alone reaches the hard limit. A harvester guessing
 * aliases gets a few answers a minute instead of thousands a second; a server that sends real mail
 * rarely makes an error at all.
 *
 * <p>The delay holds the session's executor (a virtual thread, see {@link SmtpListener}), never an
 * I/O thread; James 3.8.1 has no way to answer a command later without holding its thread. Netty
 * hands executors out in turn, so now and then a session that shares one with a delayed harvester
 * waits with it.
 */
final class RefusedRecipients implements LineHandler<SMTPSession> {
    private static final AttachmentKey<AtomicInteger> ERRORS = AttachmentKey.of("masq.refused-recipients", AtomicInteger.class);

    private final LineHandler<SMTPSession> commands;
    private final SmtpLimits limits;
    private final AddressErrors addresses;
    private final Response tooMany;
    private final Response addressTooMany;

    RefusedRecipients(LineHandler<SMTPSession> commands, SmtpLimits limits, AddressErrors addresses, String hostname) {
        this.commands = commands;
        this.limits = limits;
        this.addresses = addresses;
        this.tooMany = ClosingReply.of(SMTPRetCode.SERVICE_NOT_AVAILABLE, "4.7.0 " + hostname + " Too many refused recipients, closing connection");
        this.addressTooMany = ClosingReply.of(SMTPRetCode.SERVICE_NOT_AVAILABLE,
                "4.7.0 " + hostname + " Too many refused recipients from your address, try again later");
    }

    @Override
    public Response onLine(SMTPSession session, byte[] line) {
        Response response = commands.onLine(session, line);
        if (response == null || !refused(response) || !CommandVerb.of(line).equals("RCPT")) {
            return response;
        }
        addresses.add(client(session));
        int errors = errors(session).incrementAndGet();
        if (errors > limits.hardErrorLimit()) {
            return tooMany;
        }
        if (errors > limits.softErrorLimit()) {
            pause(limits.errorDelay().multipliedBy(errors - limits.softErrorLimit()));
        }
        return response;
    }

    /**
     * At the greeting: a {@code 421} for an address whose recent errors leave its session no budget;
     * otherwise the session starts with the address's excess counted. Empty: greet as usual.
     */
    Optional<Response> atGreeting(SMTPSession session) {
        int excess = (int) Math.floor(addresses.count(client(session)) - limits.addressErrorLimit());
        if (excess >= limits.hardErrorLimit()) {
            return Optional.of(addressTooMany);
        }
        if (excess > 0) {
            errors(session).set(excess);
        }
        return Optional.empty();
    }

    /**
     * A 5xx, or catch-all's "too many new addresses today" ({@code 451 4.7.1}): past that limit, a client guessing
     * local parts on a catch-all domain is the same harvester as one guessing aliases.
     */
    private static boolean refused(Response response) {
        return response.getRetCode().startsWith("5") || response.getRetCode().equals(SMTPRetCode.LOCAL_ERROR)
                && response.getLines().stream().anyMatch(l -> l.toString().contains("4.7.1"));
    }

    private static AtomicInteger errors(SMTPSession session) {
        return session.getAttachment(ERRORS, State.Connection).orElseGet(() -> {
            AtomicInteger fresh = new AtomicInteger();
            session.setAttachment(ERRORS, fresh, State.Connection);
            return fresh;
        });
    }

    private static InetAddress client(SMTPSession session) {
        return session.getRemoteAddress().getAddress();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // The executor is shutting down: answer now.
            Thread.currentThread().interrupt();
        }
    }
}
