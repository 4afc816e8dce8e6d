package dev.masq.config;

/**
 * Settings of open sign-up (when an administrator turns it on).
 *
 * @param perClientPerHour sign-up requests one client address may make an hour; beyond, 429 with {@code Retry-After}.
 *                         Whatever this is, one target address gets at most one sign-up mail an hour.
 */
public record SignUpSettings(int perClientPerHour) {

    static SignUpSettings from(Config.Settings s) {
        return new SignUpSettings(s.integer("MASQ_SIGNUP_RATE", 5, 1));
    }
}
