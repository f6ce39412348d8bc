package dev.mdb.tasks.spi;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.sql.Dialect;
import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.tasks.schema.SchemaDumper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The task work for one database configuration that depends on its engine family, as Rails' per-adapter task
 * classes: create, drop, purge, schema dumps and loads, truncation, column types for generated migrations. How to
 * connect, the dialect, what errors mean and what the engine can do come from the configuration's {@link Engine}
 * (through {@link #target()}); everything engine-independent lives in {@link dev.mdb.tasks.DatabaseTasks}.
 */
public interface AdapterTasks {
    /** How to reach the database, made by its engine. */
    JdbcTarget target();

    default DatabaseConfig config() {
        return target().config();
    }

    default Engine engine() {
        return target().engine();
    }

    default Dialect dialect() {
        return engine().dialect();
    }

    /** JDBC URL of the configured database, never containing a password. */
    default String jdbcUrl() {
        return target().url();
    }

    /** Opens a connection to the configured database. A missing database raises {@link SQLException}. */
    default Connection connect() throws SQLException {
        return target().connect();
    }

    /** Creates the database; an existing one is reported as {@link ErrorKind#ALREADY_EXISTS}. */
    void create() throws SQLException;

    /** Drops the database; a missing one is reported as {@link ErrorKind#NO_DATABASE}. */
    void drop() throws SQLException;

    /** Empties the database: drop and recreate. */
    void purge() throws SQLException;

    /** Whether DDL runs inside transactions (PostgreSQL, SQLite) or commits at once (MySQL/MariaDB). */
    default boolean transactionalDdl() {
        return engine().has(Capability.TRANSACTIONAL_DDL);
    }

    /** Quotes an identifier for this engine. */
    default String quote(String identifier) {
        return dialect().quote(identifier);
    }

    /** {@code host:port} (or the file) for messages about reaching the server. */
    default String location() {
        return target().location();
    }

    /** What the engine's error means for mdb. */
    default ErrorKind classify(SQLException e) {
        return engine().classify(e);
    }

    /** mdb's own deterministic schema dumper for this engine ({@code schema_format: sql}). */
    SchemaDumper schemaDumper();

    /** The engine's native dump tool writing the schema (no data) to {@code file} ({@code schema_format: structure}). */
    ExternalCommand structureDump(Path file);

    /** The engine's client loading {@code file} into the configured database. */
    ExternalCommand structureLoad(Path file);

    /**
     * Empties {@code tables} (names in the connection's current schema), resetting auto-increment counters, for
     * {@code db:truncate_all}. The default deletes every row of each table with foreign keys honoured by the order
     * given.
     */
    default void truncate(Connection connection, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                s.execute("DELETE FROM " + quote(table));
            }
        }
    }

    /**
     * The statements creating the migration history table {@code table} exactly as Flyway creates it on this engine
     * (same columns, types, defaults, key and index names), so a history written by Flyway or an earlier mdb reads the
     * same and a schema dump shows the same table.
     */
    List<String> historyTableDdl(String table);

    /** The SQL expression for the history's {@code installed_by}: the session's user name, as Flyway records it. */
    String currentUserSql();

    /** Column types for generated migrations. */
    ColumnTypes columnTypes();
}
