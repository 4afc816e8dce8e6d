package dev.masq.mail.smtp;

import dev.masq.config.Config;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.protocols.api.Protocol;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.HandlerConstants;

/**
 * The Netty side of the SMTP port. Built here rather than with James's {@code NettyServer}, which
 * runs the protocol handler, and so every hook, on the I/O threads (trap 5): a hook waiting for a
 * group commit would stall every session sharing its thread. Each session's handler runs instead on
 * its own executor backed by a virtual thread, so thousands can wait on one fsync while the few
 * I/O threads keep reading.
 */
final class SmtpListener implements AutoCloseable {
    private static final int BACKLOG = 250;
    // A DATA line may be as long as a whole message; anything longer cannot fit under the size limit anyway.
    private static final int LINE_SLACK = 1024;
    private static final long QUIET_MILLIS = 100;

    static {
        // Netty's default leak detection records a stack trace for a sample of buffers and for every
        // slice of one (each line of a message): a debugging aid, switched on again with the property.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    private final EventLoopGroup acceptor = new NioEventLoopGroup(1, Thread.ofPlatform().name("smtp-accept").daemon().factory());
    // The I/O threads only frame lines and write replies (and TLS); the sessions run elsewhere. Netty's
    // default of two per core mostly sleeps, and every reply written to a sleeping one costs a wake-up.
    private final EventLoopGroup io = new NioEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Thread.ofPlatform().name("smtp-io-", 0).daemon().factory());
    private final EventExecutorGroup sessions;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;

    /** {@code tls}: null for none; STARTTLS is offered when it is a STARTTLS one, else every connection starts with TLS. */
    SmtpListener(Config config, Protocol protocol, int port, Encryption tls, OpenSessions open) {
        this.sessions = new DefaultEventExecutorGroup(config.smtpMaxConnections(),
                Thread.ofVirtual().name("smtp-session-", 0).factory());
        ConnectionLimits limits = new ConnectionLimits(config.smtpMaxConnections(), config.smtpMaxConnectionsPerIp(),
                config.hostname(), open);
        int maxDataLine = (int) Math.min(Integer.MAX_VALUE - LINE_SLACK, config.maxMessageSize()) + LINE_SLACK;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        if (tls != null && !tls.isStartTLS()) {
                            ch.pipeline().addLast(HandlerConstants.SSL_HANDLER, tls.sslHandler());
                        }
                        SmtpLineFramer framer = new SmtpLineFramer(maxDataLine, tls != null && tls.isStartTLS());
                        ch.pipeline()
                                .addLast("limits", limits)
                                .addLast(HandlerConstants.FRAMER, framer)
                                .addLast("guard", new ChannelGuard(config.smtpTimeout(), config.hostname()))
                                // James finds the session's handler by this name to push and pop line handlers.
                                .addLast(sessions, HandlerConstants.CORE_HANDLER, new SessionHandler(protocol, tls, framer))
                                // On the session's executor too: Netty gives a channel one executor per group.
                                .addLast(sessions, "read-complete-sink", ReadCompleteSink.INSTANCE);
                    }
                });
        try {
            this.server = bootstrap.bind(port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Stops accepting, closes every session, and waits for sessions already committing to finish. */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutdown();
    }

    /**
     * A closed connection's teardown hops between its I/O thread and its session executor; the quiet
     * period keeps both groups alive until those hops (and a session finishing its commit) are done.
     */
    private void shutdown() {
        List<Future<?>> stopping = List.of(
                acceptor.shutdownGracefully(QUIET_MILLIS, 5_000, TimeUnit.MILLISECONDS),
                io.shutdownGracefully(QUIET_MILLIS, 5_000, TimeUnit.MILLISECONDS),
                sessions.shutdownGracefully(QUIET_MILLIS, 5_000, TimeUnit.MILLISECONDS));
        stopping.forEach(Future::syncUninterruptibly);
    }
}
