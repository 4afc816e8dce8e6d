package dev.masq.block;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_VENDOR_DOMAINS;
import static dev.masq.db.schema.Tables.SENDER_BLOCKS;

import dev.masq.crypto.Secrets;
import dev.masq.db.HotStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Sender blocks and the vendor-only mode of aliases. Blocked addresses are ciphertext, found by keyed hash. */
final class BlockRepository {
    // Asked for every message with the hashes of the sender and its domains up to the registrable one;
    // unused places repeat the first hash. Longer chains of subdomains take the rendered query.
    private static final int HASH_SLOTS = 6;
    private static final HotStatement BLOCKED = new HotStatement(DSL.selectOne().from(SENDER_BLOCKS)
            .where(SENDER_BLOCKS.USER_ID.eq(DSL.param("user", String.class))
                    .and(SENDER_BLOCKS.SENDER_HMAC.in(IntStream.range(0, HASH_SLOTS)
                            .mapToObj(i -> DSL.param("h" + i, byte[].class)).toList()))
                    .and(SENDER_BLOCKS.ALIAS_ID.isNull().or(SENDER_BLOCKS.ALIAS_ID.eq(DSL.param("alias", String.class)))))
            .limit(DSL.inline(1)));
    private static final HotStatement VENDOR_ONLY = new HotStatement(DSL.selectOne().from(ALIASES)
            .where(ALIASES.ID.eq(DSL.param("alias", String.class)).and(ALIASES.VENDOR_ONLY.isTrue())
                    .and(DSL.exists(DSL.selectOne().from(ALIAS_VENDOR_DOMAINS)
                            .where(ALIAS_VENDOR_DOMAINS.ALIAS_ID.eq(ALIASES.ID))))));
    private final Secrets secrets;

    BlockRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The keyed hash a block is found by: of the address, or of {@code @domain} for a domain. */
    byte[] hash(String addressOrAtDomain) {
        return secrets.lookupHash(addressOrAtDomain);
    }

    /** Returns false when the same block exists already. */
    boolean insert(DSLContext ctx, String userId, Block b) {
        return ctx.insertInto(SENDER_BLOCKS)
                .set(SENDER_BLOCKS.ID, b.id()).set(SENDER_BLOCKS.USER_ID, userId).set(SENDER_BLOCKS.ALIAS_ID, b.aliasId())
                .set(SENDER_BLOCKS.SENDER_HMAC, hash(b.address() != null ? b.address() : "@" + b.domain()))
                .set(SENDER_BLOCKS.ADDRESS_ENC, b.address() == null ? null : secrets.encryptText(b.address()))
                .set(SENDER_BLOCKS.DOMAIN, b.domain()).set(SENDER_BLOCKS.CREATED_AT, b.createdAt().toEpochMilli())
                .onConflictDoNothing().execute() == 1;
    }

    /** The blocks of one alias, or (aliasId null) the account-wide ones, oldest first. */
    List<Block> list(DSLContext ctx, String userId, String aliasId) {
        return ctx.selectFrom(SENDER_BLOCKS).where(SENDER_BLOCKS.USER_ID.eq(userId).and(scope(aliasId)))
                .orderBy(SENDER_BLOCKS.CREATED_AT, SENDER_BLOCKS.ID)
                .fetch(r -> new Block(r.getId(), r.getAliasId(), r.getAddressEnc() == null ? null : secrets.decryptText(r.getAddressEnc()),
                        r.getDomain(), Instant.ofEpochMilli(r.getCreatedAt())));
    }

    boolean delete(DSLContext ctx, String userId, String aliasId, String blockId) {
        return ctx.deleteFrom(SENDER_BLOCKS)
                .where(SENDER_BLOCKS.ID.eq(blockId).and(SENDER_BLOCKS.USER_ID.eq(userId)).and(scope(aliasId))).execute() == 1;
    }

    boolean aliasOwned(DSLContext ctx, String userId, String aliasId) {
        return ctx.fetchExists(ALIASES, ALIASES.ID.eq(aliasId).and(ALIASES.USER_ID.eq(userId)));
    }

    boolean setVendorOnly(DSLContext ctx, String userId, String aliasId, boolean on) {
        return ctx.update(ALIASES).set(ALIASES.VENDOR_ONLY, on)
                .where(ALIASES.ID.eq(aliasId).and(ALIASES.USER_ID.eq(userId))).execute() == 1;
    }

    /** Which of the user's aliases among {@code aliasIds} are in vendor-only mode. */
    Set<String> vendorOnly(DSLContext ctx, String userId, Collection<String> aliasIds) {
        return Set.copyOf(ctx.select(ALIASES.ID).from(ALIASES)
                .where(ALIASES.USER_ID.eq(userId).and(ALIASES.ID.in(aliasIds)).and(ALIASES.VENDOR_ONLY.isTrue()))
                .fetch(r -> r.value1()));
    }

    /**
     * One statement for the SMTP hooks: a block on the alias or the account matches one of
     * {@code senderHashes}, or the alias is vendor-only, has a vendor domain, and {@code registrable}
     * is neither a vendor domain nor an allowed one. False for an unknown alias.
     */
    boolean blocked(DSLContext ctx, String aliasId, String userId, List<byte[]> senderHashes) {
        if (senderHashes.size() <= HASH_SLOTS) {
            Object[] values = new Object[HASH_SLOTS + 2];
            values[0] = userId;
            for (int i = 0; i < HASH_SLOTS; i++) {
                values[i + 1] = senderHashes.get(i < senderHashes.size() ? i : 0);
            }
            values[HASH_SLOTS + 1] = aliasId;
            return BLOCKED.exists(ctx, values);
        }
        return ctx.fetchExists(DSL.selectOne().from(SENDER_BLOCKS).where(SENDER_BLOCKS.USER_ID.eq(userId)
                .and(SENDER_BLOCKS.SENDER_HMAC.in(senderHashes))
                .and(SENDER_BLOCKS.ALIAS_ID.isNull().or(SENDER_BLOCKS.ALIAS_ID.eq(aliasId)))));
    }

    /** Vendor-only counts once the alias knows its vendor: before that, nobody could be "the vendor". */
    boolean isVendorOnly(DSLContext ctx, String aliasId) {
        return VENDOR_ONLY.exists(ctx, aliasId);
    }

    private static Condition scope(String aliasId) {
        return aliasId == null ? SENDER_BLOCKS.ALIAS_ID.isNull() : SENDER_BLOCKS.ALIAS_ID.eq(aliasId);
    }
}
