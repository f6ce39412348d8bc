package dev.mdb.runtime.engine.mysql;

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
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB through the MariaDB driver: DDL commits at once (no transactional DDL), {@code GET_LOCK} named
 * locks, read-only sessions; replication lag from {@code Seconds_Behind_Master}.
 */
public class MysqlEngine implements Engine {
    /** The engine name, which task adapters of this family register under. */
    public static final String NAME = "mysql";

    private static final Set<Capability> CAPABILITIES =
            Collections.unmodifiableSet(EnumSet.of(Capability.ADVISORY_LOCKS, Capability.READ_ONLY_SESSIONS));
    /** MariaDB Connector/J, for MySQL and MariaDB alike (the targets' URLs are {@code jdbc:mariadb:}). */
    private static final JdbcDriver DRIVER = new JdbcDriver(
            "the MariaDB JDBC driver (MariaDB Connector/J)",
            "org.mariadb.jdbc.Driver",
            "org.mariadb.jdbc:mariadb-java-client");

    private static final int ER_DB_CREATE_EXISTS = 1007;
    private static final int ER_DB_DROP_EXISTS = 1008;
    private static final int ER_BAD_DB_ERROR = 1049;
    private static final int ER_ACCESS_DENIED = 1045;
    private static final String PROBE = "SELECT @@read_only, CONCAT(@@hostname, ':', @@port, ':', @@datadir)";
    private static final ServerLocks LOCKS = new MysqlLocks();
    private static final CatalogRules CATALOG =
            new CatalogRules(true, Set.of("information_schema", "mysql", "performance_schema", "sys"), null, null);

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
        return Set.of("mysql2", "mysql", "trilogy", "mariadb");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Dialect dialect() {
        return Dialect.MYSQL;
    }

    @Override
    public JdbcTarget target(DatabaseConfig config, Path projectDir) {
        return new MysqlTarget(config, this);
    }

    @Override
    public JdbcDriver driver() {
        return DRIVER;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case ER_DB_CREATE_EXISTS -> ErrorKind.ALREADY_EXISTS;
            case ER_DB_DROP_EXISTS, ER_BAD_DB_ERROR -> ErrorKind.NO_DATABASE;
            case ER_ACCESS_DENIED -> ErrorKind.AUTHENTICATION;
            default -> ErrorKind.byStateClass(e.getSQLState());
        };
    }

    @Override
    public ServerLocks serverLocks() {
        return LOCKS;
    }

    @Override
    public String readOnlySessionSql(boolean readOnly) {
        return "SET SESSION TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE");
    }

    @Override
    public boolean isReadOnlyError(SQLException e) {
        // 1792: ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION; 1290/1836: --read-only server.
        return "25006".equals(e.getSQLState())
                || e.getErrorCode() == 1792
                || e.getErrorCode() == 1290
                || e.getErrorCode() == 1836;
    }

    @Override
    public Properties driverTimeouts(Timeouts timeouts) {
        Properties props = new Properties();
        if (timeouts.connect() != null) {
            props.setProperty("connectTimeout", Long.toString(Timeouts.millis(timeouts.connect())));
        }
        if (timeouts.socket() != null) {
            props.setProperty("socketTimeout", Long.toString(Timeouts.millis(timeouts.socket())));
        }
        return props;
    }

    /** The driver's {@code sessionVariables}: set on every new connection. */
    @Override
    public Properties sessionVariables(Map<String, String> variables) {
        Properties props = new Properties();
        if (!variables.isEmpty()) {
            StringBuilder list = new StringBuilder();
            variables.forEach((name, value) -> list.append(list.length() == 0 ? "" : ",")
                    .append(name)
                    .append('=')
                    .append(value));
            props.setProperty("sessionVariables", list.toString());
        }
        return props;
    }

    @Override
    public List<String> sessionTimeouts(Timeouts timeouts) {
        List<String> sql = new ArrayList<>();
        if (timeouts.statement() != null) {
            // MariaDB's max_statement_time is in seconds (fractions allowed); MySQL's max_execution_time (ms, SELECT
            // only) is not read by MariaDB. The MariaDB driver is the one mdb uses.
            sql.add("SET SESSION max_statement_time = " + timeouts.statement().toMillis() / 1000.0);
        }
        if (timeouts.lockWait() != null) {
            long seconds = Timeouts.ceilSeconds(timeouts.lockWait());
            sql.add("SET SESSION lock_wait_timeout = " + seconds);
            sql.add("SET SESSION innodb_lock_wait_timeout = " + seconds);
        }
        return sql;
    }

    @Override
    public Properties healthCheckProperties(Duration timeout) {
        return driverTimeouts(Timeouts.connect(timeout));
    }

    @Override
    public ServerObservation probe(Connection connection) throws SQLException {
        boolean readOnly;
        String identity;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(PROBE)) {
            rs.next();
            readOnly = rs.getBoolean(1);
            identity = rs.getString(2);
        }
        boolean standby = false;
        Double behind = null;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            if (rs.next()) {
                standby = true;
                long seconds = rs.getLong("Seconds_Behind_Master");
                // NULL means replication is not running: unknown lag, never 0.
                behind = rs.wasNull() ? Double.POSITIVE_INFINITY : (double) seconds;
            }
        } catch (SQLException e) {
            // No REPLICATION CLIENT privilege: role from @@read_only only, lag unknown.
        }
        return new ServerObservation(standby, readOnly || standby, identity, -1, -1, behind);
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?"
                + " AND table_type = 'BASE TABLE'";
    }

    @Override
    public CatalogRules catalog() {
        return CATALOG;
    }
}
