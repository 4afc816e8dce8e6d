package dev.masq.web;

import java.net.URI;

/**
 * The address people use to reach this server ({@code MASQ_BASE_URL}), for links and as the WebAuthn origin.
 * With {@code MASQ_HTTP_PORT=0} and no base URL set, the port is known only once the server listens.
 */
public final class PublicUrl {
    private final String configured;
    private volatile String resolved;

    PublicUrl(String configured) {
        this.configured = configured.replaceAll("/+$", "");
        this.resolved = this.configured;
    }

    void bound(int port) {
        URI uri = URI.create(configured);
        if (uri.getPort() == 0) {
            resolved = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        }
    }

    /** Scheme, host and port, without a trailing slash. */
    public String get() {
        return resolved;
    }

    public String host() {
        return URI.create(resolved).getHost();
    }
}
