package dev.masq.mail.submission;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed submission logins per client address and per user name. Past the limit, logins are
 * refused outright until the window since the first failure ends: no sleeping, so a guesser holds
 * no thread, and the right password does not help while locked, so guessing gains nothing.
 */
final class LoginThrottle {
    // Each counter is one map entry; a flood of made-up user names must not grow the map without end.
    private static final int MAX_TRACKED = 50_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    boolean locked(String clientIp, String username) {
        return count("ip:" + clientIp) >= maxPerAddress || count(userKey(username)) >= maxPerUser;
    }

    void failed(String clientIp, String username) {
        long now = clock.millis();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> now - f.since() > window.toMillis());
        }
        for (String key : new String[] {"ip:" + clientIp, userKey(username)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, old.since()));
        }
    }

    /** A user who got in starts afresh; the address keeps its count, or one good account would shield guessing at others. */
    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private int count(String key) {
        Failures f = failures.get(key);
        return f == null || expired(f, clock.millis()) ? 0 : f.count();
    }

    private boolean expired(Failures f, long now) {
        return now - f.since() > window.toMillis();
    }

    private static String userKey(String username) {
        return "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, long since) {
    }
}
