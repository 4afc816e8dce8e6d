package dev.masq.webhook;

import static dev.masq.db.schema.Tables.WEBHOOKS;
import static dev.masq.db.schema.Tables.WEBHOOK_OUTBOX;

import dev.masq.crypto.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The webhook of each user and the outbox of calls not yet answered. Secrets and bodies are ciphertext. */
final class WebhookRepository {
    private final Secrets secrets;

    WebhookRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    void save(DSLContext ctx, String userId, String url, String secret, Instant at) {
        byte[] sealed = secrets.encryptText(secret);
        ctx.insertInto(WEBHOOKS).set(WEBHOOKS.USER_ID, userId).set(WEBHOOKS.URL, url)
                .set(WEBHOOKS.SECRET_ENC, sealed).set(WEBHOOKS.CREATED_AT, at.toEpochMilli())
                .onConflict(WEBHOOKS.USER_ID).doUpdate()
                .set(WEBHOOKS.URL, url).set(WEBHOOKS.SECRET_ENC, sealed).set(WEBHOOKS.CREATED_AT, at.toEpochMilli())
                .execute();
    }

    /** Removes the webhook and every call still waiting for it; false when there was none. */
    boolean delete(DSLContext ctx, String userId) {
        ctx.deleteFrom(WEBHOOK_OUTBOX).where(WEBHOOK_OUTBOX.USER_ID.eq(userId)).execute();
        return ctx.deleteFrom(WEBHOOKS).where(WEBHOOKS.USER_ID.eq(userId)).execute() == 1;
    }

    Optional<Webhook> find(DSLContext ctx, String userId) {
        return ctx.selectFrom(WEBHOOKS).where(WEBHOOKS.USER_ID.eq(userId))
                .fetchOptional(r -> new Webhook(r.getUrl(), secrets.decryptText(r.getSecretEnc()), Instant.ofEpochMilli(r.getCreatedAt())));
    }

    void enqueue(DSLContext ctx, WebhookCall call) {
        ctx.insertInto(WEBHOOK_OUTBOX).set(WEBHOOK_OUTBOX.ID, call.id()).set(WEBHOOK_OUTBOX.USER_ID, call.userId())
                .set(WEBHOOK_OUTBOX.EVENT, call.event()).set(WEBHOOK_OUTBOX.BODY_ENC, secrets.encrypt(call.body()))
                .set(WEBHOOK_OUTBOX.ATTEMPTS, 0).set(WEBHOOK_OUTBOX.NEXT_ATTEMPT_AT, call.createdAt().toEpochMilli())
                .set(WEBHOOK_OUTBOX.CREATED_AT, call.createdAt().toEpochMilli())
                .execute();
    }

    List<WebhookCall> due(DSLContext ctx, Instant now, int limit) {
        return ctx.selectFrom(WEBHOOK_OUTBOX).where(WEBHOOK_OUTBOX.NEXT_ATTEMPT_AT.le(now.toEpochMilli()))
                .orderBy(WEBHOOK_OUTBOX.NEXT_ATTEMPT_AT).limit(limit)
                .fetch(r -> new WebhookCall(r.getId(), r.getUserId(), r.getEvent(), secrets.decrypt(r.getBodyEnc()),
                        r.getAttempts(), Instant.ofEpochMilli(r.getCreatedAt())));
    }

    Optional<Instant> nextDue(DSLContext ctx) {
        Long next = ctx.select(DSL.min(WEBHOOK_OUTBOX.NEXT_ATTEMPT_AT)).from(WEBHOOK_OUTBOX).fetchOne().value1();
        return Optional.ofNullable(next).map(Instant::ofEpochMilli);
    }

    void remove(DSLContext ctx, String id) {
        ctx.deleteFrom(WEBHOOK_OUTBOX).where(WEBHOOK_OUTBOX.ID.eq(id)).execute();
    }

    void reschedule(DSLContext ctx, String id, int attempts, Instant next, String error) {
        ctx.update(WEBHOOK_OUTBOX).set(WEBHOOK_OUTBOX.ATTEMPTS, attempts)
                .set(WEBHOOK_OUTBOX.NEXT_ATTEMPT_AT, next.toEpochMilli()).set(WEBHOOK_OUTBOX.LAST_ERROR, error)
                .where(WEBHOOK_OUTBOX.ID.eq(id)).execute();
    }

    /** A user's webhook. */
    record Webhook(String url, String secret, Instant createdAt) {
    }

    /** One call waiting in the outbox; {@code body} is the exact JSON that is signed and sent. */
    record WebhookCall(String id, String userId, String event, byte[] body, int attempts, Instant createdAt) {
    }
}
