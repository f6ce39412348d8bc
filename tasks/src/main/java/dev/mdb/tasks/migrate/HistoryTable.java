package dev.mdb.tasks.migrate;

import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the migration history table of one database: Flyway's {@code flyway_schema_history}, created with the DDL
 * Flyway uses on that engine (so schema dumps and other tools see the same table), one row per migration run.
 */
public final class HistoryTable {
    private final AdapterTasks adapter;
    /**
     * The next free rank, when the session holding the migration lock has read the whole table (nobody else writes it
     * meanwhile): saves a {@code SELECT MAX} per migration. 0: unknown, ask the table.
     */
    private int knownNext;

    public HistoryTable(AdapterTasks adapter) {
        this.adapter = adapter;
    }

    /** Says the next free rank is {@code next} (read under the migration lock); 0 forgets it. */
    void knowNextRank(int next) {
        this.knownNext = next;
    }

    public boolean exists(Connection c) throws SQLException {
        return SchemaHistory.tableExists(c, adapter.engine(), SchemaHistory.TABLE);
    }

    /** Creates the table (and its index) as Flyway does on this engine. */
    public void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : adapter.historyTableDdl(SchemaHistory.TABLE)) {
                s.execute(sql);
            }
        }
    }

    /** Every row, in installed order; null when the table does not exist. Two cheap round trips. */
    public List<HistoryRow> rowsOrNull(Connection c) throws SQLException {
        return exists(c) ? read(c) : null;
    }

    private static List<HistoryRow> read(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        String sql = "SELECT installed_rank, version, description, type, script, checksum, execution_time, success"
                + " FROM " + SchemaHistory.TABLE + " ORDER BY installed_rank";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String version = rs.getString(2);
                int checksum = rs.getInt(6);
                Integer checksumOrNull = rs.wasNull() ? null : checksum;
                rows.add(new HistoryRow(
                        rs.getInt(1),
                        version == null ? null : new MigrationVersion(version),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        checksumOrNull,
                        rs.getInt(7),
                        rs.getBoolean(8)));
            }
        }
        return rows;
    }

    /** Inserts {@code row} with the next rank (its own rank is ignored) and the session's user; returns the rank. */
    public int insert(Connection c, HistoryRow row) throws SQLException {
        int rank = knownNext > 0 ? knownNext : nextRank(c);
        String sql = "INSERT INTO " + SchemaHistory.TABLE + " (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (?, ?, ?, ?, ?, ?, "
                + adapter.currentUserSql() + ", ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, rank);
            ps.setString(2, row.version() == null ? null : row.version().text());
            ps.setString(3, row.description());
            ps.setString(4, row.type());
            ps.setString(5, row.script());
            if (row.checksum() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, row.checksum());
            }
            ps.setInt(7, row.executionTime());
            ps.setBoolean(8, row.success());
            ps.executeUpdate();
        }
        if (knownNext > 0) {
            // A row rolled back with its migration leaves a gap at worst; the run stops there anyway.
            knownNext = rank + 1;
        }
        return rank;
    }

    private static int nextRank(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(installed_rank) FROM " + SchemaHistory.TABLE)) {
            return rs.next() ? rs.getInt(1) + 1 : 1;
        }
    }

    /** Records how the run of row {@code rank} ended. */
    public void finish(Connection c, int rank, boolean success, int executionTime) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + SchemaHistory.TABLE + " SET success = ?, execution_time = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, success);
            ps.setInt(2, executionTime);
            ps.setInt(3, rank);
            ps.executeUpdate();
        }
    }

    /** Removes row {@code rank}. */
    public void delete(Connection c, int rank) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + SchemaHistory.TABLE + " WHERE installed_rank = ?")) {
            ps.setInt(1, rank);
            ps.executeUpdate();
        }
        if (knownNext == rank + 1) {
            knownNext = rank;
        }
    }

    /** Sets the checksum and description of row {@code rank} to the file's (repair). */
    public void realign(Connection c, int rank, int checksum, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + SchemaHistory.TABLE + " SET checksum = ?, description = ? WHERE installed_rank = ?")) {
            ps.setInt(1, checksum);
            ps.setString(2, description);
            ps.setInt(3, rank);
            ps.executeUpdate();
        }
    }
}
