package dev.mdb.runtime.engine.sqlite;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.CatalogRules;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.runtime.engine.JdbcDriver;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.ServerObservation;
import dev.mdb.runtime.engine.Timeouts;
import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.SqlWords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * SQLite through sqlite-jdbc, embedded: a database is a file (mdb locks migrations with a file beside it),
 * transactional DDL, {@code PRAGMA query_only} as the read-only session; no server, so no replication to measure.
 */
public class SqliteEngine implements Engine {
    /** The engine name, which task adapters of this family register under. */
    public static final String NAME = "sqlite";

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
            EnumSet.of(Capability.TRANSACTIONAL_DDL, Capability.READ_ONLY_SESSIONS, Capability.DATABASE_FILES));
    /** sqlite-jdbc, which carries the SQLite library itself. */
    private static final JdbcDriver DRIVER =
            new JdbcDriver("the SQLite JDBC driver", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc");
    /** sqlite-jdbc's {@code open_mode} flag SQLITE_OPEN_READONLY. */
    private static final String OPEN_READ_ONLY = "1";

    private static final CatalogRules CATALOG = new CatalogRules(false, Set.of(), null, "sqlite_");

    @Override
    public String name() {
        return NAME;
    }

    /** This engine's family, also for subclasses: a database speaking its wire protocol reuses its task adapters. */
    @Override
    public final String family() {
        return NAME;
    }

    @Override
    public Set<String> adapterNames() {
        return Set.of("sqlite3", "sqlite");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public JdbcTarget target(DatabaseConfig config, Path projectDir) {
        return new SqliteTarget(config, this, projectDir);
    }

    @Override
    public JdbcDriver driver() {
        return DRIVER;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        String state = e.getSQLState();
        if ("3D000".equals(state)) {
            return ErrorKind.NO_DATABASE;
        }
        if ("42P04".equals(state)) {
            return ErrorKind.ALREADY_EXISTS;
        }
        return ErrorKind.OTHER;
    }

    /** SQLite refuses {@code VACUUM} inside a transaction. */
    @Override
    public boolean runsOutsideTransactions(String statement, int serverMajorVersion) {
        List<String> words = SqlWords.of(statement, Dialect.SQLITE);
        return !words.isEmpty() && words.get(0).equals("VACUUM");
    }

    @Override
    public String readOnlySessionSql(boolean readOnly) {
        return "PRAGMA query_only = " + (readOnly ? "ON" : "OFF");
    }

    @Override
    public boolean isReadOnlyError(SQLException e) {
        // SQLITE_READONLY (8): "attempt to write a readonly database", which query_only raises.
        return e.getErrorCode() == 8 || "25006".equals(e.getSQLState());
    }

    /** A file on local disk: no connect or socket wait to bound. */
    @Override
    public Properties driverTimeouts(Timeouts timeouts) {
        return new Properties();
    }

    /** Lock waits are SQLite's busy timeout; statements have no server-side limit. */
    @Override
    public List<String> sessionTimeouts(Timeouts timeouts) {
        List<String> sql = new ArrayList<>();
        if (timeouts.lockWait() != null) {
            sql.add("PRAGMA busy_timeout = " + Timeouts.millis(timeouts.lockWait()));
        }
        return sql;
    }

    /** Opened read-only: a probe never creates or changes a file. */
    @Override
    public Properties healthCheckProperties(Duration timeout) {
        Properties props = new Properties();
        props.setProperty("open_mode", OPEN_READ_ONLY);
        return props;
    }

    /** A file mdb opens read-only for a replica; no replication to measure. */
    @Override
    public ServerObservation probe(Connection connection) throws SQLException {
        if (!connection.isValid(1)) {
            throw new SQLException("connection is not valid", "08006");
        }
        return ServerObservation.plain(true);
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE";
    }

    @Override
    public CatalogRules catalog() {
        return CATALOG;
    }
}
