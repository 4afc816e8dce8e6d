package dev.masq.leak;

import java.time.Instant;
import java.util.List;

/**
 * Who still writes to a burned alias: the mail refused at RCPT since it was burned.
 *
 * @param domains envelope sender domains, most attempts first; at most {@link AfterBurnTally#MAX_DOMAINS}
 * @param total   every refused attempt, those from domains past the cap included
 */
public record AfterBurn(List<Sender> domains, long total) {
    public static final AfterBurn NONE = new AfterBurn(List.of(), 0);

    public AfterBurn {
        domains = List.copyOf(domains);
    }

    /** @param domain the registrable domain of the envelope sender, or {@code <>} for the null sender */
    public record Sender(String domain, long count, Instant lastAt) {
    }
}
