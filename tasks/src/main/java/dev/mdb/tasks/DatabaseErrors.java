package dev.mdb.tasks;

import dev.mdb.config.Causes;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.JdbcUrls;
import dev.mdb.config.MdbException;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.tasks.spi.AdapterTasks;
import java.sql.SQLException;

/** Turns engine errors into one-line messages naming the database, the cause and the next step. */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    /** {@code action} completes "couldn't …", e.g. "read the migration status of". */
    public static MdbException translate(AdapterTasks adapter, String action, SQLException e) {
        DatabaseConfig config = adapter.config();
        String where =
                config.label() + " (" + (config.database() != null ? config.database() : adapter.location()) + ")";
        String cause = cause(adapter, e);
        return switch (adapter.classify(e)) {
            case UNREACHABLE ->
                new DatabaseUnavailableException(
                        "can't connect to " + adapter.location() + " for " + where + ": " + cause
                                + ". Check that the server is running and that host and port in database.yml are right.",
                        e);
            case AUTHENTICATION ->
                new DatabaseUnavailableException(
                        "authentication failed for user '" + config.username() + "' on " + adapter.location() + " for "
                                + where + ": " + cause + ". Check username and password in database.yml.",
                        e);
            case NO_DATABASE ->
                new NoSuchDatabaseException(
                        "database '" + config.database() + "' does not exist (" + config.label()
                                + "). Run `mdb db:create` first.",
                        e);
            default -> new TaskFailedException("couldn't " + action + " " + where + ": " + cause, e);
        };
    }

    /** The engine's message, first line only, with the configured password masked. */
    public static String cause(AdapterTasks adapter, Throwable e) {
        // Callers continue the sentence with ". Next step": Causes drops the engine's own final period.
        return mask(adapter.config(), Causes.of(e));
    }

    /**
     * Masks the configured password wherever it appears, and any password in a URL the text quotes (drivers echo the
     * JDBC URL, which for a {@code jdbc:} url may carry {@code password=}).
     */
    public static String mask(DatabaseConfig config, String text) {
        if (text == null) {
            return null;
        }
        String masked = JdbcUrls.redact(text);
        String password = config.password();
        if (password == null || password.isEmpty()) {
            return masked;
        }
        return masked.replace(password, JdbcUrls.MASK);
    }

    /** The first {@link SQLException} in a cause chain, or null. */
    public static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Whether the error only means "the database is not there". */
    public static boolean isNoDatabase(AdapterTasks adapter, Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && adapter.classify(sql) == ErrorKind.NO_DATABASE;
    }
}
