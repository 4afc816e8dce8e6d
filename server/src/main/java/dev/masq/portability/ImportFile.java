package dev.masq.portability;

import java.util.List;

/** A parsed import file: its aliases, and (masq's own export only) the senders blocked on every alias. */
record ImportFile(ImportFormat format, List<ImportEntry> entries, List<ImportEntry.SenderBlock> accountBlocks) {
}
