package dev.masq.mail.delivery;

import java.net.InetSocketAddress;

/** One server to hand a message to: its name (for messages) and the address to connect to. */
public record Hop(String name, InetSocketAddress address) {

    /** What to connect to: the IP literal when DNS already gave one (so nothing resolves it again), else the name. */
    public String host() {
        return address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public String toString() {
        return name.equals(host()) ? host() + ":" + port() : name + "[" + host() + "]:" + port();
    }
}
