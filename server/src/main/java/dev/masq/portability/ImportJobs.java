package dev.masq.portability;

import dev.masq.common.ConflictException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports running in the background, one at a time per person, polled by id until done. The file is read before the
 * job starts, so a file that is not an export is refused at once. Jobs live in memory (a finished one for an hour):
 * what they did is in the database, and an interrupted import is rerun safely, since aliases already there are skipped.
 */
public final class ImportJobs {
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    private final AccountImport importer;
    private final Clock clock;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    public ImportJobs(AccountImport importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    /** Reads the file and starts importing it for {@code userId}; {@code format} null tells it from the file. */
    public ImportJob.Snapshot start(String userId, ImportFormat format, byte[] file) {
        ImportFile parsed = ImportReader.read(format, file);
        jobs.values().removeIf(job -> job.finishedBefore(clock.instant().minus(KEEP)));
        ImportJob job = new ImportJob(Tokens.newId("im"), userId, parsed.format(), parsed.entries().size());
        synchronized (this) {
            if (jobs.values().stream().anyMatch(j -> j.userId().equals(userId) && j.running())) {
                throw new ConflictException("file", "an import is running already; wait for it to finish");
            }
            jobs.put(job.id(), job);
        }
        Thread.ofVirtual().name("import-" + job.id()).start(() -> run(userId, parsed, job));
        return job.snapshot();
    }

    /** The same import, in the caller's thread (the command line). */
    public ImportJob.Snapshot runNow(String userId, ImportFormat format, byte[] file) {
        ImportFile parsed = ImportReader.read(format, file);
        ImportJob job = new ImportJob(Tokens.newId("im"), userId, parsed.format(), parsed.entries().size());
        run(userId, parsed, job);
        return job.snapshot();
    }

    public ImportJob.Snapshot get(String userId, String id) {
        ImportJob job = jobs.get(id);
        if (job == null || !job.userId().equals(userId)) {
            throw new NotFoundException("no import " + id);
        }
        return job.snapshot();
    }

    private void run(String userId, ImportFile file, ImportJob job) {
        try {
            importer.run(userId, file, job);
            job.finished(clock.instant());
        } catch (RuntimeException e) {
            log.error("import {} failed", job.id(), e);
            job.failed("the import stopped on a server error; what was imported so far stays, and running it again skips it",
                    clock.instant());
        }
    }
}
