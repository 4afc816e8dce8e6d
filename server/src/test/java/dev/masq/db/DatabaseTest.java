package dev.masq.db;

import static dev.masq.db.schema.Tables.ALIAS_TOMBSTONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jooq.impl.DSL;
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

    static final HotStatement INSERT_TOMBSTONE = new HotStatement(DSL.insertInto(ALIAS_TOMBSTONES)
            .set(ALIAS_TOMBSTONES.ADDRESS_HMAC, DSL.param("hmac", byte[].class))
            .set(ALIAS_TOMBSTONES.DELETED_AT, DSL.param("at", Long.class)));
    static final HotStatement TOMBSTONE_AT = new HotStatement(DSL.select(ALIAS_TOMBSTONES.DELETED_AT)
            .from(ALIAS_TOMBSTONES).where(ALIAS_TOMBSTONES.ADDRESS_HMAC.eq(DSL.param("hmac", byte[].class))));

    @Test
    void aHotStatementRunsAgainAndAgainWithNewValuesInsideAndOutsideTransactions() {
        try (Database db = Database.openSqlite(dir.resolve("t.db"))) {
            for (int i = 0; i < 50; i++) {
                byte[] hmac = {(byte) i};
                long at = i * 10L;
                int inserted = db.write(ctx -> INSERT_TOMBSTONE.execute(ctx, hmac, at));
                assertThat(inserted).isEqualTo(1);
            }
            Optional<Long> found = db.read(ctx -> TOMBSTONE_AT.fetchOptional(ctx, r -> r.getLong(1), new byte[] {7}));
            boolean missing = db.read(ctx -> TOMBSTONE_AT.exists(ctx, (Object) new byte[] {99}));
            assertThat(found).contains(70L);
            assertThat(missing).isFalse();
            // A failing run leaves the kept statement usable, and the failure names the statement.
            assertThatThrownBy(() -> db.write(ctx -> INSERT_TOMBSTONE.execute(ctx, new byte[] {7}, 1L)))
                    .hasMessageContaining("insert into").hasMessageContaining("UNIQUE");
            int after = db.write(ctx -> INSERT_TOMBSTONE.execute(ctx, new byte[] {100}, 1L));
            assertThat(after).isEqualTo(1);
            assertThatThrownBy(() -> db.read(ctx -> TOMBSTONE_AT.exists(ctx)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values expected, 0 given");
        }
    }
}
