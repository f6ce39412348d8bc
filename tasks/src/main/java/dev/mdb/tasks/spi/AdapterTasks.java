package dev.mdb.tasks.spi;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Engine-specific work for one database configuration, as Rails' per-adapter task classes: create, drop, purge,
 * how to connect, and how to read the engine's errors. Everything engine-independent lives in
 * {@link dev.mdb.tasks.DatabaseTasks}.
 */
public interface AdapterTasks {
    DatabaseConfig config();

    /** JDBC URL of the configured database, never containing a password. */
    String jdbcUrl();

    /** Opens a connection to the configured database. A missing database raises {@link SQLException}. */
    Connection connect() throws SQLException;

    /** Creates the database; an existing one is reported as {@link ErrorKind#ALREADY_EXISTS}. */
    void create() throws SQLException;

    /** Drops the database; a missing one is reported as {@link ErrorKind#NO_DATABASE}. */
    void drop() throws SQLException;

    /** Empties the database: drop and recreate. */
    void purge() throws SQLException;

    /** Whether DDL runs inside transactions (PostgreSQL, SQLite) or commits at once (MySQL/MariaDB). */
    boolean transactionalDdl();

    /** Quotes an identifier for this engine. */
    String quote(String identifier);

    /** {@code host:port} (or the file) for messages about reaching the server. */
    String location();

    /** What the engine's error means for mdb. */
    ErrorKind classify(SQLException e);

    /**
     * Whether mdb must lock migrations itself because Flyway takes no lock on this engine (SQLite). The lock key is
     * the database file.
     */
    default boolean needsMigrationLock() {
        return false;
    }

    /**
     * The SQL dialect of this engine's scripts, which decides where the statements of a down migration or schema file
     * end (quotes, escapes, comments, routine bodies) and how literals are written. Standard SQL unless overridden.
     */
    default Dialect dialect() {
        return Dialect.GENERIC;
    }

    /** mdb's own deterministic schema dumper for this engine ({@code schema_format: sql}). */
    dev.mdb.tasks.schema.SchemaDumper schemaDumper();

    /** The engine's native dump tool writing the schema (no data) to {@code file} ({@code schema_format: structure}). */
    dev.mdb.tasks.schema.ExternalCommand structureDump(java.nio.file.Path file);

    /** The engine's client loading {@code file} into the configured database. */
    dev.mdb.tasks.schema.ExternalCommand structureLoad(java.nio.file.Path file);

    /**
     * Empties {@code tables} (names in the connection's current schema), resetting auto-increment counters, for
     * {@code db:truncate_all}. The default deletes every row of each table with foreign keys honoured by the order
     * given.
     */
    default void truncate(Connection connection, java.util.List<String> tables) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            for (String table : tables) {
                s.execute("DELETE FROM " + quote(table));
            }
        }
    }

    /** Column types for generated migrations. */
    ColumnTypes columnTypes();

    /** What an engine error means: the facade turns these into messages and exit codes. */
    enum ErrorKind {
        UNREACHABLE,
        AUTHENTICATION,
        NO_DATABASE,
        ALREADY_EXISTS,
        OTHER
    }
}
