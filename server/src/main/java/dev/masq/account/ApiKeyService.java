package dev.masq.account;

import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues API keys (shown once, stored as SHA-256) and resolves a presented key to its owner. */
public final class ApiKeyService {
    // Recording every use would turn each API read into a write; a minute's precision is enough.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final Database db;
    private final ApiKeyRepository keys;
    private final AccountRepository accounts;
    private final Clock clock;

    public ApiKeyService(Database db, ApiKeyRepository keys, AccountRepository accounts, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A key with every scope for the user EMAIL (the operator's command line). */
    public IssuedKey create(String email, String name) {
        checkName(name);
        User user = db.read(ctx -> accounts.findUserByLogin(ctx, email)).orElseThrow(() -> new NotFoundException("no user " + email));
        return create(user.id(), name, EnumSet.allOf(ApiScope.class));
    }

    public IssuedKey create(String userId, String name, Set<ApiScope> scopes) {
        checkName(name);
        if (scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "give the key at least one scope");
        }
        String secret = Tokens.newAlphanumericSecret("mq");
        String id = Tokens.newId("ak");
        db.writeVoid(ctx -> keys.insert(ctx, id, userId, name.strip(), scopes, Tokens.sha256(secret), clock.instant()));
        return new IssuedKey(id, secret);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "a key needs a name of 1 to 100 characters");
        }
    }

    public List<ApiKeyRepository.ApiKeyInfo> list(String userId) {
        return db.read(ctx -> keys.ofUser(ctx, userId));
    }

    /** The owner and scopes of a live key. */
    public Optional<ApiKeyRepository.ApiKeyOwner> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = Tokens.sha256(secret.strip());
        Optional<ApiKeyRepository.ApiKeyOwner> owner = db.read(ctx -> keys.findLive(ctx, hash));
        owner.ifPresent(this::recordUse);
        return owner;
    }

    public void revoke(String userId, String keyId) {
        if (!db.write(ctx -> keys.revoke(ctx, userId, keyId, clock.instant()))) {
            throw new NotFoundException("no live API key " + keyId);
        }
    }

    private void recordUse(ApiKeyRepository.ApiKeyOwner owner) {
        Instant now = clock.instant();
        if (owner.lastUsedAt() == null || now.toEpochMilli() - owner.lastUsedAt() > LAST_USED_PRECISION.toMillis()) {
            db.writeVoid(ctx -> keys.touch(ctx, owner.keyId(), now));
        }
    }

    public record IssuedKey(String id, String secret) {
    }
}
