package dev.masq.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every setting of masq, read from {@code MASQ_*} environment variables; each has a default. */
public record Config(
        Path dataDir,
        int httpPort,
        int smtpPort,
        int submissionPort,
        List<String> domains,
        String hostname,
        String baseUrl,
        Optional<InetSocketAddress> relay,
        Optional<InetSocketAddress> dns,
        Optional<String> key,
        long maxMessageSize,
        int smtpMaxConnections,
        int smtpMaxConnectionsPerIp,
        Duration smtpTimeout,
        Duration retryMin,
        Duration retryMax,
        Duration deliveryExpiry,
        boolean deliveryStartTls,
        int deliveryConcurrency,
        int mxPort,
        int apiAliasRate,
        LeakSettings leak,
        WebhookSettings webhook,
        SendingSettings sending,
        SmtpLimits smtpLimits,
        SignUpSettings signUp,
        Duration eventRetention,
        DomainSettings userDomains,
        QuarantineSettings quarantine,
        CorsSettings cors) {

    public static Config from(Map<String, String> env) {
        Settings s = new Settings(env);
        String hostname = s.get("MASQ_HOSTNAME", "localhost");
        int httpPort = s.integer("MASQ_HTTP_PORT", 8080);
        List<String> domains = Arrays.stream(s.get("MASQ_DOMAINS", "masq.localhost").split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .toList();
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("MASQ_DOMAINS must name at least one domain");
        }
        return new Config(
                Path.of(s.get("MASQ_DATA_DIR", "./data")),
                httpPort,
                s.integer("MASQ_SMTP_PORT", 2525),
                s.integer("MASQ_SUBMISSION_PORT", 2587),
                domains,
                hostname,
                s.get("MASQ_BASE_URL", "http://localhost:" + httpPort),
                s.optional("MASQ_RELAY").map(Config::hostPort),
                s.optional("MASQ_DNS").map(Config::hostPort),
                s.optional("MASQ_KEY"),
                s.integer("MASQ_MAX_MESSAGE_SIZE", 25 * 1024 * 1024),
                s.integer("MASQ_SMTP_MAX_CONNECTIONS", 500, 1),
                s.integer("MASQ_SMTP_MAX_CONNECTIONS_PER_IP", 50, 1),
                s.duration("MASQ_SMTP_TIMEOUT", Duration.ofMinutes(5), false),
                s.duration("MASQ_RETRY_MIN", Duration.ofMinutes(1)),
                s.duration("MASQ_RETRY_MAX", Duration.ofHours(4)),
                s.duration("MASQ_DELIVERY_EXPIRY", Duration.ofDays(5)),
                s.bool("MASQ_DELIVERY_STARTTLS", true),
                s.integer("MASQ_DELIVERY_CONCURRENCY", 50),
                // Port 25 everywhere on the Internet; settable so tests (and networks that redirect
                // outbound 25) can deliver by MX lookup to another port.
                s.integer("MASQ_MX_PORT", 25),
                s.integer("MASQ_API_ALIAS_RATE", 60),
                LeakSettings.from(s),
                WebhookSettings.from(s),
                SendingSettings.from(s),
                SmtpLimits.from(s),
                SignUpSettings.from(s),
                s.duration("MASQ_EVENT_RETENTION", Duration.ofDays(90)),
                DomainSettings.from(s),
                QuarantineSettings.from(s),
                CorsSettings.from(s));
    }

    static InetSocketAddress hostPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got " + value);
        }
        String host = value.substring(0, colon).replace("[", "").replace("]", "");
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(value.substring(colon + 1)));
    }

    record Settings(Map<String, String> env) {
        String get(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        /** A bad value is one start-up line naming the setting, never a parser's message alone. */
        int integer(String name, int fallback) {
            return optional(name).map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, not \"" + v + "\"");
                }
            }).orElse(fallback);
        }

        /** Only {@code true} or {@code false}: a typo in a switch must not quietly mean {@code false}. */
        boolean bool(String name, boolean fallback) {
            return optional(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false, not \"" + v + "\"");
            }).orElse(fallback);
        }

        /** {@link #integer}, and at least {@code min}: a limit of zero or less would refuse every client, or none. */
        int integer(String name, int fallback, int min) {
            int value = integer(name, fallback);
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
            }
            return value;
        }

        /** Accepts ISO-8601 ({@code PT30S}) or a number with a unit suffix: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 5d}. */
        Duration duration(String name, Duration fallback) {
            return optional(name).map(v -> {
                try {
                    return parseDuration(v);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + " must be a duration such as 500ms, 30s, 5m, 4h, 5d or PT30S, not \"" + v + "\"");
                }
            }).orElse(fallback);
        }

        /** {@link #duration}, and longer than zero (or, with {@code zeroAllowed}, not negative). */
        Duration duration(String name, Duration fallback, boolean zeroAllowed) {
            Duration value = duration(name, fallback);
            if (value.isNegative() || value.isZero() && !zeroAllowed) {
                throw new IllegalArgumentException(name + (zeroAllowed ? " must not be negative" : " must be longer than zero")
                        + ", not \"" + optional(name).orElseThrow() + "\"");
            }
            return value;
        }

        static Duration parseDuration(String v) {
            String s = v.toLowerCase(Locale.ROOT);
            if (s.startsWith("p")) {
                return Duration.parse(v);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("bad duration: " + v);
            };
        }
    }
}
