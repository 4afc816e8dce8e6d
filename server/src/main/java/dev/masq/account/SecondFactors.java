package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/** Turning the authenticator-app factor on and off. Recovery codes come with it, since a lost phone must not lock anyone out. */
public final class SecondFactors {
    private final Database db;
    private final CredentialRepository credentials;
    private final RecoveryCodes recoveryCodes;
    private final Secrets secrets;
    private final Clock clock;

    public SecondFactors(Database db, CredentialRepository credentials, RecoveryCodes recoveryCodes, Secrets secrets, Clock clock) {
        this.db = db;
        this.credentials = credentials;
        this.recoveryCodes = recoveryCodes;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A new TOTP key offered for set-up: the key itself and the same key sealed for the form to carry back. */
    public PendingTotp offerTotp(String accountName) {
        byte[] key = Tokens.randomBytes(20);
        String base32 = Totp.base32(key);
        String uri = "otpauth://totp/masq:" + URLEncoder.encode(accountName, StandardCharsets.UTF_8).replace("+", "%20")
                + "?secret=" + base32 + "&issuer=masq&algorithm=SHA1&digits=6&period=30";
        return new PendingTotp(base32, uri, Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.encrypt(key)));
    }

    /** Switches TOTP on once a code from the offered key checks out; returns fresh recovery codes to show once. */
    public List<String> enableTotp(String userId, String sealedKey, String code) {
        byte[] key;
        try {
            key = secrets.decrypt(Base64.getUrlDecoder().decode(sealedKey));
        } catch (RuntimeException e) {
            throw new InvalidInputException("key", "the set-up form was altered; start again");
        }
        OptionalLong step = Totp.match(key, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "that code does not match; check the time on your phone and try the next one");
        }
        db.writeVoid(ctx -> credentials.setTotp(ctx, userId, key, step.getAsLong()));
        return recoveryCodes.regenerate(userId);
    }

    public void disableTotp(String userId) {
        db.writeVoid(ctx -> credentials.setTotp(ctx, userId, null, null));
    }

    public record PendingTotp(String base32, String uri, String sealed) {
    }
}
