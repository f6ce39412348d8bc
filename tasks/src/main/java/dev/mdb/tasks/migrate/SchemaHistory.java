package dev.mdb.tasks.migrate;

import dev.mdb.runtime.engine.CatalogRules;
import dev.mdb.runtime.engine.Engine;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads and edits Flyway's {@code flyway_schema_history} table with plain JDBC (no Flyway start-up cost). */
public final class SchemaHistory {
    public static final String TABLE = "flyway_schema_history";

    private SchemaHistory() {}

    /** Whether {@code table} exists in the connection's current database/schema, asked as {@code engine} asks best. */
    public static boolean tableExists(Connection c, Engine engine, String table) throws SQLException {
        String query = engine.tableExistsQuery();
        if (query == null) {
            return tableExists(c, table);
        }
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether {@code table} exists in the connection's current database/schema. */
    public static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = currentSchema(c);
        for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the connection's current database/schema holds any relation of the user's (a table, view, sequence …):
     * the engine's own (system tables, {@code engineTables}) do not count.
     */
    public static boolean hasTables(Connection c, CatalogRules engineTables) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), currentSchema(c), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                boolean engines = type != null
                        && (type.toUpperCase(Locale.ROOT).contains("SYSTEM")
                                || type.toUpperCase(Locale.ROOT).contains("TEMPORARY"));
                if (!engines && !engineTables.isSystem(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String currentSchema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    /** Successful versioned migrations in ascending version order; empty when the table does not exist. */
    public static List<AppliedMigration> applied(Connection c) throws SQLException {
        List<AppliedMigration> result = new ArrayList<>();
        if (!tableExists(c, TABLE)) {
            return result;
        }
        String sql = "SELECT version, description, script FROM " + TABLE
                + " WHERE version IS NOT NULL AND success = ? AND type NOT IN ('SCHEMA', 'DELETE', 'UNDO_SQL', 'BASELINE')"
                + " ORDER BY installed_rank";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, true);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AppliedMigration(
                            new MigrationVersion(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
        }
        result.sort(Comparator.comparing(AppliedMigration::version));
        return result;
    }

    /** Versions whose last attempt failed (MySQL/MariaDB keep such rows until repaired). */
    public static List<String> failed(Connection c) throws SQLException {
        List<String> result = new ArrayList<>();
        if (!tableExists(c, TABLE)) {
            return result;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT script FROM " + TABLE + " WHERE success = ? ORDER BY installed_rank")) {
            ps.setBoolean(1, false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    /** Removes the history rows of {@code version}; returns how many. */
    public static int delete(Connection c, MigrationVersion version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            ps.setString(1, version.text());
            return ps.executeUpdate();
        }
    }
}
