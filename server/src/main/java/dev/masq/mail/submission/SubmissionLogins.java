package dev.masq.mail.submission;

import java.time.Clock;
import java.time.Duration;

/** Checks AUTH on the submission port: app passwords only, failures throttled per address and per user. */
public final class SubmissionLogins {
    private static final int MAX_PER_USER = 5;
    private static final int MAX_PER_ADDRESS = 20;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final AppPasswords passwords;
    private final LoginThrottle throttle;

    public SubmissionLogins(AppPasswords passwords, Clock clock) {
        this.passwords = passwords;
        this.throttle = new LoginThrottle(MAX_PER_USER, MAX_PER_ADDRESS, WINDOW, clock);
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
        if (throttle.locked(clientIp, username)) {
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
