package dev.masq.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/** The prepared {@link HotStatement}s of one connection; used only by the one thread holding that connection. */
final class StatementCache {
    static final String KEY = "masq.statements";

    private final Connection connection;
    private final Map<HotStatement, PreparedStatement> prepared = new IdentityHashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement prepared(HotStatement statement) throws SQLException {
        PreparedStatement ps = prepared.get(statement);
        if (ps == null) {
            ps = connection.prepareStatement(statement.sql());
            prepared.put(statement, ps);
        }
        return ps;
    }
}
