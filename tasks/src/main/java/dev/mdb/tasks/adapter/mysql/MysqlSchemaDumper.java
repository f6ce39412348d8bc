package dev.mdb.tasks.adapter.mysql;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlStatement;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.tasks.schema.UnsupportedSchemaObjectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL/MariaDB's deterministic schema dump by introspection of the connection's current database. Order: sequences
 * (MariaDB), tables, foreign keys (as {@code ALTER TABLE}, so tables load in name order), views in dependency order.
 * Each object's DDL is the server's own {@code SHOW CREATE …}, normalised: no {@code AUTO_INCREMENT=n} counter, no
 * {@code DEFINER}, no qualification with the database's name (the dump loads into a database of another name), indexes
 * and CHECK constraints sorted by name. Triggers, routines and events are refused: their bodies need
 * {@code DELIMITER}, which the loader does not support. Every statement is checked to come back whole from
 * {@link SqlLexer#split} as MySQL.
 */
final class MysqlSchemaDumper implements SchemaDumper {
    @Override
    public String dump(Connection connection) throws SQLException {
        String database = currentDatabase(connection);
        SessionSettings saved = SessionSettings.pinForDump(connection);
        String dump;
        try {
            dump = dump(connection, database);
        } catch (SQLException | RuntimeException e) {
            try {
                saved.restore(connection);
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
        saved.restore(connection);
        return dump;
    }

    /**
     * The session settings that change how {@code SHOW CREATE} prints: {@code sql_mode} (ANSI_QUOTES, NO_TABLE_OPTIONS,
     * ORACLE, …) and {@code sql_quote_show_create}. The dump runs with the defaults and restores the caller's.
     */
    private record SessionSettings(String sqlMode, int quoteShowCreate) {
        static SessionSettings pinForDump(Connection connection) throws SQLException {
            SessionSettings saved;
            try (Statement statement = connection.createStatement();
                    ResultSet rs =
                            statement.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.sql_quote_show_create")) {
                rs.next();
                saved = new SessionSettings(rs.getString(1), rs.getInt(2));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION sql_mode = '', sql_quote_show_create = 1");
            }
            return saved;
        }

        void restore(Connection connection) throws SQLException {
            try (PreparedStatement statement =
                    connection.prepareStatement("SET SESSION sql_mode = ?, sql_quote_show_create = ?")) {
                statement.setString(1, sqlMode);
                statement.setInt(2, quoteShowCreate);
                statement.execute();
            }
        }
    }

    private static String dump(Connection connection, String database) throws SQLException {
        refuseProgrammableObjects(connection, database);
        List<String> sequences = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> viewNames = new ArrayList<>();
        boolean nameClash = false;
        for (String[] row : query(
                connection,
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                database)) {
            String name = row[0];
            nameClash |= name.equals(database);
            switch (row[1]) {
                case "SEQUENCE" -> sequences.add(name);
                case "BASE TABLE", "SYSTEM VERSIONED" -> {
                    if (!EXCLUDED_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
                case "VIEW" -> viewNames.add(name);
                case "TEMPORARY" -> {
                    // a session's temporary table is not schema
                }
                default ->
                    throw new UnsupportedSchemaObjectException(
                            row[1].toLowerCase(Locale.ROOT), name, "a table type mdb does not know");
            }
        }
        sequences.sort(null);
        tables.sort(null);
        List<String> statements = new ArrayList<>();
        for (String sequence : sequences) {
            String ddl = showCreate(connection, "SEQUENCE", sequence);
            statements.add(checked("sequence", sequence, MysqlSqlText.stripQualifier(ddl, database)));
        }
        for (String table : tables) {
            MysqlCreateTable.Normalized normalized =
                    MysqlCreateTable.normalize(table, database, showCreate(connection, "TABLE", table));
            statements.add(checked("table", table, normalized.createTable()));
            for (String foreignKey : normalized.foreignKeys()) {
                foreignKeys.add(checked("foreign key on table", table, foreignKey));
            }
        }
        statements.addAll(foreignKeys);
        List<MysqlViews.View> views = new ArrayList<>();
        for (String view : viewNames) {
            // Views print the current database's tables unqualified but its sequences qualified (lastval(`db`.`s`)).
            // When a table is named like the database, `db`.`x` may be that table's column: then nothing is stripped.
            views.add(MysqlViews.normalize(view, nameClash ? null : database, showCreate(connection, "VIEW", view)));
        }
        for (MysqlViews.View view : MysqlViews.dependencyOrder(views)) {
            statements.add(checked("view", view.name(), view.sql()));
        }
        StringBuilder out = new StringBuilder();
        for (String statement : statements) {
            out.append(statement).append(";\n\n");
        }
        return out.toString();
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            String database = rs.next() ? rs.getString(1) : null;
            if (database == null) {
                throw new SQLException("no database selected: the schema dump needs a connection to one database");
            }
            return database;
        }
    }

    /** Triggers, routines and events have bodies; mdb's dump can't load them, so it refuses the first one. */
    private static void refuseProgrammableObjects(Connection connection, String database) throws SQLException {
        for (String[] row : query(
                connection,
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
                database)) {
            if (!EXCLUDED_TABLES.contains(row[1].toLowerCase(Locale.ROOT))) {
                throw refused("trigger", row[0]);
            }
        }
        for (String[] row : query(
                connection,
                "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                database)) {
            throw refused(row[1].toLowerCase(Locale.ROOT), row[0]);
        }
        for (String[] row : query(
                connection, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", database)) {
            throw refused("event", row[0]);
        }
    }

    private static UnsupportedSchemaObjectException refused(String kind, String name) {
        return new UnsupportedSchemaObjectException(
                kind, name, kind + "s have bodies that need DELIMITER, which mdb's schema loader does not run");
    }

    /** The rows of a one-parameter query, every column as a string, sorted by the first column. */
    private static List<String[]> query(Connection connection, String sql, String parameter) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        return rows;
    }

    /** {@code SHOW CREATE kind name}'s DDL column. */
    private static String showCreate(Connection connection, String kind, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW CREATE " + kind + " " + MysqlSqlText.quote(name))) {
            if (!rs.next()) {
                throw new SQLException("SHOW CREATE " + kind + " returned nothing for " + name);
            }
            return rs.getString(2);
        }
    }

    /** {@code sql}, after checking that the schema loader reads it back as exactly this one statement. */
    private static String checked(String kind, String name, String sql) {
        List<SqlStatement> split = SqlLexer.split(sql + ";", Dialect.MYSQL);
        if (split.size() != 1 || !split.get(0).text().equals(sql)) {
            throw new UnsupportedSchemaObjectException(
                    kind, name, "its SQL would not load back as one statement (it splits into " + split.size() + ")");
        }
        return sql;
    }
}
