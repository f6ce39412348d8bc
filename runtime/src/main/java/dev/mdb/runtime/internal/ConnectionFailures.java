package dev.mdb.runtime.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Which errors mean "the server or the connection is gone" (as opposed to a failing statement). */
public final class ConnectionFailures {
    private ConnectionFailures() {}

    /**
     * SQLState class 08 (connection exception), PostgreSQL's 57P01–57P03 (shutdown, crash, cannot connect now),
     * MariaDB's 70100 (connection killed), or a JDBC connection exception type, anywhere in the cause chain.
     */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("70100")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
