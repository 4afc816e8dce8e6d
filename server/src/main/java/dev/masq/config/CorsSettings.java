package dev.masq.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Web origins whose pages may call the API from the browser (Bitwarden's web vault, for one).
 *
 * @param origins exact origins ({@code https://vault.bitwarden.com}); empty, the default, sends no CORS headers
 */
public record CorsSettings(List<String> origins) {

    public CorsSettings {
        origins = List.copyOf(origins);
    }

    static CorsSettings from(Config.Settings s) {
        return new CorsSettings(s.optional("MASQ_CORS_ORIGINS")
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                        .map(CorsSettings::origin).toList())
                .orElse(List.of()));
    }

    /** An origin is a scheme, a host and maybe a port, nothing else: browsers send it that way, lower case, with no slash. */
    private static String origin(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw bad(value);
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException bad(String value) {
        return new IllegalArgumentException("MASQ_CORS_ORIGINS: '" + value
                + "' is not an origin such as https://vault.bitwarden.com (scheme and host, no path)");
    }
}
