package dev.mdb.runtime;

import java.sql.SQLNonTransientException;

/**
 * A write attempted while writes are prevented: raised by the classifier before anything reaches the server, or
 * rethrown from the server's read-only error. SQLState 25006, as PostgreSQL and MySQL use for read-only transactions.
 */
public class ReadOnlyViolationException extends SQLNonTransientException {
    private static final long serialVersionUID = 1L;
    public static final String SQL_STATE = "25006";

    /** {@code sql} is quoted after Rails' "Write query attempted while in readonly mode: ". */
    public ReadOnlyViolationException(String sql) {
        super("Write query attempted while in readonly mode: " + sql, SQL_STATE);
    }

    public ReadOnlyViolationException(String sql, Throwable serverError) {
        super("Write query attempted while in readonly mode: " + sql, SQL_STATE, serverError);
    }
}
