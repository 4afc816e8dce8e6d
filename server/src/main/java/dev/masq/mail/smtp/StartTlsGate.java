package dev.masq.mail.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.apache.james.protocols.api.ClientAuth;
import org.apache.james.protocols.netty.Encryption;

/**
 * Makes the switch to TLS after STARTTLS atomic although sessions run off the I/O threads. James
 * writes the {@code 220} and then adds the SslHandler from the session thread; the client's TLS
 * hello can arrive in between and would then bypass the handler still being added. So reading
 * stops on the I/O thread as soon as the STARTTLS line is framed, and resumes only once the
 * SslHandler is in place.
 */
final class StartTlsGate extends ChannelInboundHandlerAdapter {
    private static final byte[] STARTTLS = "STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf line && isStartTls(line) && ctx.pipeline().get(SslHandler.class) == null) {
            ctx.channel().config().setAutoRead(false);
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean isStartTls(ByteBuf line) {
        if (line.readableBytes() != STARTTLS.length) {
            return false;
        }
        for (int i = 0; i < STARTTLS.length; i++) {
            if (Character.toUpperCase(line.getByte(line.readerIndex() + i)) != STARTTLS[i]) {
                return false;
            }
        }
        return true;
    }

    /** STARTTLS whose SslHandler lets the connection read again once it is ready. */
    static Encryption encryption(SSLContext context) {
        Encryption james = Encryption.createStartTls(context);
        return new Encryption() {
            @Override
            public boolean isStartTLS() {
                return true;
            }

            @Override
            public boolean supportsEncryption() {
                return true;
            }

            @Override
            public String[] getEnabledCipherSuites() {
                return james.getEnabledCipherSuites();
            }

            @Override
            public ClientAuth getClientAuth() {
                return james.getClientAuth();
            }

            @Override
            public SslHandler sslHandler() {
                return new SslHandler(james.sslHandler().engine()) {
                    @Override
                    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
                        super.handlerAdded(ctx);
                        ctx.channel().config().setAutoRead(true);
                    }
                };
            }
        };
    }
}
