package dev.masq.config;

import java.time.Duration;

/**
 * Settings of the per-user webhooks.
 *
 * @param allowPrivate accept URLs that resolve to loopback or private addresses (tests, home labs);
 *                     off by default so that a user cannot make masq call into the operator's network
 * @param retryMin     first retry delay after a failed call (doubles each time)
 * @param retryMax     longest delay between calls
 * @param expiry       how long a call is retried before it is given up
 */
public record WebhookSettings(boolean allowPrivate, Duration retryMin, Duration retryMax, Duration expiry) {

    static WebhookSettings from(Config.Settings s) {
        return new WebhookSettings(
                s.bool("MASQ_WEBHOOK_ALLOW_PRIVATE", false),
                s.duration("MASQ_WEBHOOK_RETRY_MIN", Duration.ofSeconds(30)),
                s.duration("MASQ_WEBHOOK_RETRY_MAX", Duration.ofHours(1)),
                s.duration("MASQ_WEBHOOK_EXPIRY", Duration.ofDays(1)));
    }
}
