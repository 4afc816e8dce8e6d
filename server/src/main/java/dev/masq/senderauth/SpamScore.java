package dev.masq.senderauth;

import java.util.List;

/** SpamAssassin's opinion of one message: its score, the score from which it is spam, and the rules that hit. */
public record SpamScore(double score, double threshold, List<String> rules) {
    public SpamScore {
        rules = List.copyOf(rules);
    }

    public boolean isSpam() {
        return score >= threshold;
    }
}
