package dev.masq.mail.smtp;

import dev.masq.config.Config;
import dev.masq.config.SmtpLimits;
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.reply.ReplyService;
import dev.masq.mail.submission.SubmissionLogins;
import dev.masq.mail.submission.SubmissionService;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.core.MailCmdHandler;
import org.apache.james.protocols.smtp.core.PostmasterAbuseRcptHook;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;
import org.apache.james.protocols.smtp.core.DataCmdHandler;
import org.apache.james.protocols.smtp.core.ReceivedDataLineFilter;
import org.apache.james.protocols.smtp.core.WelcomeMessageHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP port: James's protocol handlers with our hooks. The inbound port offers no AUTH (no AuthHook
 * is installed, so James never adds its AUTH command) and relays nothing. The submission ports take
 * mail only from users signed in with an app password, over TLS.
 */
public final class SmtpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final SmtpListener listener;

    private SmtpServer(SmtpListener listener) {
        this.listener = listener;
    }

    /**
     * The port mail for our domains arrives on (MX): forwarding to inboxes, and the owners' replies.
     * STARTTLS is offered so that sending servers can encrypt (opportunistically, as MTAs do); AUTH never is.
     */
    public static SmtpServer inbound(Config config, SSLContext tls, ForwardService forward, ReplyService replies) {
        OpenSessions open = new OpenSessions(config.hostname());
        SMTPProtocolHandlerChain chain = handlerChain(List.of(new AliasRcptHook(forward), new ForwardMessageHook(forward, replies)),
                config.domains().getFirst(), config, open);
        SmtpServer server = start(config, chain, false, config.smtpPort(), SmtpTls.startTls(tls), open);
        log.info("SMTP listening on port {} as {}", server.port(), config.hostname());
        return server;
    }

    /** Authenticated submission (RFC 6409) on {@code port}; {@code implicitTls} for the port that starts with TLS (RFC 8314). */
    public static SmtpServer submission(Config config, int port, SSLContext tls, boolean implicitTls,
                                        SubmissionLogins logins, SubmissionService submission) {
        OpenSessions open = new OpenSessions(config.hostname());
        SMTPProtocolHandlerChain chain = handlerChain(List.of(new TlsOnlyAuth(), new AppPasswordAuthHook(logins),
                new AuthenticatedOnly(), new SubmissionMessageHook(submission)), null, config, open);
        SmtpServer server = start(config, chain, true, port,
                implicitTls ? SmtpTls.implicit(tls) : SmtpTls.startTls(tls), open);
        log.info("submission listening on port {} ({})", server.port(), implicitTls ? "implicit TLS" : "STARTTLS");
        return server;
    }

    private static SmtpServer start(Config config, SMTPProtocolHandlerChain chain, boolean submission, int port, Encryption tls,
                                    OpenSessions open) {
        SMTPProtocol protocol = new Utf8Commands(chain, new SmtpSettings(config.hostname(), config.maxMessageSize(), submission));
        return new SmtpServer(new SmtpListener(config, protocol, port, tls, open));
    }

    /**
     * James's defaults, pruned and hardened, with the session limits, then {@code ours}. {@code localDomain}:
     * the domain of a recipient given without one ({@code <postmaster>}); null leaves James's {@code localhost}.
     */
    @SuppressWarnings("unchecked")
    static SMTPProtocolHandlerChain handlerChain(List<ProtocolHandler> ours, String localDomain, Config config, OpenSessions open) {
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(new NoopMetricFactory());
        // PostmasterAbuseRcptHook accepts postmaster@ and abuse@ at any domain, before our hook runs: an open relay.
        // ReceivedDataLineFilter resolves the client's host name in DNS on the session thread; the
        // forwarding pipeline stamps its own trace header instead.
        chain.removeAll(List.of(only(chain, PostmasterAbuseRcptHook.class), only(chain, ReceivedDataLineFilter.class)));
        chain.set(chain.indexOf(only(chain, MailSizeEsmtpExtension.class)), new MessageSizeLimit());
        chain.set(chain.indexOf(only(chain, EhloCmdHandler.class)), new EhloGreeting(new NoopMetricFactory()));
        chain.set(chain.indexOf(only(chain, DataCmdHandler.class)), new DataCommand(new NoopMetricFactory()));
        chain.set(chain.indexOf(only(chain, RcptCmdHandler.class)), new LocalRecipients(new NoopMetricFactory(), localDomain));
        chain.set(chain.indexOf(only(chain, MailCmdHandler.class)), new InternationalMail(new NoopMetricFactory()));
        chain.add(new Smtputf8Extension());
        SmtpLimits limits = config.smtpLimits();
        RefusedRecipients refused = new RefusedRecipients(chain.getFirstHandler(LineHandler.class).orElseThrow(), limits,
                new AddressErrors(limits.addressErrorHalfLife(), System::nanoTime), config.hostname());
        chain.set(chain.indexOf(only(chain, WelcomeMessageHandler.class)), new ErrorAwareGreeting(refused));
        SessionLifecycle lifecycle = new SessionLifecycle(new JunkCommands(refused, limits.junkCommandLimit(), config.hostname()),
                open, limits.sessionLifetime(), config.hostname());
        chain.add(0, new StrictLineEndings(lifecycle));
        chain.add(1, lifecycle);
        // After the defaults (trap 2): the size extension's MessageHook must refuse an oversize
        // message before ours could queue what was kept of it. One at a time: given an AuthHook,
        // James adds an AuthCmdHandler of its own unless one is in the chain already, and that one,
        // first to be asked, would take AUTH in clear and announce AUTH a second time.
        chain.add(new PathLengthLimit());
        chain.add(new RecipientLimit(limits.maxRecipients()));
        ours.forEach(chain::add);
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
