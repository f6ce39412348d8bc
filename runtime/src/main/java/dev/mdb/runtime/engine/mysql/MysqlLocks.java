package dev.mdb.runtime.engine.mysql;

import dev.mdb.runtime.engine.ServerLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * MySQL/MariaDB named locks ({@code GET_LOCK}): server-wide, so the name carries the session's database (hashed to
 * stay within the 64-character limit); released when the session ends.
 */
final class MysqlLocks implements ServerLocks {
    private static final String NAME = "CONCAT('mdb:', SHA1(CONCAT(?, ':', DATABASE())))";

    @Override
    public boolean tryLock(Connection session, String key) throws SQLException {
        return intQuery(session, "SELECT GET_LOCK(" + NAME + ", 0)", key) == 1;
    }

    @Override
    public void unlock(Connection session, String key) throws SQLException {
        intQuery(session, "SELECT RELEASE_LOCK(" + NAME + ")", key);
    }

    @Override
    public String holder(Connection session, String key) throws SQLException {
        long id = intQuery(session, "SELECT IS_USED_LOCK(" + NAME + ")", key);
        if (id <= 0) {
            return null;
        }
        try (PreparedStatement ps = session.prepareStatement(
                "SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "connection " + id;
                }
                return String.format(
                        Locale.ROOT,
                        "connection %d (user %s from %s), %s for %d s",
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3).toLowerCase(Locale.ROOT),
                        rs.getLong(4));
            }
        }
    }

    /** The query's single number; -1 for NULL. */
    private static long intQuery(Connection session, String sql, String key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? -1 : value;
            }
        }
    }
}
