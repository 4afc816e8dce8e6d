package dev.masq.mail.smtp;

import dev.masq.config.Config;
import dev.masq.mail.forward.ForwardService;
import java.util.List;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.PostmasterAbuseRcptHook;
import org.apache.james.protocols.smtp.core.ReceivedDataLineFilter;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound SMTP port: James's protocol handlers with our hooks. No AUTH is offered (no AuthHook
 * is installed, so James never adds its AUTH command) and nothing is relayed.
 */
public final class SmtpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final SmtpListener listener;

    private SmtpServer(SmtpListener listener) {
        this.listener = listener;
    }

    public static SmtpServer start(Config config, ForwardService forward) {
        SMTPProtocol protocol = new SMTPProtocol(handlerChain(forward),
                new SmtpSettings(config.hostname(), config.maxMessageSize()));
        SmtpServer server = new SmtpServer(new SmtpListener(config, protocol));
        log.info("SMTP listening on port {} as {}", server.port(), config.hostname());
        return server;
    }

    @SuppressWarnings("unchecked")
    static SMTPProtocolHandlerChain handlerChain(ForwardService forward) {
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(new NoopMetricFactory());
        // PostmasterAbuseRcptHook accepts postmaster@ and abuse@ at any domain, before our hook runs: an open relay.
        // ReceivedDataLineFilter resolves the client's host name in DNS on the session thread; the
        // forwarding pipeline stamps its own trace header instead.
        chain.removeAll(List.of(only(chain, PostmasterAbuseRcptHook.class), only(chain, ReceivedDataLineFilter.class)));
        chain.set(chain.indexOf(only(chain, MailSizeEsmtpExtension.class)), new MessageSizeLimit());
        LineHandler<SMTPSession> commands = chain.getFirstHandler(LineHandler.class).orElseThrow();
        chain.add(0, new StrictLineEndings(commands));
        // After the defaults (trap 2): the size extension's MessageHook must refuse an oversize
        // message before ours could queue what was kept of it.
        chain.add(new AliasRcptHook(forward));
        chain.add(new ForwardMessageHook(forward));
        try {
            chain.wireExtensibleHandlers();
        } catch (WiringException e) {
            throw new IllegalStateException("SMTP handler chain does not wire", e);
        }
        return chain;
    }

    private static ProtocolHandler only(SMTPProtocolHandlerChain chain, Class<? extends ProtocolHandler> type) {
        return chain.getFirstHandler(type).orElseThrow(() -> new IllegalStateException("James no longer has " + type));
    }

    /** The bound port (differs from the configured one when that is 0). */
    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }
}
