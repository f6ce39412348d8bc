package dev.mdb.runtime;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.internal.MysqlTarget;
import dev.mdb.runtime.internal.PostgresqlTarget;
import dev.mdb.runtime.internal.SqliteTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * How to reach one database.yml entry over JDBC: its URL (never holding a password), the credentials as driver
 * properties, and where it is ({@code host:port} or the SQLite file) for messages. The one place that turns Rails
 * settings into driver settings; the tasks and the runtime pools both use it.
 */
public interface JdbcTarget {
    DatabaseConfig config();

    /** The URL of the configured database: a {@code jdbc:} url from the config as is, or one built from its keys. */
    String url();

    /** The URL of another database on the same server (null: the server's default), for CREATE/DROP DATABASE. */
    String urlFor(String database);

    /** {@code user} and {@code password} for the driver. */
    Properties properties();

    /** {@code host:port}, or the database file, for messages. */
    String location();

    /** The SQLite database file, or null (servers, {@code :memory:}). */
    default Path file() {
        return null;
    }

    /**
     * Puts a physical connection into (or out of) a read-only session, the server-side layer of the write guard.
     * Runs between transactions.
     */
    default void readOnlySession(Connection connection, boolean readOnly) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(readOnlySessionSql(readOnly));
        }
    }

    /** The statement that switches a session to read-only (or back). */
    String readOnlySessionSql(boolean readOnly);

    /** Whether the engine refused a statement because the session or server is read-only. */
    boolean isReadOnlyError(SQLException e);

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), properties());
    }

    /** The target for {@code config}; relative SQLite paths resolve against {@code projectDir}. */
    static JdbcTarget of(DatabaseConfig config, Path projectDir) {
        String adapter = config.adapter() == null ? "" : config.adapter().toLowerCase(Locale.ROOT);
        return switch (adapter) {
            case "postgresql", "postgres", "postgis" -> new PostgresqlTarget(config);
            case "mysql2", "mysql", "trilogy", "mariadb" -> new MysqlTarget(config);
            case "sqlite3", "sqlite" -> new SqliteTarget(config, projectDir);
            default ->
                throw new ConfigException("database '" + config.name() + "' (" + config.label()
                        + ") uses unknown adapter '" + config.adapter()
                        + "'. Known adapters: mariadb, mysql, mysql2, postgis, postgres, postgresql, sqlite, sqlite3,"
                        + " trilogy.");
        };
    }
}
