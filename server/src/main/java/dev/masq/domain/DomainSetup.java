package dev.masq.domain;

import java.util.List;

/** A domain with the records to publish for it, each with what the last check found. */
public record DomainSetup(Domain domain, List<DnsRecord> records) {
}
