package dev.mdb.tasks.schema;

import dev.mdb.tasks.migrate.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a schema file's statements in order on one connection. */
public final class SchemaLoader {
    private SchemaLoader() {}

    /** Executes every statement of {@code sql}; the failing statement's line is in the exception's message. */
    public static void load(Connection connection, String sql, boolean backslashEscapes) throws SQLException {
        List<SqlScript.Statement> statements = SqlScript.split(sql, backslashEscapes);
        for (SqlScript.Statement statement : statements) {
            try (Statement s = connection.createStatement()) {
                s.execute(statement.sql());
            } catch (SQLException e) {
                throw new SQLException(
                        "line " + statement.line() + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }
}
