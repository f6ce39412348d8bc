package dev.mdb.runtime.engine;

import dev.mdb.config.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * How to reach one database.yml entry over JDBC: its URL (never holding a password), the credentials as driver
 * properties, and where it is ({@code host:port} or the SQLite file) for messages. Made by the entry's {@link Engine};
 * the runtime's pools, its replica checks and the tasks all use the same one.
 */
public interface JdbcTarget {
    DatabaseConfig config();

    /** The engine this target belongs to. */
    Engine engine();

    /** The URL of the configured database: a {@code jdbc:} url from the config as is, or one built from its keys. */
    String url();

    /** The URL of another database on the same server (null: the server's default), for CREATE/DROP DATABASE. */
    String urlFor(String database);

    /** {@code user} and {@code password} for the driver. */
    Properties properties();

    /** {@code host:port}, or the database file, for messages. */
    String location();

    /** The database file ({@link Capability#DATABASE_FILES}), or null (servers, {@code :memory:}). */
    default Path file() {
        return null;
    }

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), properties());
    }

    /**
     * Puts a physical connection into (or out of) a read-only session, the server-side layer of the write guard. Runs
     * between transactions; does nothing on an engine without {@link Capability#READ_ONLY_SESSIONS}.
     */
    default void readOnlySession(Connection connection, boolean readOnly) throws SQLException {
        if (!engine().has(Capability.READ_ONLY_SESSIONS)) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute(engine().readOnlySessionSql(readOnly));
        }
    }

    /**
     * The target for {@code config}, from its engine ({@link Engines#target}: a missing JDBC driver is a {@link
     * MissingDriverException}); relative SQLite paths resolve against {@code projectDir}.
     */
    static JdbcTarget of(DatabaseConfig config, Path projectDir) {
        return Engines.installed().target(config, projectDir);
    }
}
