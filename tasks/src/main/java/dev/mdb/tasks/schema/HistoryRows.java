package dev.mdb.tasks.schema;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.tasks.migrate.MigrationVersion;
import dev.mdb.tasks.migrate.SchemaHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The applied migrations of a database as the INSERT that ends a schema file, so that a loaded database is "up" to
 * them: sorted by version and renumbered, with no timestamps or user names, so every run writes the same bytes.
 */
public final class HistoryRows {
    private HistoryRows() {}

    /** One successful versioned history row. */
    record Row(String version, String description, String type, String script, Integer checksum) {}

    /** The INSERT statement (with a leading comment), or an empty string when nothing was applied. */
    public static String insertStatement(Connection c, Dialect dialect) throws SQLException {
        return insertStatement(c, dialect, null);
    }

    /**
     * The INSERT statement into the history table qualified with {@code schema} (an already quoted identifier), or
     * unqualified when it is null.
     */
    public static String insertStatement(Connection c, Dialect dialect, String schema) throws SQLException {
        List<Row> rows = read(c);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(
                        "-- Applied migrations: a database loaded from this file is up to them.\n")
                .append("INSERT INTO ")
                .append(schema == null ? "" : schema + ".")
                .append(SchemaHistory.TABLE)
                .append(" (installed_rank, version, description, type, script, checksum, installed_by,"
                        + " execution_time, success) VALUES\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sql.append('(')
                    .append(i + 1)
                    .append(", ")
                    .append(literal(r.version(), dialect))
                    .append(", ")
                    .append(literal(r.description(), dialect))
                    .append(", ")
                    .append(literal(r.type(), dialect))
                    .append(", ")
                    .append(literal(r.script(), dialect))
                    .append(", ")
                    .append(r.checksum() == null ? "NULL" : r.checksum().toString())
                    .append(", 'mdb', 0, TRUE)")
                    .append(i + 1 < rows.size() ? ",\n" : ";\n\n");
        }
        return sql.toString();
    }

    private static List<Row> read(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!SchemaHistory.tableExists(c, SchemaHistory.TABLE)) {
            return rows;
        }
        String sql = "SELECT version, description, type, script, checksum FROM " + SchemaHistory.TABLE
                + " WHERE version IS NOT NULL AND success = ? AND type NOT IN ('SCHEMA', 'DELETE', 'UNDO_SQL',"
                + " 'BASELINE')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, true);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int checksum = rs.getInt(5);
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.wasNull() ? null : checksum));
                }
            }
        }
        rows.sort(Comparator.comparing(r -> new MigrationVersion(r.version())));
        return rows;
    }

    private static String literal(String value, Dialect dialect) {
        return value == null ? "NULL" : SqlLexer.stringLiteral(value, dialect);
    }
}
