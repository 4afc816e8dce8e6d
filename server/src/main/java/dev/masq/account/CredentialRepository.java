package dev.masq.account;

import static dev.masq.db.schema.Tables.RECOVERY_CODES;
import static dev.masq.db.schema.Tables.USERS;

import dev.masq.crypto.Secrets;
import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;

/** What proves who a user is (password hash, TOTP key, recovery codes) and their per-user settings. */
public final class CredentialRepository {
    private final Secrets secrets;

    public CredentialRepository(Secrets secrets) {
        this.secrets = secrets;
    }

    public int countUsers(DSLContext ctx) {
        return ctx.fetchCount(USERS);
    }

    public Optional<Credentials> user(DSLContext ctx, String userId) {
        return ctx.selectFrom(USERS).where(USERS.ID.eq(userId)).fetchOptional(u -> new Credentials(u.getId(), u.getPasswordHash(),
                u.getTotpSecretEnc() != null, u.getIsAdmin(), u.getDefaultDomain(), u.getDefaultMode(), u.getNotifyLeaks()));
    }

    public void setPassword(DSLContext ctx, String userId, String phc) {
        ctx.update(USERS).set(USERS.PASSWORD_HASH, phc).where(USERS.ID.eq(userId)).execute();
    }

    public void setLogin(DSLContext ctx, String userId, String email) {
        ctx.update(USERS).set(USERS.LOGIN_HMAC, secrets.lookupHash(email)).where(USERS.ID.eq(userId)).execute();
    }

    public Optional<byte[]> totpSecret(DSLContext ctx, String userId) {
        return ctx.select(USERS.TOTP_SECRET_ENC).from(USERS).where(USERS.ID.eq(userId)).fetchOptional(r -> r.value1())
                .map(secrets::decrypt);
    }

    public void setTotp(DSLContext ctx, String userId, byte[] secret, Long lastStep) {
        ctx.update(USERS)
                .set(USERS.TOTP_SECRET_ENC, secret == null ? null : secrets.encrypt(secret))
                .set(USERS.TOTP_LAST_STEP, lastStep)
                .where(USERS.ID.eq(userId))
                .execute();
    }

    /** Records {@code step} as used, unless it (or a later one) already was: the compare-and-set that makes each code single-use. */
    public boolean useTotpStep(DSLContext ctx, String userId, long step) {
        return ctx.update(USERS).set(USERS.TOTP_LAST_STEP, step)
                .where(USERS.ID.eq(userId).and(USERS.TOTP_LAST_STEP.isNull().or(USERS.TOTP_LAST_STEP.lt(step))))
                .execute() == 1;
    }

    public void setDefaults(DSLContext ctx, String userId, String domain, String mode) {
        ctx.update(USERS).set(USERS.DEFAULT_DOMAIN, domain).set(USERS.DEFAULT_MODE, mode).where(USERS.ID.eq(userId)).execute();
    }

    public void setNotifyLeaks(DSLContext ctx, String userId, boolean on) {
        ctx.update(USERS).set(USERS.NOTIFY_LEAKS, on).where(USERS.ID.eq(userId)).execute();
    }


    public void replaceRecoveryCodes(DSLContext ctx, String userId, Collection<String> codes) {
        ctx.deleteFrom(RECOVERY_CODES).where(RECOVERY_CODES.USER_ID.eq(userId)).execute();
        for (String code : codes) {
            ctx.insertInto(RECOVERY_CODES).set(RECOVERY_CODES.USER_ID, userId)
                    .set(RECOVERY_CODES.CODE_HMAC, secrets.lookupHash(code)).execute();
        }
    }

    public int recoveryCodesLeft(DSLContext ctx, String userId) {
        return ctx.fetchCount(RECOVERY_CODES, RECOVERY_CODES.USER_ID.eq(userId));
    }

    /** Deletes the code if the user has it: true exactly once per code. */
    public boolean useRecoveryCode(DSLContext ctx, String userId, String code) {
        return ctx.deleteFrom(RECOVERY_CODES)
                .where(RECOVERY_CODES.USER_ID.eq(userId).and(RECOVERY_CODES.CODE_HMAC.eq(secrets.lookupHash(code))))
                .execute() == 1;
    }

    public void deleteUser(DSLContext ctx, String userId) {
        ctx.deleteFrom(USERS).where(USERS.ID.eq(userId)).execute();
    }
}
