package dev.masq.mail.smtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.apache.james.protocols.api.ClientAuth;
import org.apache.james.protocols.netty.Encryption;

/**
 * TLS on the SMTP ports, STARTTLS or from the first byte: TLS 1.3, and TLS 1.2 with forward-secret
 * AEAD suites only (no CBC, whose padding has been an oracle again and again; no TLS 1.0/1.1, which
 * RFC 8996 retired), and no renegotiation started by the client, a cheap way to make the server do
 * handshake work over and over.
 */
final class SmtpTls implements Encryption {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final List<String> SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    static {
        // JSSE reads it once, when the first server handshake of the process begins: it has no
        // per-engine switch. An operator's explicit choice on the command line stands.
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    private final SSLContext context;
    private final boolean startTls;
    private final String[] suites;

    private SmtpTls(SSLContext context, boolean startTls) {
        this.context = context;
        this.startTls = startTls;
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        this.suites = SUITES.stream().filter(supported::contains).toArray(String[]::new);
    }

    /** STARTTLS, whose SslHandler tells the framer once it is in place (see {@link SmtpLineFramer}). */
    static SmtpTls startTls(SSLContext context) {
        return new SmtpTls(context, true);
    }

    /** TLS from the first byte (RFC 8314). */
    static SmtpTls implicit(SSLContext context) {
        return new SmtpTls(context, false);
    }

    @Override
    public boolean isStartTLS() {
        return startTls;
    }

    @Override
    public boolean supportsEncryption() {
        return true;
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return suites.clone();
    }

    @Override
    public ClientAuth getClientAuth() {
        return ClientAuth.NONE;
    }

    @Override
    public SslHandler sslHandler() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setCipherSuites(suites);
        parameters.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(parameters);
        if (!startTls) {
            return new SslHandler(engine);
        }
        return new SslHandler(engine) {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
                super.handlerAdded(ctx);
                ctx.pipeline().get(SmtpLineFramer.class).tlsStarted();
            }
        };
    }
}
