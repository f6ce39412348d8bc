package dev.mdb.runtime.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One probe query per engine: whether the server is a standby or read-only, an identity to recognise the primary's
 * own server (a replica entry that is only a read-only user on the primary), and replication positions.
 */
public final class ServerProbe {
    private static final String POSTGRES = "SELECT pg_is_in_recovery(),"
            + " pg_last_wal_replay_lsn()::text,"
            + " CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn()::text END,"
            + " EXTRACT(EPOCH FROM (clock_timestamp() - pg_last_xact_replay_timestamp()))::float8,"
            + " (SELECT system_identifier FROM pg_control_system())::text || '@' || pg_postmaster_start_time()::text,"
            + " current_setting('default_transaction_read_only') = 'on'";

    private static final String MYSQL = "SELECT @@read_only, CONCAT(@@hostname, ':', @@port, ':', @@datadir)";

    /** What one probe saw. Positions are -1 and lags null when unknown or not applicable. */
    public record Observation(
            boolean standby,
            boolean readOnly,
            String identity,
            long replayPosition,
            long currentPosition,
            Double secondsBehind) {}

    private ServerProbe() {}

    /** Probes {@code connection} of an entry with adapter {@code adapter}; SQLite answers without a query. */
    public static Observation probe(String adapter, Connection connection) throws SQLException {
        String engine = adapter == null ? "" : adapter.toLowerCase(Locale.ROOT);
        if (engine.startsWith("postgres") || engine.equals("postgis")) {
            return postgres(connection);
        }
        if (engine.startsWith("mysql") || engine.equals("mariadb") || engine.equals("trilogy")) {
            return mysql(connection);
        }
        if (!connection.isValid(1)) {
            throw new SQLException("connection is not valid", "08006");
        }
        // SQLite: a file mdb opens read-only for a replica; no replication to measure.
        return new Observation(false, true, null, -1, -1, null);
    }

    /** Only the primary's current WAL insert position (PostgreSQL), or -1 for other engines. */
    public static long currentPosition(String adapter, Connection connection) throws SQLException {
        String engine = adapter == null ? "" : adapter.toLowerCase(Locale.ROOT);
        if (!engine.startsWith("postgres") && !engine.equals("postgis")) {
            return -1;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return Lsn.recordBoundary(Lsn.parse(rs.getString(1)));
        }
    }

    /** The PostgreSQL system identifier and start time of the server ({@code sysid@start}). */
    public static String postgresIdentity(Connection connection) throws SQLException {
        return postgres(connection).identity();
    }

    private static Observation postgres(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(POSTGRES)) {
            rs.next();
            boolean standby = rs.getBoolean(1);
            long replay = rs.getString(2) == null ? -1 : Lsn.parse(rs.getString(2));
            long current = rs.getString(3) == null ? -1 : Lsn.recordBoundary(Lsn.parse(rs.getString(3)));
            double since = rs.getDouble(4);
            Double secondsSinceReplay = rs.wasNull() ? null : since;
            return new Observation(
                    standby, standby || rs.getBoolean(6), rs.getString(5), replay, current, secondsSinceReplay);
        }
    }

    private static Observation mysql(Connection connection) throws SQLException {
        boolean readOnly;
        String identity;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(MYSQL)) {
            rs.next();
            readOnly = rs.getBoolean(1);
            identity = rs.getString(2);
        }
        boolean standby = false;
        Double behind = null;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            if (rs.next()) {
                standby = true;
                long seconds = rs.getLong("Seconds_Behind_Master");
                // NULL means replication is not running: unknown lag, never 0.
                behind = rs.wasNull() ? Double.POSITIVE_INFINITY : (double) seconds;
            }
        } catch (SQLException e) {
            // No REPLICATION CLIENT privilege: role from @@read_only only, lag unknown.
        }
        return new Observation(standby, readOnly || standby, identity, -1, -1, behind);
    }
}
