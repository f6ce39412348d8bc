package dev.mdb.tasks.schema;

import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlLexer;
import dev.mdb.runtime.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a schema file's statements in order on one connection. */
public final class SchemaLoader {
    private SchemaLoader() {}

    /**
     * Executes every statement of {@code sql}, split as {@code dialect}; the failing statement's line is in the
     * exception's message.
     */
    public static void load(Connection connection, String sql, Dialect dialect) throws SQLException {
        List<SqlStatement> statements = SqlLexer.split(sql, dialect);
        for (SqlStatement statement : statements) {
            try (Statement s = connection.createStatement()) {
                s.execute(statement.text());
            } catch (SQLException e) {
                throw new SQLException(
                        "line " + statement.line() + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }
}
