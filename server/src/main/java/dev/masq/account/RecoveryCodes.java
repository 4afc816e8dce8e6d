package dev.masq.account;

import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ten one-time codes for when the phone is lost; shown once, stored as keyed hashes. */
public final class RecoveryCodes {
    private static final int COUNT = 10;

    private final Database db;
    private final CredentialRepository credentials;

    public RecoveryCodes(Database db, CredentialRepository credentials) {
        this.db = db;
        this.credentials = credentials;
    }

    /** Replaces any earlier codes with ten new ones (60 random bits each), returned for showing once. */
    public List<String> regenerate(String userId) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            String raw = Tokens.randomBase32(12);
            codes.add(raw.substring(0, 6) + "-" + raw.substring(6));
        }
        db.writeVoid(ctx -> credentials.replaceRecoveryCodes(ctx, userId, codes.stream().map(RecoveryCodes::normalise).toList()));
        return codes;
    }

    public int left(String userId) {
        return db.read(ctx -> credentials.recoveryCodesLeft(ctx, userId));
    }

    /** People type codes with or without the dash, in either case. */
    static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
