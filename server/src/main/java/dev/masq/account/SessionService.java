package dev.masq.account;

import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Starts, resolves and ends browser sessions; expired ones are removed when next presented. */
public final class SessionService {
    /** A session unused for this long is over. */
    public static final Duration IDLE = Duration.ofHours(12);
    /** However busy, a session ends after this long and the person signs in again. */
    public static final Duration ABSOLUTE = Duration.ofDays(14);
    /** Time to present the second factor (or add the required passkey) after the password. */
    public static final Duration PARTIAL = Duration.ofMinutes(10);
    /** How long a fresh password entry lets a person change their password, email or second factors. */
    public static final Duration REAUTH = Duration.ofMinutes(10);
    // Recording every request would make each page view a write; a minute's precision is enough for an idle timeout.
    private static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);

    private final Database db;
    private final SessionRepository sessions;
    private final Clock clock;

    public SessionService(Database db, SessionRepository sessions, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A new session; the returned token goes into the cookie and is never stored. */
    public Started start(String userId, WebSession.Stage stage, String userAgent) {
        String token = Tokens.newSecret("ms");
        Instant now = now();
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length()));
        WebSession session = new WebSession(Tokens.newId("se"), userId, stage, agent, now, now, null);
        db.writeVoid(ctx -> sessions.insert(ctx, session, Tokens.sha256(token)));
        return new Started(token, session);
    }

    public Optional<WebSession> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<WebSession> found = db.read(ctx -> sessions.findByToken(ctx, Tokens.sha256(token)));
        if (found.isEmpty()) {
            return found;
        }
        WebSession s = found.get();
        Instant now = now();
        Duration lifetime = s.stage() == WebSession.Stage.FULL ? ABSOLUTE : PARTIAL;
        if (now.isAfter(s.createdAt().plus(lifetime)) || now.isAfter(s.lastSeenAt().plus(IDLE))) {
            db.writeVoid(ctx -> sessions.delete(ctx, s.id()));
            return Optional.empty();
        }
        if (Duration.between(s.lastSeenAt(), now).compareTo(TOUCH_PRECISION) > 0) {
            db.writeVoid(ctx -> sessions.touch(ctx, s.id(), now));
        }
        return found;
    }

    public void promote(String sessionId, WebSession.Stage stage) {
        db.writeVoid(ctx -> sessions.setStage(ctx, sessionId, stage));
    }

    public void reauthenticated(String sessionId) {
        db.writeVoid(ctx -> sessions.setReauth(ctx, sessionId, now()));
    }

    public boolean recentlyReauthenticated(WebSession s) {
        return s.reauthAt() != null && s.reauthAt().plus(REAUTH).isAfter(now());
    }

    public List<WebSession> list(String userId) {
        return db.read(ctx -> sessions.ofUser(ctx, userId));
    }

    public void end(String sessionId) {
        db.writeVoid(ctx -> sessions.delete(ctx, sessionId));
    }

    public void endOne(String userId, String sessionId) {
        if (!db.write(ctx -> sessions.deleteOfUser(ctx, userId, sessionId))) {
            throw new NotFoundException("no session " + sessionId);
        }
    }

    public void endAll(String userId) {
        db.writeVoid(ctx -> sessions.deleteAllOfUser(ctx, userId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public record Started(String token, WebSession session) {
    }
}
