package dev.masq.webhook;

import dev.masq.common.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks pointed at the public Internet: a user must not make masq call the operator's own
 * network (cloud metadata, admin panels on loopback). Checked when the URL is set and again before
 * every call, since a name can be made to resolve elsewhere later.
 */
final class UrlGuard {
    private static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;

    UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL if it is http(s) with a host that resolves to public addresses only. */
    URI check(String url) {
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
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!allowPrivate && isPrivate(a)) {
                throw new InvalidInputException("url", "the host " + uri.getHost() + " resolves to a private or local address");
            }
        }
        return uri;
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || carrierNat || uniqueLocal6;
    }
}
