package dev.mdb.tasks.migrate;

import dev.mdb.runtime.sql.SqlStatement;
import java.sql.SQLException;

/**
 * A statement of a migration file failed: which one (its position in the file) and the engine's error. Thrown by
 * {@link ScriptRunner}; the runner turns it into the message.
 */
final class StatementFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SqlStatement statement;
    private final int index;

    StatementFailure(SqlStatement statement, int index, SQLException cause) {
        super(cause.getMessage(), cause);
        this.statement = statement;
        this.index = index;
    }

    SqlStatement statement() {
        return statement;
    }

    /** How many statements of the file ran before this one. */
    int index() {
        return index;
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
