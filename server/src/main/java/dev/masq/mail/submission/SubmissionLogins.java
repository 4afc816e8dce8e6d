package dev.masq.mail.submission;

import dev.masq.account.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Checks AUTH on the submission port: app passwords only, failures throttled per address and per user. */
public final class SubmissionLogins {
    private static final LoginThrottle.Policy POLICY = new LoginThrottle.Policy(5, 20, Duration.ofMinutes(15));

    private final AppPasswords passwords;
    private final LoginThrottle throttle;

    public SubmissionLogins(AppPasswords passwords, Clock clock) {
        this.passwords = passwords;
        this.throttle = new LoginThrottle(POLICY, u -> u.strip().toLowerCase(Locale.ROOT), clock);
    }

    public sealed interface Result {
        record Accepted(String userId) implements Result {
        }

        record Refused() implements Result {
        }

        /** Too many failures lately: refused whatever the password. */
        record Locked() implements Result {
        }
    }

    public Result login(String username, String password, String clientIp) {
        if (throttle.lockedFor(clientIp, username).isPresent()) {
            return new Result.Locked();
        }
        return passwords.authenticate(username, password).<Result>map(userId -> {
            throttle.succeeded(username);
            return new Result.Accepted(userId);
        }).orElseGet(() -> {
            throttle.failed(clientIp, username);
            return new Result.Refused();
        });
    }
}
