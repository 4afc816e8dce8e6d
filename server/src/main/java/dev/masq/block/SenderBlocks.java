package dev.masq.block;

import com.google.common.net.InternetDomainName;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Secrets;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.senderauth.Domains;
import dev.masq.mail.EmailAddress;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Senders a person refuses: an address or a whole domain, on one alias or on all of them, and the
 * vendor-only mode of an alias that refuses everyone but its vendor (and the domains allowed on it).
 * The SMTP edge asks {@link #isBlocked} at RCPT (envelope sender) and after DATA (header From), and
 * {@link #isVendorOnly} after DATA, where the message's verdict says whether it comes from the vendor.
 */
public final class SenderBlocks {
    private final Database db;
    private final BlockRepository blocks;
    private final Clock clock;

    public SenderBlocks(Database db, Secrets secrets, Clock clock) {
        this.db = db;
        this.blocks = new BlockRepository(secrets);
        this.clock = clock;
    }

    /**
     * Whether the person blocked {@code senderAddress} on this alias or account-wide: the address, its
     * domain or a parent domain. One indexed read inside the caller's transaction, no network. An empty
     * or unparsable sender (a bounce, {@code <>}) matches no block.
     */
    public boolean isBlocked(DSLContext ctx, String aliasId, String userId, String senderAddress) {
        Optional<EmailAddress> sender = EmailAddress.parse(senderAddress);
        if (sender.isEmpty()) {
            return false;
        }
        List<byte[]> hashes = new ArrayList<>();
        hashes.add(blocks.hash(sender.get().toString()));
        Optional<String> domain = Domains.normalize(sender.get().domain());
        for (String d = domain.orElse(null); d != null; d = parent(d)) {
            hashes.add(blocks.hash("@" + d));
        }
        return blocks.blocked(ctx, aliasId, userId, hashes);
    }

    /**
     * Whether the alias takes mail only from its vendor (and the domains allowed on it). Judged on the
     * message's verdict after DATA, not on the envelope: vendors send through mailing providers whose
     * envelope senders are not the vendor's domain.
     */
    public boolean isVendorOnly(DSLContext ctx, String aliasId) {
        return blocks.isVendorOnly(ctx, aliasId);
    }

    /** Blocks an address or a domain (exactly one) on the alias, or on every alias when {@code aliasId} is null. */
    public Block add(String userId, String aliasId, String address, String domain) {
        if ((address == null) == (domain == null)) {
            throw new InvalidInputException("address", "give either an address or a domain to block");
        }
        String a = address == null ? null : EmailAddress.parse(address)
                .orElseThrow(() -> new InvalidInputException("address", "not an email address: " + address)).toString();
        String d = domain == null ? null : Domains.normalize(domain.startsWith("@") ? domain.substring(1) : domain)
                .filter(n -> !InternetDomainName.from(n).isPublicSuffix())
                .orElseThrow(() -> new InvalidInputException("domain", "not a domain name: " + domain));
        Block block = new Block(Tokens.newId("bl"), aliasId, a, d, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return db.write(tx -> {
            requireAlias(tx, userId, aliasId);
            if (!blocks.insert(tx, userId, block)) {
                throw new ConflictException(a != null ? "address" : "domain", "that sender is blocked already");
            }
            return block;
        });
    }

    public List<Block> list(String userId, String aliasId) {
        return db.read(ctx -> {
            requireAlias(ctx, userId, aliasId);
            return blocks.list(ctx, userId, aliasId);
        });
    }

    public void remove(String userId, String aliasId, String blockId) {
        db.writeVoid(tx -> {
            requireAlias(tx, userId, aliasId);
            if (!blocks.delete(tx, userId, aliasId, blockId)) {
                throw new NotFoundException("no block with id " + blockId);
            }
        });
    }

    public void setVendorOnly(String userId, String aliasId, boolean on) {
        db.writeVoid(tx -> {
            if (!blocks.setVendorOnly(tx, userId, aliasId, on)) {
                throw new NotFoundException("no alias with id " + aliasId);
            }
        });
    }

    /** Which of the user's aliases among {@code aliasIds} are vendor-only, in one read. */
    public Set<String> vendorOnly(String userId, Collection<String> aliasIds) {
        return db.read(ctx -> blocks.vendorOnly(ctx, userId, aliasIds));
    }

    private void requireAlias(DSLContext ctx, String userId, String aliasId) {
        if (aliasId != null && !blocks.aliasOwned(ctx, userId, aliasId)) {
            throw new NotFoundException("no alias with id " + aliasId);
        }
    }

    /** {@code a.b.example.com} → {@code b.example.com}; null once the next step would be a public suffix. */
    private static String parent(String domain) {
        InternetDomainName name = InternetDomainName.from(domain);
        if (!name.hasParent() || name.parent().isPublicSuffix() || name.isPublicSuffix()) {
            return null;
        }
        return name.parent().toString();
    }
}
