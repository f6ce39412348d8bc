package dev.mdb.tasks.spi;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.internal.ServerTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Shared by client/server engines: host/port defaults, credentials passed as properties (never in the URL), and
 * create/drop run on a maintenance connection.
 */
public abstract class ServerAdapterTasks implements AdapterTasks {
    /** {@code jdbc:<engine>://host[:port]}, host possibly a bracketed IPv6 address; user info is skipped. */
    private final DatabaseConfig config;

    private final ServerTarget target;

    protected ServerAdapterTasks(ServerTarget target) {
        this.target = target;
        this.config = target.config();
        if (config.jdbcUrl() == null
                && (config.database() == null || config.database().isBlank())) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no 'database:' name. Add 'database:' or a 'url:'.");
        }
    }

    @Override
    public DatabaseConfig config() {
        return config;
    }

    /** The JDBC URL for {@code database} on the configured server ({@code null} database: server only). */
    protected String urlFor(String database) {
        return target.urlFor(database);
    }

    /** The statement creating the configured database. */
    protected abstract String createSql();

    protected String host() {
        return target.host();
    }

    protected int port() {
        return target.port();
    }

    @Override
    public String jdbcUrl() {
        return target.url();
    }

    @Override
    public String location() {
        return target.location();
    }

    /**
     * The configured database name, required where mdb names the database itself (CREATE/DROP DATABASE); a
     * configuration given only by a {@code jdbc:} URL has none.
     */
    protected String requireDatabaseName() {
        String database = config.database();
        if (database == null || database.isBlank()) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no 'database:' name (a jdbc: url is used as is), so mdb cannot create or drop it."
                    + " Add 'database:' with the name in the URL.");
        }
        return database;
    }

    protected Properties credentials() {
        return target.properties();
    }

    @Override
    public Connection connect() throws SQLException {
        return target.connect();
    }

    /** A connection to the server's maintenance database, for CREATE/DROP DATABASE. */
    protected Connection connectMaintenance() throws SQLException {
        return DriverManager.getConnection(urlFor(maintenanceDatabase()), credentials());
    }

    protected abstract String maintenanceDatabase();

    protected void executeOnServer(String sql) throws SQLException {
        try (Connection c = connectMaintenance();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void create() throws SQLException {
        requireDatabaseName();
        executeOnServer(createSql());
    }

    @Override
    public void drop() throws SQLException {
        executeOnServer("DROP DATABASE " + quote(requireDatabaseName()));
    }

    @Override
    public void purge() throws SQLException {
        try {
            drop();
        } catch (SQLException e) {
            if (classify(e) != ErrorKind.NO_DATABASE) {
                throw e;
            }
        }
        create();
    }

    /** Classification shared by engines: SQLState class 08 is unreachable, 28 is authentication. */
    protected ErrorKind classifyByState(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return ErrorKind.UNREACHABLE;
        }
        if (state != null && state.startsWith("28")) {
            return ErrorKind.AUTHENTICATION;
        }
        return ErrorKind.OTHER;
    }

    /** The database name for an engine tool; a config given only by a jdbc: url can't be handed to one. */
    protected String databaseForTools() {
        if (config.jdbcUrl() != null || config.database() == null) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") is configured by a jdbc: url; schema_format: structure needs host, port and database keys"
                    + " (or a postgres:// or mysql2:// url). Use schema_format: sql instead.");
        }
        return config.database();
    }
}
