package dev.mdb.runtime.engine.postgresql;

import dev.mdb.runtime.engine.ServerLocks;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * PostgreSQL session-level advisory locks. An advisory lock belongs to the database it was taken in, so the same key
 * in two databases of one server are two locks (shards on one server migrate in parallel). The key text becomes a
 * 64-bit number (FNV-1a).
 */
final class PostgresqlLocks implements ServerLocks {
    private static final String HOLDER = "SELECT a.pid, a.application_name, host(a.client_addr), a.usename,"
            + " EXTRACT(EPOCH FROM (now() - a.state_change))::bigint, a.state"
            + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.classid = ? AND l.objid = ?"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    @Override
    public boolean tryLock(Connection session, String key) throws SQLException {
        return booleanQuery(session, "SELECT pg_try_advisory_lock(?)", key);
    }

    @Override
    public void unlock(Connection session, String key) throws SQLException {
        booleanQuery(session, "SELECT pg_advisory_unlock(?)", key);
    }

    @Override
    public String holder(Connection session, String key) throws SQLException {
        long number = number(key);
        try (PreparedStatement ps = session.prepareStatement(HOLDER)) {
            ps.setLong(1, number >>> 32);
            ps.setLong(2, number & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String application = rs.getString(2);
                String client = rs.getString(3);
                return String.format(
                        Locale.ROOT,
                        "pid %d (%s%s, user %s), %s for %d s",
                        rs.getInt(1),
                        application == null || application.isEmpty() ? "no application name" : application,
                        client == null ? ", local socket" : ", " + client,
                        rs.getString(4),
                        rs.getString(6),
                        rs.getLong(5));
            }
        }
    }

    private static boolean booleanQuery(Connection session, String sql, String key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setLong(1, number(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The key as the bigint argument of the advisory lock functions. */
    static long number(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
