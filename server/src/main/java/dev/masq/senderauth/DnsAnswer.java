package dev.masq.senderauth;

import java.util.List;

/**
 * What one DNS query said. A temporary failure (timeout, SERVFAIL) is kept apart from "no such
 * record": only the second may count against a sender.
 */
public record DnsAnswer(Outcome outcome, List<String> values) {
    public enum Outcome { FOUND, NONE, TEMPORARY_FAILURE }

    static DnsAnswer found(List<String> values) {
        return values.isEmpty() ? none() : new DnsAnswer(Outcome.FOUND, List.copyOf(values));
    }

    static DnsAnswer none() {
        return new DnsAnswer(Outcome.NONE, List.of());
    }

    static DnsAnswer temporaryFailure() {
        return new DnsAnswer(Outcome.TEMPORARY_FAILURE, List.of());
    }

    public boolean isTemporaryFailure() {
        return outcome == Outcome.TEMPORARY_FAILURE;
    }
}
