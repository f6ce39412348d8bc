package dev.mdb.runtime.engine.postgresql;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.CatalogRules;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.runtime.engine.JdbcDriver;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.ServerLocks;
import dev.mdb.runtime.engine.ServerObservation;
import dev.mdb.runtime.engine.Timeouts;
import dev.mdb.runtime.sql.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL (and PostGIS) through pgjdbc: transactional DDL, advisory locks, read-only sessions, WAL positions for
 * exact read-your-writes, {@code DROP DATABASE … WITH (FORCE)}. Open for PostgreSQL-wire engines with other
 * capabilities to extend: override {@link #name()}, {@link #adapterNames()} and {@link #capabilities()}.
 */
public class PostgresqlEngine implements Engine {
    /** The engine name, which task adapters of this family register under. */
    public static final String NAME = "postgresql";

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.TRANSACTIONAL_DDL,
            Capability.ADVISORY_LOCKS,
            Capability.READ_ONLY_SESSIONS,
            Capability.REPLICATION_POSITIONS,
            Capability.DROP_DATABASE_FORCE));
    /** pgjdbc. */
    private static final JdbcDriver DRIVER =
            new JdbcDriver("the PostgreSQL JDBC driver", "org.postgresql.Driver", "org.postgresql:postgresql");

    private static final String PROBE = "SELECT pg_is_in_recovery(),"
            + " pg_last_wal_replay_lsn()::text,"
            + " CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn()::text END,"
            + " EXTRACT(EPOCH FROM (clock_timestamp() - pg_last_xact_replay_timestamp()))::float8,"
            + " (SELECT system_identifier FROM pg_control_system())::text || '@' || pg_postmaster_start_time()::text,"
            + " current_setting('default_transaction_read_only') = 'on'";
    private static final ServerLocks LOCKS = new PostgresqlLocks();
    private static final CatalogRules CATALOG =
            new CatalogRules(false, Set.of("information_schema", "pg_catalog"), "pg_", null);

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
        return Set.of("postgresql", "postgres", "postgis");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public JdbcTarget target(DatabaseConfig config, Path projectDir) {
        return new PostgresqlTarget(config, this);
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
        return ErrorKind.byStateClass(state);
    }

    @Override
    public ServerLocks serverLocks() {
        return LOCKS;
    }

    @Override
    public boolean runsOutsideTransactions(String statement, int serverMajorVersion) {
        return PostgresqlStatements.runsOutsideTransactions(statement, serverMajorVersion);
    }

    @Override
    public String leftoverAfterFailure(Connection connection, String statement) throws SQLException {
        return PostgresqlStatements.leftoverAfterFailure(connection, statement);
    }

    @Override
    public String readOnlySessionSql(boolean readOnly) {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE");
    }

    @Override
    public boolean isReadOnlyError(SQLException e) {
        return "25006".equals(e.getSQLState());
    }

    @Override
    public Properties driverTimeouts(Timeouts timeouts) {
        Properties props = new Properties();
        if (timeouts.connect() != null) {
            // connectTimeout bounds the TCP connect only; loginTimeout the whole start-up, so a server that accepts
            // and never answers fails too.
            String seconds = Long.toString(Timeouts.ceilSeconds(timeouts.connect()));
            props.setProperty("connectTimeout", seconds);
            props.setProperty("loginTimeout", seconds);
        }
        if (timeouts.socket() != null) {
            props.setProperty("socketTimeout", Long.toString(Timeouts.ceilSeconds(timeouts.socket())));
        }
        return props;
    }

    /** Start-up options ({@code -c name=value}), so the settings hold from the first statement, pooled or not. */
    @Override
    public Properties sessionVariables(Map<String, String> variables) {
        Properties props = new Properties();
        if (!variables.isEmpty()) {
            StringBuilder options = new StringBuilder();
            variables.forEach((name, value) -> options.append(options.length() == 0 ? "" : " ")
                    .append("-c ")
                    .append(name)
                    .append('=')
                    .append(value.replace("\\", "\\\\").replace(" ", "\\ ")));
            props.setProperty("options", options.toString());
        }
        return props;
    }

    @Override
    public List<String> sessionTimeouts(Timeouts timeouts) {
        List<String> sql = new ArrayList<>();
        if (timeouts.statement() != null) {
            sql.add("SET statement_timeout = " + Timeouts.millis(timeouts.statement()));
        }
        if (timeouts.lockWait() != null) {
            sql.add("SET lock_timeout = " + Timeouts.millis(timeouts.lockWait()));
        }
        return sql;
    }

    @Override
    public Properties healthCheckProperties(Duration timeout) {
        Properties props = driverTimeouts(Timeouts.connect(timeout));
        props.setProperty("ApplicationName", "mdb health check");
        return props;
    }

    @Override
    public ServerObservation probe(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(PROBE)) {
            rs.next();
            boolean standby = rs.getBoolean(1);
            long replay = rs.getString(2) == null ? -1 : Lsn.parse(rs.getString(2));
            long current = rs.getString(3) == null ? -1 : Lsn.recordBoundary(Lsn.parse(rs.getString(3)));
            double since = rs.getDouble(4);
            Double secondsSinceReplay = rs.wasNull() ? null : since;
            return new ServerObservation(
                    standby, standby || rs.getBoolean(6), rs.getString(5), replay, current, secondsSinceReplay);
        }
    }

    @Override
    public long currentPosition(Connection connection) throws SQLException {
        return Lsn.recordBoundary(Lsn.parse(single(connection, "SELECT pg_current_wal_insert_lsn()::text", 0)));
    }

    @Override
    public long replayPosition(Connection connection) throws SQLException {
        String lsn = single(connection, "SELECT pg_last_wal_replay_lsn()::text", 1);
        return lsn == null ? -1 : Lsn.parse(lsn);
    }

    private static String single(Connection connection, String sql, int timeoutSeconds) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (timeoutSeconds > 0) {
                s.setQueryTimeout(timeoutSeconds);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Override
    public String formatPosition(long position) {
        return Lsn.format(position).toLowerCase(Locale.ROOT);
    }

    @Override
    public long parsePosition(String text) {
        return Lsn.parse(text);
    }

    @Override
    public String positionScheme() {
        return "pg";
    }

    @Override
    public CatalogRules catalog() {
        return CATALOG;
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')";
    }
}
