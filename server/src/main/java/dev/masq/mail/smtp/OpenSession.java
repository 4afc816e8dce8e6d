package dev.masq.mail.smtp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.james.protocols.netty.HandlerConstants;

/**
 * One open connection as the slot keeper sees it: when it opened, whether a transaction is under
 * way (MAIL FROM given, its DATA not yet answered) and since when it has been idle. Written by the
 * session's thread, read by the I/O threads.
 */
final class OpenSession {
    private final Channel channel;
    private final long openedNanos;
    private final AtomicBoolean evicting = new AtomicBoolean();
    private volatile boolean inTransaction;
    private volatile long idleSinceNanos;

    OpenSession(Channel channel, long nowNanos) {
        this.channel = channel;
        this.openedNanos = nowNanos;
        this.idleSinceNanos = nowNanos;
    }

    long openedNanos() {
        return openedNanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    void transaction(boolean underWay, long nowNanos) {
        if (inTransaction && !underWay) {
            idleSinceNanos = nowNanos;
        }
        inTransaction = underWay;
    }

    boolean evictable() {
        return !inTransaction && !evicting.get();
    }

    /** Marks it to be evicted; false if another new connection already claimed it. */
    boolean claim() {
        return evicting.compareAndSet(false, true);
    }

    /**
     * Sends {@code reply} and closes, from the session's own executor: behind any reply it is still
     * writing, and never between the lines of a DATA it started meanwhile (then it stays open).
     */
    void close(byte[] reply) {
        ChannelHandlerContext session = channel.pipeline().context(HandlerConstants.CORE_HANDLER);
        if (session == null) {
            channel.close();
            return;
        }
        session.executor().execute(() -> {
            if (inTransaction) {
                evicting.set(false);
                return;
            }
            channel.config().setAutoRead(false);
            channel.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
        });
    }
}
