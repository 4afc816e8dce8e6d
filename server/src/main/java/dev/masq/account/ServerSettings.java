package dev.masq.account;

import static dev.masq.db.schema.Tables.SERVER_SETTINGS;

import dev.masq.db.Database;

/** Server-wide switches an administrator sets in the web pages. */
public final class ServerSettings {
    private static final String PHISHING_RESISTANT = "require_phishing_resistant";

    private final Database db;

    public ServerSettings(Database db) {
        this.db = db;
    }

    /** When on, a password alone (or with TOTP or a recovery code) no longer signs anyone in: a passkey is needed. */
    public boolean requirePhishingResistant() {
        return db.read(ctx -> ctx.select(SERVER_SETTINGS.VALUE).from(SERVER_SETTINGS)
                .where(SERVER_SETTINGS.NAME.eq(PHISHING_RESISTANT)).fetchOptional(r -> "true".equals(r.value1())))
                .orElse(false);
    }

    public void setRequirePhishingResistant(boolean on) {
        db.writeVoid(ctx -> ctx.insertInto(SERVER_SETTINGS)
                .set(SERVER_SETTINGS.NAME, PHISHING_RESISTANT).set(SERVER_SETTINGS.VALUE, Boolean.toString(on))
                .onConflict(SERVER_SETTINGS.NAME).doUpdate().set(SERVER_SETTINGS.VALUE, Boolean.toString(on))
                .execute());
    }
}
