package dev.masq.db;

import static dev.masq.db.schema.Tables.ALIAS_TOMBSTONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void concurrentWritesAreAllCommittedAndAFailingOneIsIsolated() throws Exception {
        try (Database db = Database.openSqlite(dir.resolve("t.db"));
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> writes = IntStream.range(0, 200).mapToObj(i -> pool.submit(() -> db.write(ctx ->
                    ctx.insertInto(ALIAS_TOMBSTONES)
                            .set(ALIAS_TOMBSTONES.ADDRESS_HMAC, new byte[] {(byte) i, 1})
                            .set(ALIAS_TOMBSTONES.DELETED_AT, (long) i)
                            .execute()))).toList();
            Future<?> failing = pool.submit(() -> db.write(ctx -> {
                ctx.insertInto(ALIAS_TOMBSTONES)
                        .set(ALIAS_TOMBSTONES.ADDRESS_HMAC, new byte[] {9, 9, 9})
                        .set(ALIAS_TOMBSTONES.DELETED_AT, 1L)
                        .execute();
                throw new IllegalStateException("boom");
            }));
            for (Future<Integer> w : writes) {
                assertThat(w.get()).isEqualTo(1);
            }
            assertThatThrownBy(failing::get).hasRootCauseMessage("boom");
            int rows = db.read(ctx -> ctx.fetchCount(ALIAS_TOMBSTONES));
            assertThat(rows).isEqualTo(200);
        }
        try (Database reopened = Database.openSqlite(dir.resolve("t.db"))) {
            int rows = reopened.read(ctx -> ctx.fetchCount(ALIAS_TOMBSTONES));
            assertThat(rows).isEqualTo(200);
        }
    }
}
