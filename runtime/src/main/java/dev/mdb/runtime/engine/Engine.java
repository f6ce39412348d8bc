package dev.mdb.runtime.engine;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.sql.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * One database engine, as mdb's runtime, tasks and console see it: everything that differs between engines, and
 * nothing else. Registered through {@code META-INF/services/dev.mdb.runtime.engine.Engine} and looked up by exact
 * {@code adapter:} name in {@link Engines}; stateless and shared by every configuration of that engine.
 *
 * <p>An engine owns: its adapter names and how a database.yml entry becomes a JDBC URL and credentials ({@link
 * #target}), through which JDBC driver ({@link #driver()}); its SQL {@link #dialect()} (quoting, string escapes, dollar
 * quotes, bodies); read-only sessions; what its errors mean ({@link #classify}); the replication probe and positions;
 * the health-check connection; the catalog rules the console uses; the migration lock; timeouts as driver properties
 * and session statements; and its {@link Capability capabilities} as data. A database that speaks another engine's
 * wire protocol with other capabilities (CockroachDB, YugabyteDB, Citus; TiDB) is one more class implementing this
 * interface, usually extending the engine it resembles, plus its service entry: {@link #family()} names the engine
 * whose task adapters (create, drop, schema dump) it reuses, and those adapters consult {@link #capabilities()} rather
 * than names.
 */
public interface Engine {
    /** The engine's own name, e.g. {@code postgresql}; unique among registered engines. */
    String name();

    /** The engine whose task adapters this one reuses (a PostgreSQL-wire database answers {@code postgresql}). */
    default String family() {
        return name();
    }

    /** The database.yml {@code adapter:} names this engine handles, lower case (e.g. {@code postgresql}, {@code postgis}). */
    Set<String> adapterNames();

    /** What the engine can do; the rest of mdb decides by these, never by names. */
    Set<Capability> capabilities();

    default boolean has(Capability capability) {
        return capabilities().contains(capability);
    }

    /** How the engine's SQL is lexed, quoted and classified. */
    Dialect dialect();

    /**
     * How to reach {@code config}'s database; relative file paths resolve against {@code projectDir}. Callers go
     * through {@link Engines#target}, which first makes sure the {@link #driver()} is there.
     */
    JdbcTarget target(DatabaseConfig config, Path projectDir);

    /**
     * The JDBC driver this engine's targets connect through, which the application must put on the class path
     * ({@code mdb-runtime} declares the drivers optional): its class, and the Maven coordinates a missing-driver error
     * tells the user to add.
     */
    JdbcDriver driver();

    /** What an engine error means for mdb. */
    ErrorKind classify(SQLException e);

    /** The statement that puts a session into (or out of) read-only mode ({@link Capability#READ_ONLY_SESSIONS}). */
    String readOnlySessionSql(boolean readOnly);

    /** Whether the engine refused a statement because the session or the server is read-only. */
    boolean isReadOnlyError(SQLException e);

    /** How concurrent migrators of one database are kept apart. */
    default MigrationLocking migrationLocking() {
        if (has(Capability.ADVISORY_LOCKS)) {
            return MigrationLocking.SERVER_LOCK;
        }
        return has(Capability.DATABASE_FILES) ? MigrationLocking.FILE_LOCK : MigrationLocking.NONE;
    }

    /** The named locks migrators take ({@link MigrationLocking#SERVER_LOCK}); null where the engine has none. */
    default ServerLocks serverLocks() {
        return null;
    }

    /**
     * Whether {@code statement} cannot run inside a transaction on a server of {@code serverMajorVersion} (PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}; SQLite's {@code VACUUM}): a migration holding one runs without
     * a transaction.
     */
    default boolean runsOutsideTransactions(String statement, int serverMajorVersion) {
        return false;
    }

    /**
     * What a failed {@code statement} that ran outside a transaction left behind, and how to clean it up (PostgreSQL:
     * the INVALID index of a failed {@code CREATE INDEX CONCURRENTLY}), as a sentence; null when nothing is known.
     */
    default String leftoverAfterFailure(Connection connection, String statement) throws SQLException {
        return null;
    }

    /**
     * The session settings of a database.yml entry's {@code variables:} (Rails' key: {@code statement_timeout}, {@code
     * lock_timeout}, {@code lock_wait_timeout} …) as driver properties, so every connection starts with them; empty
     * where the engine has no such settings.
     */
    default Properties sessionVariables(Map<String, String> variables) {
        return new Properties();
    }

    /** The connect and socket timeouts of {@code timeouts} as driver properties (unset ones are left out). */
    Properties driverTimeouts(Timeouts timeouts);

    /** Statements setting the statement and lock-wait timeouts of {@code timeouts} on a session (unset: none). */
    List<String> sessionTimeouts(Timeouts timeouts);

    /**
     * Driver properties of a health-check connection (besides the target's credentials): its connect timeout, and
     * what keeps a probe harmless (an application name, a read-only open).
     */
    Properties healthCheckProperties(Duration timeout);

    /** Probes a server: standby or read-only, its identity, replication positions and lag where the engine has them. */
    ServerObservation probe(Connection connection) throws SQLException;

    /** A writer's current position ({@link Capability#REPLICATION_POSITIONS}), or -1. */
    default long currentPosition(Connection connection) throws SQLException {
        return -1;
    }

    /** A replica's replay position now ({@link Capability#REPLICATION_POSITIONS}), or -1 when unknown. */
    default long replayPosition(Connection connection) throws SQLException {
        return -1;
    }

    /** The text form of a position in client tokens (e.g. PostgreSQL's {@code 0/16b3748}). */
    default String formatPosition(long position) {
        return Long.toUnsignedString(position);
    }

    /** Parses {@link #formatPosition}'s text; throws {@link IllegalArgumentException} when malformed. */
    default long parsePosition(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a position: '" + text + "'", e);
        }
    }

    /** The prefix of this engine's position tokens (e.g. {@code pg}); null when it has no replication positions. */
    default String positionScheme() {
        return null;
    }

    /** Which tables the console lists and where it looks for them. */
    CatalogRules catalog();

    /**
     * A query taking one parameter, a table name, that returns a row when that table exists where the connection's
     * unqualified names go (PostgreSQL: the current schema; MySQL: the current database): one cheap round trip, where
     * JDBC's {@code getTables} costs three and a heavy catalog query. Null: use {@code getTables}.
     */
    default String tableExistsQuery() {
        return null;
    }
}
