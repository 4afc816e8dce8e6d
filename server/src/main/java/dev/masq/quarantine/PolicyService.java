package dev.masq.quarantine;

import dev.masq.alias.AliasRepository;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.db.Database;
import dev.masq.leak.VerdictKind;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;

/** The person's verdict policy and digest setting, and per alias the choices that override it. */
public final class PolicyService {
    private final Database db;
    private final PolicyRepository policies;
    private final AliasRepository aliases;

    public PolicyService(Database db, PolicyRepository policies, AliasRepository aliases) {
        this.db = db;
        this.policies = policies;
        this.aliases = aliases;
    }

    /** The person's policy (defaults filled in) and whether they get the daily digest of quarantined mail. */
    public record Settings(VerdictPolicy policy, boolean digest) {
    }

    public Settings settings(String userId) {
        PolicyRepository.UserPolicy p = db.read(ctx -> policies.user(ctx, userId));
        return new Settings(new VerdictPolicy(p.choices()), p.digest());
    }

    /**
     * Replaces the person's choices: {@code choices} maps verdicts (spoof, lookalike, phishing, spam) to actions;
     * a verdict left out gets its default. {@code digest} null keeps the digest setting as it was.
     */
    public Settings save(String userId, Map<String, String> choices, Boolean digest) {
        Map<VerdictKind, VerdictAction> parsed = parse(choices);
        return db.write(ctx -> {
            boolean keep = digest == null ? policies.user(ctx, userId).digest() : digest;
            policies.saveUser(ctx, userId, parsed, keep);
            return new Settings(new VerdictPolicy(parsed), keep);
        });
    }

    /** The alias's own choices; a verdict absent follows the owner's policy. */
    public Map<VerdictKind, VerdictAction> aliasChoices(String userId, String aliasId) {
        return db.read(ctx -> {
            requireOwned(ctx, userId, aliasId);
            return policies.alias(ctx, aliasId);
        });
    }

    public Map<VerdictKind, VerdictAction> saveAlias(String userId, String aliasId, Map<String, String> choices) {
        Map<VerdictKind, VerdictAction> parsed = parse(choices);
        db.writeVoid(ctx -> {
            requireOwned(ctx, userId, aliasId);
            policies.saveAlias(ctx, aliasId, parsed);
        });
        return parsed;
    }

    /** Inside the pipeline's read: the policy that applies to mail for this alias. */
    public VerdictPolicy effective(DSLContext ctx, String userId, String aliasId) {
        return new VerdictPolicy(policies.user(ctx, userId).choices()).under(policies.alias(ctx, aliasId));
    }

    private static Map<VerdictKind, VerdictAction> parse(Map<String, String> choices) {
        Map<VerdictKind, VerdictAction> out = new EnumMap<>(VerdictKind.class);
        choices.forEach((field, value) -> {
            VerdictKind kind = VerdictPolicy.KINDS.stream().filter(k -> k.wire().equals(field)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(field, "no policy for " + field
                            + ": the verdicts with a policy are spoof, lookalike, phishing and spam"));
            if (value == null) {
                return;
            }
            VerdictAction action = VerdictAction.parse(field, value);
            if (action == VerdictAction.DMARC && kind != VerdictKind.SPOOF) {
                throw new InvalidInputException(field, "dmarc is a choice for spoof only");
            }
            out.put(kind, action);
        });
        return out;
    }

    private void requireOwned(DSLContext ctx, String userId, String aliasId) {
        if (aliases.find(ctx, userId, aliasId).isEmpty()) {
            throw new NotFoundException("no alias with id " + aliasId);
        }
    }
}
