package dev.masq.mail.smtp;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.protocols.smtp.SMTPRetCode;

/**
 * Caps concurrent connections, in all and per client address. A connection over the cap gets
 * {@code 421} and is closed before an SMTP session exists, unless an idle session can be closed to
 * make room for it ({@link OpenSessions}). James's own limit handlers close without a word and never
 * forget an address they have seen.
 */
@ChannelHandler.Sharable
final class ConnectionLimits extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("masq.refused");

    private final int maxTotal;
    private final int maxPerAddress;
    private final byte[] busy;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final OpenSessions open;

    ConnectionLimits(int maxTotal, int maxPerAddress, String hostname, OpenSessions open) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.open = open;
        this.busy = (SMTPRetCode.SERVICE_NOT_AVAILABLE + " 4.7.0 " + hostname + " Too many connections, try again later\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int all = total.incrementAndGet();
        int mine = perAddress.merge(address(ctx), 1, Integer::sum);
        // The evicted session still counts until it is gone: each newcomer over the cap evicts its own.
        if (mine > maxPerAddress || all > maxTotal && !open.evictIdlest()) {
            // A refused connection holds no slot, not even while its 421 is on the way out.
            release(ctx);
            ctx.channel().attr(REFUSED).set(true);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(busy)).addListener(ChannelFutureListener.CLOSE);
            return; // the session never starts: no greeting, no commands
        }
        open.opened(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel().attr(REFUSED).get() == null) {
            release(ctx);
            open.closed(ctx.channel());
            ctx.fireChannelInactive();
        }
    }

    private void release(ChannelHandlerContext ctx) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address(ctx), (a, n) -> n == 1 ? null : n - 1);
    }

    private static InetAddress address(ChannelHandlerContext ctx) {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
