package dev.mdb.cli.console;

import dev.mdb.config.JdbcUrls;
import dev.mdb.runtime.RoutingDataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;

/** One-line, password-free renderings of engine errors and targets for {@code mdb:} messages. */
final class Messages {
    private Messages() {}

    /**
     * The engine's message on one line, URLs redacted. A pool timeout (HikariCP's "Connection is not available")
     * gives way to the driver error behind it.
     */
    static String engineMessage(Throwable e) {
        Throwable shown = e;
        if (e instanceof SQLTransientConnectionException && e.getCause() != null) {
            shown = e.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return oneLine(JdbcUrls.redact(message));
    }

    /** Collapses every run of whitespace, line breaks included, to one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** {@code primary (storage/development.sqlite3)}, or several joined with "or". */
    static String describeTargets(List<String> entries, RoutingDataSource dataSource) {
        return entries.stream()
                .map(e -> e + " (" + dataSource.target(e).location() + ")")
                .collect(Collectors.joining(" or "));
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a broken connection; nothing to report
        }
    }

    /** Whether {@code e} says the connection is gone (SQLState class 08). */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
