package dev.masq.webhook;

import dev.masq.common.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks pointed at the public Internet: a user must not make masq call the operator's own
 * network (cloud metadata, admin panels on loopback). Checked when the URL is set and again before
 * every call, since a name can be made to resolve elsewhere later; the call then goes to the address
 * checked, never to a second answer for the same name.
 */
final class UrlGuard {
    private static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;
    private final HostResolver resolver;

    UrlGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Where one call goes: the URL, and the address of its host that was checked. */
    record Target(URI uri, InetAddress address) {
    }

    /** The URL if it is http(s) with a host that resolves to public addresses only. */
    URI check(String url) {
        return target(url).uri();
    }

    /** As {@link #check}, resolving the host now: the address to connect to for this one call. */
    Target target(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new InvalidInputException("url", "give the URL to call, up to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidInputException("url", "the URL must be http:// or https:// with a host name");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "the URL must not carry a user name or password");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "the host " + uri.getHost() + " does not resolve");
        }
        // Every address, not only the one used: a name that also points inward is refused whole.
        for (InetAddress a : addresses) {
            if (!allowPrivate && NonPublicAddresses.contains(a)) {
                throw new InvalidInputException("url", "the host " + uri.getHost() + " resolves to a private or local address");
            }
        }
        return new Target(uri, addresses.getFirst());
    }
}
