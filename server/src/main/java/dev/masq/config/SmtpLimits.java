package dev.masq.config;

import java.time.Duration;

/**
 * What one SMTP client may do before masq slows it down or closes on it: the defences against
 * harvesting aliases and against holding every connection slot (Postfix's smtpd limits, by default
 * with Postfix's values). "Errors" are recipients refused with a 5xx reply.
 *
 * @param maxRecipients      recipients one transaction may name; beyond, {@code 452 4.5.3}
 * @param softErrorLimit     refused recipients a session makes before each further one is answered after a delay
 * @param hardErrorLimit     refused recipients a session may make; the next one is answered {@code 421 4.7.0} and the session closed
 * @param errorDelay         the delay after the first refusal past the soft limit; each further one waits one more
 * @param addressErrorLimit  refused recipients (a decaying count) one client address may make before its
 *                           sessions start with part of their error budget used up
 * @param addressErrorHalfLife how fast an address's count decays: it halves in this time
 * @param junkCommandLimit   {@code NOOP}, {@code RSET}, {@code VRFY} and {@code HELP} one session may send
 * @param sessionLifetime    how long a session may last; past it the next command (never a DATA line) ends it
 */
public record SmtpLimits(int maxRecipients, int softErrorLimit, int hardErrorLimit, Duration errorDelay,
                         int addressErrorLimit, Duration addressErrorHalfLife, int junkCommandLimit,
                         Duration sessionLifetime) {

    static SmtpLimits from(Config.Settings s) {
        return new SmtpLimits(
                s.integer("MASQ_SMTP_MAX_RECIPIENTS", 100, 1),
                s.integer("MASQ_SMTP_SOFT_ERROR_LIMIT", 3, 0),
                s.integer("MASQ_SMTP_HARD_ERROR_LIMIT", 20, 1),
                s.duration("MASQ_SMTP_ERROR_DELAY", Duration.ofSeconds(1), true),
                s.integer("MASQ_SMTP_ADDRESS_ERROR_LIMIT", 100, 0),
                s.duration("MASQ_SMTP_ADDRESS_ERROR_HALF_LIFE", Duration.ofMinutes(10), false),
                s.integer("MASQ_SMTP_JUNK_COMMAND_LIMIT", 100, 1),
                s.duration("MASQ_SMTP_SESSION_LIFETIME", Duration.ofMinutes(30), false));
    }
}
