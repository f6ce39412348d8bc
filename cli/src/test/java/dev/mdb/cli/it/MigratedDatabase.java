package dev.mdb.cli.it;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One test database seen from outside mdb, with plain JDBC: its migration history and whether tables exist. On
 * PostgreSQL tables live in {@code public}, on MariaDB in the database itself.
 */
final class MigratedDatabase {
    private final DatabaseServerExtension server;
    private final String name;
    private final String schema;

    MigratedDatabase(DatabaseServerExtension server, String name, String schema) {
        this.server = server;
        this.name = name;
        this.schema = schema;
    }

    static MigratedDatabase postgres(DatabaseServerExtension server, String name) {
        return new MigratedDatabase(server, name, "public");
    }

    static MigratedDatabase mariadb(DatabaseServerExtension server, String name) {
        return new MigratedDatabase(server, name, name);
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return server.connect(name);
    }

    /**
     * The history's migration rows in installed order: {@code "<version> success"}, or {@code "<version> failed,
     * execution_time <ms>"} for a failed or cut-off ({@code -1}) run. Empty without a history table.
     */
    List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        if (!tableExists("flyway_schema_history")) {
            return rows;
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success, execution_time FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                boolean done = rs.getBoolean(2) && rs.getInt(3) >= 0;
                rows.add(rs.getString(1) + (done ? " success" : " failed, execution_time " + rs.getInt(3)));
            }
        }
        return rows;
    }

    boolean tableExists(String table) throws SQLException {
        return count(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                        schema,
                        table)
                > 0;
    }

    /** PostgreSQL: whether index {@code index} exists and is valid ({@code pg_index.indisvalid}). */
    boolean indexValid(String index) throws SQLException {
        return count(
                        "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                + " WHERE c.relname = ? AND i.indisvalid",
                        index)
                == 1;
    }

    /** PostgreSQL: whether a relation named {@code index} exists, valid or not. */
    boolean indexExists(String index) throws SQLException {
        return count("SELECT count(*) FROM pg_class WHERE relname = ?", index) > 0;
    }

    /** The single number {@code sql} returns. */
    long count(String sql, String... parameters) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            execute(c, sql);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single number {@code sql} returns on {@code c}. */
    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
