package dev.masq.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one gateway to the database. It owns the connections, runs the migrations, and serialises
 * every write through a single writer thread that commits queued work together (group commit),
 * so concurrent SMTP sessions share one fsync. Reads run on a small pool of read-only connections
 * beside the writer (WAL lets them proceed while it commits).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 512;
    static final Settings JOOQ_SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false)
            .withDiagnosticsLogging(false);

    private final BlockingQueue<Handle> readers;
    private final Handle writerHandle;
    private final LinkedBlockingQueue<WriteTask<?>> writes = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private Database(String url, int readerCount) throws SQLException {
        this.writerHandle = Handle.of(open(url, false));
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(Handle.of(open(url, true)));
        }
        this.writer = Thread.ofPlatform().name("db-writer").daemon().start(this::writeLoop);
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Database openSqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(url, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection open(String url, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on disk before we answer 250, the promise every MTA makes.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // Savepoints (one per caller in a group commit) need statement journals: in memory, not temp files.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection c = config.createConnection(url);
        if (readOnly) {
            try (var st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
            }
        }
        return c;
    }

    /** Runs a query on a read connection. */
    public <T> T read(Function<DSLContext, T> work) {
        Handle h;
        try {
            h = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for a connection", e);
        }
        try {
            return work.apply(h.dsl());
        } finally {
            readers.add(h);
        }
    }

    /**
     * Runs {@code work} in a transaction on the writer and returns once it is durably committed.
     * If {@code work} throws, its changes are rolled back and the exception is rethrown here;
     * other work in the same group commit is unaffected.
     */
    public <T> T write(Function<DSLContext, T> work) {
        if (Thread.currentThread() == writer) {
            return work.apply(writerHandle.dsl());
        }
        try {
            return submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new DatabaseException("write failed", e.getCause());
        }
    }

    /**
     * Queues {@code work} for the next group commit without waiting for it, for bookkeeping whose loss
     * in a crash only repeats work (a delivered message's row, say); the future completes once committed.
     */
    public CompletableFuture<Void> writeLater(java.util.function.Consumer<DSLContext> work) {
        return submit(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Function<DSLContext, T> work) {
        if (closed) {
            throw new DatabaseException("database is closed", null);
        }
        WriteTask<T> task = new WriteTask<>(work, new CompletableFuture<>());
        writes.add(task);
        return task.done();
    }

    public void writeVoid(java.util.function.Consumer<DSLContext> work) {
        write(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private void writeLoop() {
        List<WriteTask<?>> batch = new ArrayList<>();
        while (!closed || !writes.isEmpty()) {
            try {
                WriteTask<?> first = writes.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                writes.drainTo(batch, MAX_BATCH - 1);
                commitBatch(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commitBatch(List<WriteTask<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        Connection writerConnection = writerHandle.connection();
        try {
            writerConnection.setAutoCommit(false);
            for (WriteTask<?> task : batch) {
                completions.add(task.runInSavepoint(writerConnection, writerHandle.dsl()));
            }
            writerConnection.commit();
            completions.forEach(Runnable::run);
        } catch (Throwable e) {
            log.error("group commit of {} writes failed", batch.size(), e);
            try {
                writerConnection.rollback();
            } catch (SQLException ignored) {
                // the connection reports the original failure below
            }
            for (WriteTask<?> task : batch) {
                task.done().completeExceptionally(new DatabaseException("commit failed: " + e.getMessage(), e));
            }
        }
    }

    /** A connection with the one jOOQ context (and the prepared hot statements) used on it. */
    private record Handle(Connection connection, DSLContext dsl) {
        static Handle of(Connection c) {
            DSLContext dsl = DSL.using(c, SQLDialect.SQLITE, JOOQ_SETTINGS);
            dsl.data(StatementCache.KEY, new StatementCache(c));
            return new Handle(c, dsl);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writerHandle.connection());
        readers.forEach(h -> closeQuietly(h.connection()));
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("closing connection: {}", e.getMessage());
        }
    }

    private record WriteTask<T>(Function<DSLContext, T> work, CompletableFuture<T> done) {
        /** Runs the work; returns what completes its future once the batch has committed. */
        Runnable runInSavepoint(Connection c, DSLContext ctx) throws SQLException {
            var savepoint = c.setSavepoint();
            try {
                T result = work.apply(ctx);
                c.releaseSavepoint(savepoint);
                return () -> done.complete(result);
            } catch (RuntimeException e) {
                c.rollback(savepoint);
                return () -> done.completeExceptionally(e);
            }
        }
    }
}
