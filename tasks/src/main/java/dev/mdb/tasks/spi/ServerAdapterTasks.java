package dev.mdb.tasks.spi;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
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
    private final DatabaseConfig config;

    protected ServerAdapterTasks(DatabaseConfig config) {
        this.config = config;
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

    protected abstract int defaultPort();

    /** The JDBC URL for {@code database} on the configured server ({@code null} database: server only). */
    protected abstract String urlFor(String database);

    /** The statement creating the configured database. */
    protected abstract String createSql();

    protected String host() {
        String host = config.host();
        return host == null || host.isBlank() ? "localhost" : host;
    }

    protected int port() {
        Integer port = config.port();
        return port == null ? defaultPort() : port;
    }

    protected String hostForUrl() {
        String host = host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String jdbcUrl() {
        String url = config.jdbcUrl();
        return url != null ? url : urlFor(config.database());
    }

    @Override
    public String location() {
        return host() + ":" + port();
    }

    protected Properties credentials() {
        Properties props = new Properties();
        if (config.username() != null) {
            props.setProperty("user", config.username());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        return props;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), credentials());
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
        executeOnServer(createSql());
    }

    @Override
    public void drop() throws SQLException {
        executeOnServer("DROP DATABASE " + quote(config.database()));
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
}
