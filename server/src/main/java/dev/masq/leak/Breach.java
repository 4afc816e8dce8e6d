package dev.masq.leak;

import java.time.LocalDate;

/** A breach of a vendor the person recorded: from {@code date} on, mail imitating the vendor is quarantined. */
public record Breach(String id, String vendorKey, LocalDate date, String note, String source) {
}
