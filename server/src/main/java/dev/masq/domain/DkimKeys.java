package dev.masq.domain;

import dev.masq.crypto.Secrets;
import dev.masq.db.Database;
import dev.masq.mail.DomainKeys;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of claimed domains, opened from their sealed form on first use. A key never changes for its
 * domain row (a domain deleted and added again is a new row, with a new key), so the opened keys are kept by row.
 */
public final class DkimKeys implements DomainKeys {
    private static final int MAX_OPEN = 10_000;

    private final Database db;
    private final DomainRepository domains;
    private final Secrets secrets;
    private final Map<String, PrivateKey> open = new ConcurrentHashMap<>();

    public DkimKeys(Database db, DomainRepository domains, Secrets secrets) {
        this.db = db;
        this.domains = domains;
        this.secrets = secrets;
    }

    @Override
    public Optional<Key> find(String domain) {
        return db.read(ctx -> domains.signingKey(ctx, domain)).map(sealed -> {
            if (open.size() >= MAX_OPEN) {
                open.clear();
            }
            PrivateKey key = open.computeIfAbsent(sealed.domainId(),
                    id -> DkimKeyPair.privateKey(secrets.decrypt(sealed.sealed())));
            return new Key(sealed.selector(), key);
        });
    }
}
