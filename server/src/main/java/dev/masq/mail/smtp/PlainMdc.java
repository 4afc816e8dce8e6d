package dev.masq.mail.smtp;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import org.apache.james.protocols.api.Protocol;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.ProtocolMDCContextFactory;
import org.apache.james.util.MDCBuilder;

/** Logging context with the client's IP only: James's standard one looks up its host name in DNS per connection. */
final class PlainMdc implements ProtocolMDCContextFactory {

    @Override
    public MDCBuilder onBound(Protocol protocol, ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        return MDCBuilder.create()
                .addToContext(MDCBuilder.PROTOCOL, protocol.getName())
                .addToContext(MDCBuilder.IP, remote.getAddress().getHostAddress());
    }

    @Override
    public MDCBuilder withContext(ProtocolSession session) {
        return ProtocolMDCContextFactory.forSession(session);
    }
}
