package dev.mdb.tasks.spi;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.ErrorKind;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.ServerTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shared by client/server engines: host/port defaults, credentials passed as properties (never in the URL), and
 * create/drop run on a maintenance connection.
 */
public abstract class ServerAdapterTasks implements AdapterTasks {
    private final ServerTarget target;

    protected ServerAdapterTasks(ServerTarget target) {
        this.target = target;
        DatabaseConfig config = target.config();
        if (config.jdbcUrl() == null
                && (config.database() == null || config.database().isBlank())) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no 'database:' name. Add 'database:' or a 'url:'.");
        }
    }

    @Override
    public JdbcTarget target() {
        return target;
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

    /**
     * The configured database name, required where mdb names the database itself (CREATE/DROP DATABASE); a
     * configuration given only by a {@code jdbc:} URL has none.
     */
    protected String requireDatabaseName() {
        DatabaseConfig config = config();
        String database = config.database();
        if (database == null || database.isBlank()) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") has no 'database:' name (a jdbc: url is used as is), so mdb cannot create or drop it."
                    + " Add 'database:' with the name in the URL.");
        }
        return database;
    }

    /** A connection to the server's maintenance database, for CREATE/DROP DATABASE. */
    protected Connection connectMaintenance() throws SQLException {
        return DriverManager.getConnection(urlFor(maintenanceDatabase()), target.properties());
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

    /** The database name for an engine tool; a config given only by a jdbc: url can't be handed to one. */
    protected String databaseForTools() {
        DatabaseConfig config = config();
        if (config.jdbcUrl() != null || config.database() == null) {
            throw new ConfigException("database '" + config.name() + "' (" + config.label()
                    + ") is configured by a jdbc: url; schema_format: structure needs host, port and database keys"
                    + " (or a postgres:// or mysql2:// url). Use schema_format: sql instead.");
        }
        return config.database();
    }
}
