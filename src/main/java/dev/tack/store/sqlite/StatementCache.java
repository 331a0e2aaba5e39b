package dev.tack.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, kept for reuse (least recently used dropped past a bound).
 * Used only under the lock that guards the connection. A cached statement's result sets are
 * always closed by {@link Tx} before it returns, so reuse never holds a read snapshot.
 */
final class StatementCache implements AutoCloseable {

    private static final int LIMIT = 128;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true);

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            if (statements.size() > LIMIT) {
                var eldest = statements.entrySet().iterator().next();
                eldest.getValue().close();
                statements.remove(eldest.getKey());
            }
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is going away too
            }
        }
        statements.clear();
    }
}
