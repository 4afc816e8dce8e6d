package dev.masq.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Slows password and code guessing: counts failed logins per client address and per account. Past a limit,
 * logins are refused outright until the window since the first failure ends: no sleeping, so a guesser holds
 * no thread, and the right password does not help while locked, so guessing gains nothing. Unknown accounts
 * are counted too, so being refused says nothing about whether one exists.
 */
public final class LoginThrottle {
    // Each counter is one map entry; a flood of made-up account names must not grow the map without end.
    private static final int MAX_TRACKED = 50_000;

    private final Policy policy;
    private final UnaryOperator<String> accountKey;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    /** How many failures within {@code window} lock an account, and how many lock a client address. */
    public record Policy(int perAccount, int perAddress, Duration window) {
    }

    /** {@code accountKey} turns an account name into what is remembered (a keyed hash keeps addresses out of memory). */
    public LoginThrottle(Policy policy, UnaryOperator<String> accountKey, Clock clock) {
        this.policy = policy;
        this.accountKey = accountKey;
        this.clock = clock;
    }

    /** Empty when {@code address} may try to sign in to {@code account}; else how long until it may. */
    public Optional<Duration> lockedFor(String address, String account) {
        long now = clock.millis();
        long wait = Math.max(waitMillis(addressKey(address), policy.perAddress(), now), waitMillis(userKey(account), policy.perAccount(), now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void failed(String address, String account) {
        long now = clock.millis();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> expired(f, now));
        }
        for (String key : new String[] {addressKey(address), userKey(account)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, old.since()));
        }
    }

    /** An account that got in starts afresh; the address keeps its count, or one good account would shield guessing at others. */
    public void succeeded(String account) {
        failures.remove(userKey(account));
    }

    private long waitMillis(String key, int limit, long now) {
        Failures f = failures.get(key);
        if (f == null || expired(f, now) || f.count() < limit) {
            return 0;
        }
        return f.since() + policy.window().toMillis() - now + 1;
    }

    private boolean expired(Failures f, long now) {
        return now - f.since() > policy.window().toMillis();
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    private String userKey(String account) {
        return "user:" + accountKey.apply(account == null ? "" : account);
    }

    private record Failures(int count, long since) {
    }
}
