package dev.masq.quarantine;

import dev.masq.leak.Verdict;
import dev.masq.leak.VerdictKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The actions chosen per suspicious verdict. A verdict without a choice gets the default: phishing is
 * quarantined, a spoof follows the forged domain's DMARC policy, lookalikes and spam are tagged.
 */
public record VerdictPolicy(Map<VerdictKind, VerdictAction> choices) {
    /** The verdicts a person chooses an action for. */
    public static final List<VerdictKind> KINDS = List.of(VerdictKind.SPOOF, VerdictKind.LOOKALIKE, VerdictKind.PHISHING,
            VerdictKind.SPAM);
    public static final VerdictPolicy DEFAULT = new VerdictPolicy(Map.of());

    public VerdictPolicy {
        choices = choices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(choices));
    }

    public VerdictAction choice(VerdictKind kind) {
        VerdictAction chosen = choices.get(kind);
        if (chosen != null) {
            return chosen;
        }
        return switch (kind) {
            case SPOOF -> VerdictAction.DMARC;
            case PHISHING -> VerdictAction.QUARANTINE;
            default -> VerdictAction.TAG;
        };
    }

    /** This policy with {@code override}'s choices on top (an alias's over its owner's). */
    public VerdictPolicy under(Map<VerdictKind, VerdictAction> override) {
        Map<VerdictKind, VerdictAction> merged = new EnumMap<>(VerdictKind.class);
        merged.putAll(choices);
        merged.putAll(override);
        return new VerdictPolicy(merged);
    }

    /**
     * What to do with a message: never DMARC. Mail imitating a vendor the person recorded as breached is
     * quarantined whatever was chosen: that is exactly when such mail is most dangerous.
     *
     * @param dmarcPolicy the DMARC policy the From domain publishes, null when none
     */
    public VerdictAction action(Verdict verdict, String dmarcPolicy) {
        if (verdict.breachedOn() != null) {
            return VerdictAction.QUARANTINE;
        }
        if (!KINDS.contains(verdict.kind())) {
            return VerdictAction.TAG;
        }
        VerdictAction chosen = choice(verdict.kind());
        if (chosen != VerdictAction.DMARC) {
            return chosen;
        }
        return "reject".equals(dmarcPolicy) || "quarantine".equals(dmarcPolicy) ? VerdictAction.QUARANTINE : VerdictAction.TAG;
    }
}
