package dev.masq.alias;

import static dev.masq.db.schema.Tables.ALIAS_EVENTS;

import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.HotStatement;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The event log of aliases. Senders are stored encrypted; only their domain is in clear, for reports. */
public final class AliasEventRepository {
    private static final HotStatement INSERT = new HotStatement(DSL.insertInto(ALIAS_EVENTS)
            .set(ALIAS_EVENTS.ID, DSL.param("id", String.class))
            .set(ALIAS_EVENTS.ALIAS_ID, DSL.param("alias", String.class))
            .set(ALIAS_EVENTS.KIND, DSL.param("kind", String.class))
            .set(ALIAS_EVENTS.SENDER_ENC, DSL.param("sender", byte[].class))
            .set(ALIAS_EVENTS.SENDER_DOMAIN, DSL.param("domain", String.class))
            .set(ALIAS_EVENTS.DETAIL, DSL.param("detail", String.class))
            .set(ALIAS_EVENTS.CREATED_AT, DSL.param("at", Long.class)));

    private final Secrets secrets;

    public AliasEventRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    public void record(DSLContext ctx, String aliasId, String kind, String sender, String detail, Instant at) {
        String domain = sender == null || sender.indexOf('@') < 0 ? null : sender.substring(sender.lastIndexOf('@') + 1);
        INSERT.execute(ctx, Tokens.newOrderedId("ev"), aliasId, kind,
                sender == null || sender.isEmpty() ? null : secrets.encryptText(sender), domain, detail, at.toEpochMilli());
    }

    public List<AliasEvent> recent(DSLContext ctx, String aliasId, int limit) {
        return ctx.selectFrom(ALIAS_EVENTS)
                .where(ALIAS_EVENTS.ALIAS_ID.eq(aliasId))
                .orderBy(ALIAS_EVENTS.CREATED_AT.desc(), ALIAS_EVENTS.ID.desc())
                .limit(limit)
                .fetch(r -> new AliasEvent(r.getId(), r.getAliasId(), r.getKind(),
                        r.getSenderEnc() == null ? null : secrets.decryptText(r.getSenderEnc()),
                        r.getSenderDomain(), r.getDetail(), Instant.ofEpochMilli(r.getCreatedAt())));
    }

    /** Deletes up to {@code limit} events older than {@code cutoff}; returns how many went. */
    public int deleteOlderThan(DSLContext ctx, Instant cutoff, int limit) {
        return ctx.deleteFrom(ALIAS_EVENTS).where(ALIAS_EVENTS.ID.in(DSL.select(ALIAS_EVENTS.ID).from(ALIAS_EVENTS)
                .where(ALIAS_EVENTS.CREATED_AT.lt(cutoff.toEpochMilli())).limit(limit))).execute();
    }
}
