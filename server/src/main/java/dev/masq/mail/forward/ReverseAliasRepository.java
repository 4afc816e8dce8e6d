package dev.masq.mail.forward;

import static dev.masq.db.schema.Tables.REVERSE_ALIASES;

import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.HotStatement;
import dev.masq.db.schema.tables.records.ReverseAliasesRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reverse aliases. The correspondent's address is stored encrypted and found through its keyed hash;
 * the local part is 100 random bits, so no one can guess the reverse alias of a given sender.
 */
public final class ReverseAliasRepository {
    private static final String PREFIX = "reply+";
    private static final int RANDOM_CHARS = 20;
    private static final HotStatement FIND = new HotStatement(DSL.select(REVERSE_ALIASES.ID, REVERSE_ALIASES.ADDRESS,
                    REVERSE_ALIASES.BLOCKED).from(REVERSE_ALIASES)
            .where(REVERSE_ALIASES.ALIAS_ID.eq(DSL.param("alias", String.class))
                    .and(REVERSE_ALIASES.CORRESPONDENT_HMAC.eq(DSL.param("hmac", byte[].class)))));
    private static final HotStatement INSERT = new HotStatement(DSL.insertInto(REVERSE_ALIASES)
            .set(REVERSE_ALIASES.ID, DSL.param("id", String.class))
            .set(REVERSE_ALIASES.ALIAS_ID, DSL.param("alias", String.class))
            .set(REVERSE_ALIASES.ADDRESS, DSL.param("address", String.class))
            .set(REVERSE_ALIASES.CORRESPONDENT_ENC, DSL.param("enc", byte[].class))
            .set(REVERSE_ALIASES.CORRESPONDENT_HMAC, DSL.param("hmac", byte[].class))
            .set(REVERSE_ALIASES.CREATED_AT, DSL.param("at", Long.class)));

    private final Secrets secrets;

    public ReverseAliasRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The reverse alias of {@code correspondent} on this alias, created on first contact. */
    public ReverseAlias findOrCreate(DSLContext ctx, String aliasId, String correspondent, String domain, Instant now) {
        Prepared prepared = prepare(ctx, aliasId, correspondent, domain);
        if (prepared.isNew()) {
            insert(ctx, prepared, now);
        }
        return prepared.alias();
    }

    /**
     * The reverse alias of {@code correspondent} on this alias as a read before the write finds it: the
     * stored one, or a new one with its id, address and encrypted correspondent made here, for
     * {@link #insert} to store inside the write.
     */
    public Prepared prepare(DSLContext ctx, String aliasId, String correspondent, String domain) {
        byte[] hmac = secrets.lookupHash(correspondent);
        return find(ctx, aliasId, hmac).map(stored -> new Prepared(stored, null, hmac)).orElseGet(() -> new Prepared(
                new ReverseAlias(Tokens.newOrderedId("ra"), aliasId, PREFIX + Tokens.randomBase32(RANDOM_CHARS) + "@" + domain,
                        false), secrets.encryptText(correspondent), hmac));
    }

    /**
     * Inside the write: stores a new prepared reverse alias. False, storing nothing, when another message
     * created this correspondent's reverse alias since it was prepared: one per (alias, correspondent).
     */
    public boolean insert(DSLContext ctx, Prepared prepared, Instant now) {
        ReverseAlias created = prepared.alias();
        if (find(ctx, created.aliasId(), prepared.hmac()).isPresent()) {
            return false;
        }
        INSERT.execute(ctx, created.id(), created.aliasId(), created.address(), prepared.correspondentEnc(),
                prepared.hmac(), now.toEpochMilli());
        return true;
    }

    /** A reverse alias read before the write; {@code correspondentEnc} is null for one already stored. */
    public record Prepared(ReverseAlias alias, byte[] correspondentEnc, byte[] hmac) {
        public boolean isNew() {
            return correspondentEnc != null;
        }
    }

    public boolean isBlocked(DSLContext ctx, String aliasId, String correspondent) {
        return find(ctx, aliasId, secrets.lookupHash(correspondent)).map(ReverseAlias::blocked).orElse(false);
    }

    /** Whether a local part has the shape of a reverse alias: RCPT spends no read on anything else. */
    public static boolean looksLikeReverseAlias(String localPart) {
        return localPart.startsWith(PREFIX) && localPart.length() == PREFIX.length() + RANDOM_CHARS;
    }

    /** The reverse alias at {@code address}, with its correspondent decrypted. */
    public Optional<Contact> findByAddress(DSLContext ctx, String address) {
        return ctx.selectFrom(REVERSE_ALIASES).where(REVERSE_ALIASES.ADDRESS.eq(address)).fetchOptional(this::contact);
    }

    /** Every correspondent of the alias, oldest first. */
    public List<Contact> list(DSLContext ctx, String aliasId) {
        return ctx.selectFrom(REVERSE_ALIASES).where(REVERSE_ALIASES.ALIAS_ID.eq(aliasId))
                .orderBy(REVERSE_ALIASES.CREATED_AT, REVERSE_ALIASES.ID).fetch(this::contact);
    }

    public Optional<Contact> find(DSLContext ctx, String aliasId, String id) {
        return ctx.selectFrom(REVERSE_ALIASES).where(REVERSE_ALIASES.ID.eq(id).and(REVERSE_ALIASES.ALIAS_ID.eq(aliasId)))
                .fetchOptional(this::contact);
    }

    public void setBlocked(DSLContext ctx, String id, boolean blocked) {
        ctx.update(REVERSE_ALIASES).set(REVERSE_ALIASES.BLOCKED, blocked).where(REVERSE_ALIASES.ID.eq(id)).execute();
    }

    private Contact contact(ReverseAliasesRecord r) {
        return new Contact(r.getId(), r.getAliasId(), secrets.decryptText(r.getCorrespondentEnc()), r.getAddress(),
                r.getBlocked(), Instant.ofEpochMilli(r.getCreatedAt()));
    }

    private Optional<ReverseAlias> find(DSLContext ctx, String aliasId, byte[] hmac) {
        return FIND.fetchOptional(ctx, r -> new ReverseAlias(r.getString(1), aliasId, r.getString(2), r.getBoolean(3)),
                aliasId, hmac);
    }
}
