package dev.masq.config;

import java.net.URI;

/**
 * The address people use to reach this server ({@code MASQ_BASE_URL}), for links and as the WebAuthn origin.
 * With {@code MASQ_HTTP_PORT=0} and no base URL set, the port is known only once the server listens.
 */
public final class PublicUrl {
    private final String configured;
    private volatile String resolved;

    public PublicUrl(String configured) {
        this.configured = configured.replaceAll("/+$", "");
        this.resolved = this.configured;
    }

    /** Called by the HTTP edge once it listens. */
    public void bound(int port) {
        URI uri = URI.create(configured);
        if (uri.getPort() == 0) {
            resolved = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        }
    }

    /** Scheme, host and port, without a trailing slash. */
    public String get() {
        return resolved;
    }

    public URI uri() {
        return URI.create(resolved);
    }
}
