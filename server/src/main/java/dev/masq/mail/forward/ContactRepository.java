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
 * The contacts of each alias, each with its reverse alias. The contact's address is stored encrypted and found
 * through its keyed hash; the reverse alias's local part is 100 random bits, so no one can guess the reverse
 * alias of a given sender.
 */
public final class ContactRepository {
    private static final String PREFIX = "reply+";
    private static final int RANDOM_CHARS = 20;
    private static final HotStatement FIND = new HotStatement(DSL.select(REVERSE_ALIASES.ID, REVERSE_ALIASES.ADDRESS,
                    REVERSE_ALIASES.BLOCKED, REVERSE_ALIASES.CREATED_AT).from(REVERSE_ALIASES)
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

    public ContactRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The contact at {@code contactAddress} on this alias, created with its reverse alias on first contact. */
    public Contact findOrCreate(DSLContext ctx, String aliasId, String contactAddress, String domain, Instant now) {
        Prepared prepared = prepare(ctx, aliasId, contactAddress, domain, now);
        if (prepared.isNew()) {
            insert(ctx, prepared);
        }
        return prepared.contact();
    }

    /**
     * The contact at {@code contactAddress} on this alias as a read before the write finds it: the stored one,
     * or a new one with its id, reverse alias and encrypted address made here, for {@link #insert} to store
     * inside the write.
     */
    public Prepared prepare(DSLContext ctx, String aliasId, String contactAddress, String domain, Instant now) {
        byte[] hmac = secrets.lookupHash(contactAddress);
        return find(ctx, aliasId, contactAddress, hmac).map(stored -> new Prepared(stored, null, hmac))
                .orElseGet(() -> new Prepared(new Contact(Tokens.newOrderedId("ra"), aliasId, contactAddress,
                        PREFIX + Tokens.randomBase32(RANDOM_CHARS) + "@" + domain, false, now),
                        secrets.encryptText(contactAddress), hmac));
    }

    /**
     * Inside the write: stores a new prepared contact. False, storing nothing, when another message created
     * this contact since it was prepared: one per (alias, address).
     */
    public boolean insert(DSLContext ctx, Prepared prepared) {
        Contact created = prepared.contact();
        if (find(ctx, created.aliasId(), created.address(), prepared.hmac()).isPresent()) {
            return false;
        }
        INSERT.execute(ctx, created.id(), created.aliasId(), created.reverseAlias(), prepared.addressEnc(),
                prepared.hmac(), created.createdAt().toEpochMilli());
        return true;
    }

    /** A contact read before the write; {@code addressEnc} is null for one already stored. */
    public record Prepared(Contact contact, byte[] addressEnc, byte[] hmac) {
        public boolean isNew() {
            return addressEnc != null;
        }
    }

    public boolean isBlocked(DSLContext ctx, String aliasId, String contactAddress) {
        return find(ctx, aliasId, contactAddress, secrets.lookupHash(contactAddress)).map(Contact::blocked).orElse(false);
    }

    /** Whether a local part has the shape of a reverse alias: RCPT spends no read on anything else. */
    public static boolean looksLikeReverseAlias(String localPart) {
        return localPart.startsWith(PREFIX) && localPart.length() == PREFIX.length() + RANDOM_CHARS;
    }

    /** The contact whose reverse alias is {@code reverseAlias}, its address decrypted. */
    public Optional<Contact> findByReverseAlias(DSLContext ctx, String reverseAlias) {
        return ctx.selectFrom(REVERSE_ALIASES).where(REVERSE_ALIASES.ADDRESS.eq(reverseAlias)).fetchOptional(this::contact);
    }

    /** Every contact of the alias, oldest first. */
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

    // The table keeps its first name; a row is a contact and its reverse alias.
    private Contact contact(ReverseAliasesRecord r) {
        return new Contact(r.getId(), r.getAliasId(), secrets.decryptText(r.getCorrespondentEnc()), r.getAddress(),
                r.getBlocked(), Instant.ofEpochMilli(r.getCreatedAt()));
    }

    private Optional<Contact> find(DSLContext ctx, String aliasId, String contactAddress, byte[] hmac) {
        return FIND.fetchOptional(ctx, r -> new Contact(r.getString(1), aliasId, contactAddress, r.getString(2),
                r.getBoolean(3), Instant.ofEpochMilli(r.getLong(4))), aliasId, hmac);
    }
}
