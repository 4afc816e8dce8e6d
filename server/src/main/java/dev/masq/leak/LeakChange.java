package dev.masq.leak;

/** An alias's leak after a change, and whether this change made it leaked (send the one notice then). */
public record LeakChange(AliasLeak leak, boolean becameLeaked) {
}
