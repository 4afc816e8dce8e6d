package dev.masq.account;

import dev.masq.db.Database;

/** Server-wide switches an administrator sets in the web pages; each is off until turned on. */
public final class ServerSettings {
    private static final String PHISHING_RESISTANT = "require_phishing_resistant";
    private static final String OPEN_SIGN_UP = "open_sign_up";

    private final Database db;
    private final ServerSettingsRepository repository = new ServerSettingsRepository();

    public ServerSettings(Database db) {
        this.db = db;
    }

    /** When on, a password alone (or with TOTP or a recovery code) no longer signs anyone in: a passkey is needed. */
    public boolean requirePhishingResistant() {
        return flag(PHISHING_RESISTANT);
    }

    public void setRequirePhishingResistant(boolean on) {
        set(PHISHING_RESISTANT, on);
    }

    /** When on, anyone may create an account at {@code /signup}, once their inbox has received the link; else by invitation only. */
    public boolean openSignUp() {
        return flag(OPEN_SIGN_UP);
    }

    public void setOpenSignUp(boolean on) {
        set(OPEN_SIGN_UP, on);
    }

    private boolean flag(String name) {
        return db.read(ctx -> repository.flag(ctx, name));
    }

    private void set(String name, boolean on) {
        db.writeVoid(ctx -> repository.set(ctx, name, on));
    }
}
