package dev.masq.portability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One import as it runs: how far it is and, per address, why one was skipped or what changed on the way in. Polled
 * while it runs, so it is read through {@link #snapshot()}, a consistent copy.
 */
public final class ImportJob {
    public enum Status {
        RUNNING, DONE, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An address and what happened to it, in words for the person. */
    public record Note(String address, String reason) {
    }

    /** What a client reads; {@code skipped} were not imported, {@code warnings} were, with a change said here. */
    public record Snapshot(String id, String status, String format, int total, int done, int imported, List<Note> skipped,
                           List<Note> warnings, String error) {
    }

    private final String id;
    private final String userId;
    private final ImportFormat format;
    private final int total;
    private final List<Note> skipped = new ArrayList<>();
    private final List<Note> warnings = new ArrayList<>();
    private Status status = Status.RUNNING;
    private int done;
    private int imported;
    private String error;
    private Instant finishedAt;

    ImportJob(String id, String userId, ImportFormat format, int total) {
        this.id = id;
        this.userId = userId;
        this.format = format;
        this.total = total;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    synchronized void imported(List<Note> changes) {
        imported++;
        done++;
        warnings.addAll(changes);
    }

    synchronized void skipped(String address, String reason) {
        skipped.add(new Note(address, reason));
        done++;
    }

    synchronized void warn(String address, String reason) {
        warnings.add(new Note(address, reason));
    }

    synchronized void finished(Instant at) {
        status = Status.DONE;
        finishedAt = at;
    }

    synchronized void failed(String why, Instant at) {
        status = Status.FAILED;
        error = why;
        finishedAt = at;
    }

    synchronized boolean running() {
        return status == Status.RUNNING;
    }

    synchronized boolean finishedBefore(Instant cutoff) {
        return finishedAt != null && finishedAt.isBefore(cutoff);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, status.wire(), format.wire(), total, done, imported, List.copyOf(skipped),
                List.copyOf(warnings), error);
    }
}
