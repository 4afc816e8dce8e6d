package dev.masq.account;

import static dev.masq.db.schema.Tables.MAILBOXES;
import static dev.masq.db.schema.Tables.USERS;

import dev.masq.crypto.Secrets;
import dev.masq.db.HotStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Users and their real inboxes. Inbox addresses are stored encrypted and found by keyed hash. */
public final class AccountRepository {
    private static final HotStatement MAILBOXES_OF = new HotStatement(DSL.select(MAILBOXES.ID, MAILBOXES.USER_ID,
                    MAILBOXES.ADDRESS_ENC, MAILBOXES.VERIFIED, MAILBOXES.IS_DEFAULT)
            .from(MAILBOXES).where(MAILBOXES.USER_ID.eq(DSL.param("user", String.class)))
            .orderBy(MAILBOXES.IS_DEFAULT.desc(), MAILBOXES.CREATED_AT));

    private final Secrets secrets;

    public AccountRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    public void insertUser(DSLContext ctx, User user, String loginEmail) {
        ctx.insertInto(USERS)
                .set(USERS.ID, user.id())
                .set(USERS.LOGIN_HMAC, secrets.lookupHash(loginEmail))
                .set(USERS.IS_ADMIN, user.admin())
                .set(USERS.CREATED_AT, user.createdAt().toEpochMilli())
                .execute();
    }

    public void insertMailbox(DSLContext ctx, Mailbox mailbox, Instant now) {
        ctx.insertInto(MAILBOXES)
                .set(MAILBOXES.ID, mailbox.id())
                .set(MAILBOXES.USER_ID, mailbox.userId())
                .set(MAILBOXES.ADDRESS_ENC, secrets.encryptText(mailbox.address()))
                .set(MAILBOXES.ADDRESS_HMAC, secrets.lookupHash(mailbox.address()))
                .set(MAILBOXES.VERIFIED, mailbox.verified())
                .set(MAILBOXES.IS_DEFAULT, mailbox.isDefault())
                .set(MAILBOXES.CREATED_AT, now.toEpochMilli())
                .execute();
    }

    public Optional<User> findUserByLogin(DSLContext ctx, String email) {
        return ctx.selectFrom(USERS)
                .where(USERS.LOGIN_HMAC.eq(secrets.lookupHash(email)))
                .fetchOptional()
                .map(r -> new User(r.getId(), r.getIsAdmin(), Instant.ofEpochMilli(r.getCreatedAt())));
    }

    public List<Mailbox> mailboxesOf(DSLContext ctx, String userId) {
        return MAILBOXES_OF.fetch(ctx, r -> new Mailbox(r.getString(1), r.getString(2),
                secrets.decryptText(r.getBytes(3)), r.getBoolean(4), r.getBoolean(5)), userId);
    }

    /** The confirmed default inbox of the first admin: where postmaster@ and abuse@ of our domains go. */
    public Optional<String> operatorInbox(DSLContext ctx) {
        return ctx.select(MAILBOXES.ADDRESS_ENC).from(MAILBOXES).join(USERS).on(USERS.ID.eq(MAILBOXES.USER_ID))
                .where(USERS.IS_ADMIN.isTrue().and(MAILBOXES.IS_DEFAULT.isTrue()).and(MAILBOXES.VERIFIED.isTrue()))
                .orderBy(USERS.CREATED_AT, USERS.ID).limit(1)
                .fetchOptional(r -> secrets.decryptText(r.value1()));
    }

    /** Whether {@code address} is an inbox of the user that they proved they control. */
    public boolean isVerifiedMailbox(DSLContext ctx, String userId, String address) {
        return ctx.fetchExists(MAILBOXES, MAILBOXES.USER_ID.eq(userId)
                .and(MAILBOXES.ADDRESS_HMAC.eq(secrets.lookupHash(address)))
                .and(MAILBOXES.VERIFIED.isTrue()));
    }

    public Optional<Mailbox> defaultMailbox(DSLContext ctx, String userId) {
        return mailboxesOf(ctx, userId).stream().filter(Mailbox::isDefault).findFirst();
    }

    public Optional<Mailbox> mailbox(DSLContext ctx, String userId, String mailboxId) {
        return ctx.selectFrom(MAILBOXES).where(MAILBOXES.USER_ID.eq(userId).and(MAILBOXES.ID.eq(mailboxId))).fetchOptional(this::toMailbox);
    }

    public Optional<Mailbox> mailboxByAddress(DSLContext ctx, String userId, String address) {
        return ctx.selectFrom(MAILBOXES).where(MAILBOXES.USER_ID.eq(userId).and(MAILBOXES.ADDRESS_HMAC.eq(secrets.lookupHash(address))))
                .fetchOptional(this::toMailbox);
    }

    public void setVerified(DSLContext ctx, String mailboxId) {
        ctx.update(MAILBOXES).set(MAILBOXES.VERIFIED, true).where(MAILBOXES.ID.eq(mailboxId)).execute();
    }

    /** Makes {@code mailboxId} the user's only default inbox (the one the login email names). */
    public void setDefault(DSLContext ctx, String userId, String mailboxId) {
        ctx.update(MAILBOXES).set(MAILBOXES.IS_DEFAULT, org.jooq.impl.DSL.field(MAILBOXES.ID.eq(mailboxId))).where(MAILBOXES.USER_ID.eq(userId)).execute();
    }

    public void deleteMailbox(DSLContext ctx, String mailboxId) {
        ctx.deleteFrom(MAILBOXES).where(MAILBOXES.ID.eq(mailboxId)).execute();
    }

    /** Whether the leak-notice sender should mail this person; on unless they turned it off. */
    public boolean notifiesLeaks(DSLContext ctx, String userId) {
        return ctx.select(USERS.NOTIFY_LEAKS).from(USERS).where(USERS.ID.eq(userId)).fetchOptional(r -> r.value1()).orElse(false);
    }

    public Mailbox toMailbox(Record r) {
        return new Mailbox(
                r.get(MAILBOXES.ID),
                r.get(MAILBOXES.USER_ID),
                secrets.decryptText(r.get(MAILBOXES.ADDRESS_ENC)),
                r.get(MAILBOXES.VERIFIED),
                r.get(MAILBOXES.IS_DEFAULT));
    }
}
