package dev.masq.account;

import static dev.masq.db.schema.Tables.SESSIONS;

import dev.masq.db.schema.tables.records.SessionsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Browser sessions, found by the SHA-256 of their token. */
public final class SessionRepository {

    public void insert(DSLContext ctx, WebSession s, byte[] tokenHash) {
        ctx.insertInto(SESSIONS)
                .set(SESSIONS.ID, s.id())
                .set(SESSIONS.TOKEN_HASH, tokenHash)
                .set(SESSIONS.USER_ID, s.userId())
                .set(SESSIONS.STAGE, s.stage().wire())
                .set(SESSIONS.USER_AGENT, s.userAgent())
                .set(SESSIONS.CREATED_AT, s.createdAt().toEpochMilli())
                .set(SESSIONS.LAST_SEEN_AT, s.lastSeenAt().toEpochMilli())
                .execute();
    }

    public Optional<WebSession> findByToken(DSLContext ctx, byte[] tokenHash) {
        return ctx.selectFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(tokenHash)).fetchOptional(SessionRepository::toSession);
    }

    public List<WebSession> ofUser(DSLContext ctx, String userId) {
        return ctx.selectFrom(SESSIONS).where(SESSIONS.USER_ID.eq(userId).and(SESSIONS.STAGE.eq(WebSession.Stage.FULL.wire())))
                .orderBy(SESSIONS.LAST_SEEN_AT.desc()).fetch(SessionRepository::toSession);
    }

    public void touch(DSLContext ctx, String id, Instant at) {
        ctx.update(SESSIONS).set(SESSIONS.LAST_SEEN_AT, at.toEpochMilli()).where(SESSIONS.ID.eq(id)).execute();
    }

    public void setStage(DSLContext ctx, String id, WebSession.Stage stage) {
        ctx.update(SESSIONS).set(SESSIONS.STAGE, stage.wire()).where(SESSIONS.ID.eq(id)).execute();
    }

    public void setReauth(DSLContext ctx, String id, Instant at) {
        ctx.update(SESSIONS).set(SESSIONS.REAUTH_AT, at.toEpochMilli()).where(SESSIONS.ID.eq(id)).execute();
    }

    public void delete(DSLContext ctx, String id) {
        ctx.deleteFrom(SESSIONS).where(SESSIONS.ID.eq(id)).execute();
    }

    public boolean deleteOfUser(DSLContext ctx, String userId, String id) {
        return ctx.deleteFrom(SESSIONS).where(SESSIONS.ID.eq(id).and(SESSIONS.USER_ID.eq(userId))).execute() == 1;
    }

    public void deleteAllOfUser(DSLContext ctx, String userId) {
        ctx.deleteFrom(SESSIONS).where(SESSIONS.USER_ID.eq(userId)).execute();
    }

    private static WebSession toSession(SessionsRecord r) {
        return new WebSession(r.getId(), r.getUserId(), WebSession.Stage.fromWire(r.getStage()), r.getUserAgent(),
                Instant.ofEpochMilli(r.getCreatedAt()), Instant.ofEpochMilli(r.getLastSeenAt()),
                r.getReauthAt() == null ? null : Instant.ofEpochMilli(r.getReauthAt()));
    }
}
