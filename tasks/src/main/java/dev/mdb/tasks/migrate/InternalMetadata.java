package dev.mdb.tasks.migrate;

import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** mdb's {@code mdb_internal_metadata} table, the analogue of Rails' {@code ar_internal_metadata}. */
public final class InternalMetadata {
    public static final String TABLE = "mdb_internal_metadata";
    public static final String ENVIRONMENT = "environment";
    private static final int WRITE_ATTEMPTS = 3;

    private InternalMetadata() {}

    /** The stored value, or null when the table or the key is missing. */
    public static String read(Connection c, AdapterTasks adapter, String key) throws SQLException {
        if (!SchemaHistory.tableExists(c, adapter.engine(), TABLE)) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + adapter.quote("value") + " FROM " + TABLE + " WHERE " + adapter.quote("key") + " = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static boolean tableExists(Connection c) throws SQLException {
        return SchemaHistory.tableExists(c, TABLE);
    }

    /**
     * Creates the table if needed and stores {@code key = value}. {@code c} must be in auto-commit mode. Sessions racing
     * here (concurrent {@code db:migrate} runs record the environment outside Flyway's lock) can lose twice: creating
     * the table, then inserting the row. Each loss means another session committed that step, so the third attempt
     * finds both and updates.
     */
    public static void write(Connection c, AdapterTasks adapter, String key, String value) throws SQLException {
        SQLException lost = null;
        // One transaction, one commit (where DDL is transactional the CREATE joins it; elsewhere it commits alone).
        c.setAutoCommit(false);
        try {
            for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
                try {
                    writeOnce(c, adapter, key, value);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (lost != null) {
                        e.addSuppressed(lost);
                    }
                    lost = e;
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        throw lost;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The next attempt (or the caller) meets the connection's state.
        }
    }

    private static void writeOnce(Connection c, AdapterTasks adapter, String key, String value) throws SQLException {
        String k = adapter.quote("key");
        String v = adapter.quote("value");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (" + k + " VARCHAR(255) NOT NULL PRIMARY KEY, " + v
                    + " VARCHAR(255), created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)");
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update =
                c.prepareStatement("UPDATE " + TABLE + " SET " + v + " = ?, updated_at = ? WHERE " + k + " = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + TABLE + " (" + k + ", " + v + ", created_at, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }
}
