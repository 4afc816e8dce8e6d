package dev.masq.mail.smtp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Ends "read complete" right behind James's handler, on the session's executor. James fires it after
 * every line it handles; from there it would travel on to the pipeline's tail on the I/O thread, a
 * hand-off and a selector wake-up per line of every message, for an event nothing after James uses.
 * The handlers in front of James (the idle timer) still see every one from the I/O thread.
 */
@ChannelHandler.Sharable
final class ReadCompleteSink extends ChannelInboundHandlerAdapter {
    static final ReadCompleteSink INSTANCE = new ReadCompleteSink();

    private ReadCompleteSink() {
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // deliberately not passed on
    }
}
