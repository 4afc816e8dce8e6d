package dev.masq.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A person's webhook: one URL that masq POSTs JSON events to (an alias became leaked, an alias was
 * burned), each signed with a secret only the person and masq know. Calls go through a durable outbox.
 */
public final class WebhookService {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Database db;
    private final WebhookRepository webhooks;
    private final UrlGuard guard;
    private final Clock clock;

    /** {@code dns}: the resolver webhook hosts are looked up with ({@code MASQ_DNS}), else the system's. */
    public WebhookService(Database db, Secrets secrets, boolean allowPrivate, Optional<InetSocketAddress> dns, Clock clock) {
        this.db = db;
        this.webhooks = new WebhookRepository(secrets);
        this.guard = new UrlGuard(allowPrivate, new HostResolver(dns));
        this.clock = clock;
    }

    WebhookRepository repository() {
        return webhooks;
    }

    UrlGuard guard() {
        return guard;
    }

    /** Sets (or replaces) the webhook with a new secret, which is returned here and never again. */
    public Registration register(String userId, String url) {
        String checked = guard.check(url).toString();
        String secret = Tokens.newSecret("whsec");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.writeVoid(tx -> webhooks.save(tx, userId, checked, secret, now));
        return new Registration(checked, secret, now);
    }

    public Optional<Registration> get(String userId) {
        return db.read(ctx -> webhooks.find(ctx, userId)).map(w -> new Registration(w.url(), null, w.createdAt()));
    }

    public void remove(String userId) {
        if (!db.write(tx -> webhooks.delete(tx, userId))) {
            throw new NotFoundException("no webhook is set");
        }
    }

    /**
     * Queues an event for the user's webhook inside the caller's transaction; nothing when none is set.
     * Whoever commits it wakes the senders ({@code Wakeup}).
     */
    public void enqueue(DSLContext tx, String userId, String event, Object data, Instant at) {
        if (webhooks.find(tx, userId).isEmpty()) {
            return;
        }
        String id = Tokens.newId("wh");
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new Envelope(id, event, at.truncatedTo(ChronoUnit.MILLIS), data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write webhook event " + event, e);
        }
        // Retries and expiry count from now: 'at' is when it happened, which may be the arrival of an older message.
        webhooks.enqueue(tx, new WebhookRepository.WebhookCall(id, userId, event, body, 0, clock.instant()));
    }

    /** @param secret only in the answer to {@link #register}; null otherwise */
    public record Registration(String url, String secret, Instant createdAt) {
    }

    record Envelope(String id, String event, Instant createdAt, Object data) {
    }
}
