package dev.masq.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A statement that runs for every message. jOOQ renders it once, here, and each connection of the
 * {@link Database} prepares it once and keeps it: a run then costs binding and SQLite's own work,
 * where rendering the query afresh cost several times more. Values are bound in the order of the
 * query's parameters, as plain JDBC values (epoch millis for instants).
 */
public final class HotStatement {
    private static final DSLContext RENDERER = DSL.using(org.jooq.SQLDialect.SQLITE, Database.JOOQ_SETTINGS);

    private final String sql;
    private final int arity;

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** {@code query} takes every value as a bind parameter; constants in it must be {@code DSL.inline}. */
    public HotStatement(Query query) {
        this.sql = RENDERER.render(query);
        this.arity = query.getBindValues().size();
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public int execute(DSLContext ctx, Object... values) {
        return run(ctx, values, PreparedStatement::executeUpdate);
    }

    /** The first row, read; empty when there is none or {@code reader} makes null of it (an aggregate of no rows). */
    public <T> Optional<T> fetchOptional(DSLContext ctx, RowReader<T> reader, Object... values) {
        return run(ctx, values, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
            }
        });
    }

    public <T> List<T> fetch(DSLContext ctx, RowReader<T> reader, Object... values) {
        return run(ctx, values, ps -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        });
    }

    public boolean exists(DSLContext ctx, Object... values) {
        return fetchOptional(ctx, rs -> Boolean.TRUE, values).isPresent();
    }

    @Override
    public String toString() {
        return sql;
    }

    private interface Execution<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(DSLContext ctx, Object[] values, Execution<T> execution) {
        if (values.length != arity) {
            throw new IllegalArgumentException(arity + " values expected, " + values.length + " given: " + sql);
        }
        StatementCache cache = (StatementCache) ctx.data(StatementCache.KEY);
        if (cache == null) {
            throw new IllegalStateException("a HotStatement runs on a context of the Database: " + sql);
        }
        try {
            return execution.run(bind(cache.prepared(this), values));
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        return ps;
    }

    String sql() {
        return sql;
    }
}
