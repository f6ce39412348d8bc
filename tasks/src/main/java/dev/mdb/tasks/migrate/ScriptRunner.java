package dev.mdb.tasks.migrate;

import dev.mdb.runtime.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Sends a file's statements, as written, one after the other on one connection. */
final class ScriptRunner {
    private ScriptRunner() {}

    static void run(Connection c, List<SqlStatement> statements) throws StatementFailure {
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            try (Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(statement.text());
            } catch (SQLException e) {
                throw new StatementFailure(statement, i, e);
            }
        }
    }
}
