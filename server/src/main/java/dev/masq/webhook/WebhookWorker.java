package dev.masq.webhook;

import dev.masq.common.Doorbell;
import dev.masq.common.InvalidInputException;
import dev.masq.config.WebhookSettings;
import dev.masq.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the webhook outbox, one call at a time on a virtual thread: a 2xx answer removes the call,
 * anything else retries it with exponential backoff until it expires. At least once: a call in flight
 * when the process stops is sent again after the restart.
 */
public final class WebhookWorker {
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    // The safety net for calls no wake() announced.
    private static final Duration POLL = Duration.ofMinutes(1);

    private final Database db;
    private final WebhookRepository repository;
    private final UrlGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Doorbell doorbell;
    private volatile boolean running;
    private Thread thread;

    public WebhookWorker(Database db, WebhookService service, WebhookSettings settings, Clock clock) {
        this.db = db;
        this.repository = service.repository();
        this.guard = service.guard();
        this.settings = settings;
        this.clock = clock;
        this.doorbell = new Doorbell(clock, POLL);
    }

    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("webhooks").start(this::run);
    }

    public void wake() {
        doorbell.ring();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                List<WebhookRepository.WebhookCall> due = db.read(ctx -> repository.due(ctx, clock.instant(), 20));
                for (WebhookRepository.WebhookCall call : due) {
                    send(call);
                }
                if (due.isEmpty()) {
                    sleepUntil(db.read(repository::nextDue));
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("webhook worker failed; retrying", e);
                sleepUntil(Optional.of(clock.instant().plus(settings.retryMin())));
            }
        }
    }

    private void send(WebhookRepository.WebhookCall call) {
        Optional<WebhookRepository.Webhook> hook = db.read(ctx -> repository.find(ctx, call.userId()));
        String error = hook.isEmpty() ? null : attempt(call, hook.get());
        Instant now = clock.instant();
        int attempts = call.attempts() + 1;
        if (error == null || hook.isEmpty()) {
            db.writeVoid(tx -> repository.remove(tx, call.id()));
        } else if (now.isAfter(call.createdAt().plus(settings.expiry()))) {
            log.warn("webhook call {} ({}) given up after {} attempts: {}", call.id(), call.event(), attempts, error);
            db.writeVoid(tx -> repository.remove(tx, call.id()));
        } else {
            long factor = 1L << Math.min(attempts - 1, 20);
            Duration delay = settings.retryMin().multipliedBy(factor);
            Instant next = now.plus(delay.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : delay);
            db.writeVoid(tx -> repository.reschedule(tx, call.id(), attempts, next, error));
        }
    }

    /** Null on a 2xx answer, else what went wrong. */
    private String attempt(WebhookRepository.WebhookCall call, WebhookRepository.Webhook hook) {
        try {
            // Resolved and checked now, and the call goes to that very address.
            UrlGuard.Target target = guard.target(hook.url());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "masq-webhook");
            headers.put("X-Masq-Event", call.event());
            headers.put("X-Masq-Delivery", call.id());
            headers.put("X-Masq-Timestamp", Long.toString(clock.instant().getEpochSecond()));
            headers.put("X-Masq-Signature", "sha256=" + signature(hook.secret(), call.body()));
            int status = PinnedPost.send(target, headers, call.body(), TIMEOUT);
            return status / 100 == 2 ? null : "answered " + status;
        } catch (InvalidInputException e) {
            return e.getMessage();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Hex HMAC-SHA256 of the body, keyed with the secret as the person received it. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sleepUntil(Optional<Instant> next) {
        try {
            doorbell.waitUntil(next.orElse(null));
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
