package dev.masq.mail.smtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import org.apache.james.protocols.api.Protocol;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;
import org.apache.james.protocols.netty.Encryption;

/**
 * James's session handler, telling the connection's {@link SmtpLineFramer} what the session expects:
 * message lines from {@link DataCommand}'s {@code 354} until DATA's line handler is popped, and
 * whether a STARTTLS line started TLS.
 */
final class SessionHandler extends BasicChannelInboundHandler {
    static final ProtocolSession.AttachmentKey<SmtpLineFramer> FRAMER =
            ProtocolSession.AttachmentKey.of("masq.framer", SmtpLineFramer.class);

    private final SmtpLineFramer framer;

    SessionHandler(Protocol protocol, Encryption tls, SmtpLineFramer framer) {
        super(new PlainMdc(), protocol, tls, false);
        this.framer = framer;
    }

    @Override
    protected ProtocolSession createSession(ChannelHandlerContext ctx) {
        ProtocolSession session = super.createSession(ctx);
        session.setAttachment(FRAMER, framer, ProtocolSession.State.Connection);
        return session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof SmtpLineFramer.StartTlsLine startTls) {
            super.channelRead(ctx, startTls.content());
            // James adds the SslHandler while answering 220, before it returns here.
            if (ctx.pipeline().get(SslHandler.class) == null) {
                framer.startTlsRefused();
            }
        } else {
            super.channelRead(ctx, msg);
        }
    }

    /** The only line handlers pushed are DATA's and AUTH's prompts: after either, commands come. */
    @Override
    public void popLineHandler() {
        super.popLineHandler();
        framer.expectCommands();
    }
}
