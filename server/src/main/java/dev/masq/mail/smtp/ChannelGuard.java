package dev.masq.mail.smtp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends connections that misbehave below SMTP: silent for longer than the idle timeout, or sending a
 * line longer than {@link SmtpLineFramer} takes. James would answer such a line and carry on with it
 * missing, which in DATA means a truncated message slipping under the size check; a command line that
 * long comes from no real client, and one pipelined into DATA would be such a missing line. A
 * connection the client resets, or whose TLS handshake fails, ends quietly.
 */
final class ChannelGuard extends IdleStateHandler {
    private static final Logger log = LoggerFactory.getLogger(ChannelGuard.class);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private final byte[] idle;
    private static final byte[] TOO_LONG =
            (SMTPRetCode.QUOTA_EXCEEDED + " 5.3.4 Line too long: message size exceeds fixed maximum message size\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMAND_TOO_LONG = (SMTPRetCode.SYNTAX_ERROR_COMMAND_UNRECOGNIZED + " 5.5.2 Line too long: a command line takes at most "
            + SmtpLineFramer.COMMAND_MAX + " octets\r\n").getBytes(StandardCharsets.US_ASCII);

    ChannelGuard(Duration timeout, String hostname) {
        super(timeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
        this.idle = (SMTPRetCode.SERVICE_NOT_AVAILABLE + " 4.4.2 " + hostname + " Idle for too long, closing connection\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        closeWith(ctx, idle);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof SmtpLineFramer.CommandTooLong) {
            refuseWhileSending(ctx, COMMAND_TOO_LONG);
        } else if (cause instanceof TooLongFrameException) {
            refuseWhileSending(ctx, TOO_LONG);
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException tls) {
            // A client (or scanner) whose TLS we refuse, say for offering only CBC suites or renegotiating.
            log.info("TLS with {} failed: {}", ctx.channel().remoteAddress(), tls.getMessage());
            ctx.close();
        } else if (cause instanceof IOException) {
            // A client that resets or drops its connection is everyday traffic, not our error.
            log.debug("connection from {} lost: {}", ctx.channel().remoteAddress(), cause.getMessage());
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    /**
     * The client is likely still sending its line and reads no reply before it is done: closing with
     * its bytes unread would reset the connection and lose the reply. So the reply is followed by the
     * end of our side only, and what the client still sends is read and dropped (the framer drops it)
     * for a few seconds before the connection closes.
     */
    private static void refuseWhileSending(ChannelHandlerContext ctx, byte[] reply) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(written -> {
            if (ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
            ctx.executor().schedule(() -> ctx.close(), DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private static void closeWith(ChannelHandlerContext ctx, byte[] reply) {
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
    }
}
