package dev.mdb.cli.it;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * One test server as the tests see it from outside mdb: database.yml entries pointing at it, and plain JDBC checks of
 * what mdb did (databases, tables and columns that exist).
 */
final class ServerDatabases {
    private final DatabaseServerExtension server;
    private final String databaseExistsQuery;
    private final UnaryOperator<String> tableSchema;

    /**
     * @param databaseExistsQuery a query with one parameter, a database name, returning a row when it exists
     * @param tableSchema the {@code information_schema} {@code table_schema} of tables in the given database
     */
    ServerDatabases(DatabaseServerExtension server, String databaseExistsQuery, UnaryOperator<String> tableSchema) {
        this.server = server;
        this.databaseExistsQuery = databaseExistsQuery;
        this.tableSchema = tableSchema;
    }

    DatabaseServerExtension server() {
        return server;
    }

    /** Rails' 3-tier layout: primary, its replica (same database, another login), animals with its own migrations. */
    String developmentYml(String primary, String animals, String replicaUser, String replicaPassword) {
        return "development:\n"
                + "  primary:\n"
                + server.databaseYmlEntry(primary)
                + "  primary_replica:\n"
                + entry(primary, replicaUser, replicaPassword)
                + "    replica: true\n"
                + "  animals:\n"
                + server.databaseYmlEntry(animals)
                + "    migrations_paths: db/animals_migrate\n";
    }

    /** A 3-tier entry (four spaces in) for {@code database} on this server with the given login. */
    String entry(String database, String username, String password) {
        return entry(database, server.host(), server.port(), username, password);
    }

    /** A 3-tier entry (four spaces in) for {@code database} on any host and port with the given login. */
    String entry(String database, String host, int port, String username, String password) {
        return "    adapter: " + server.adapter() + "\n"
                + "    host: \"" + host + "\"\n"
                + "    port: " + port + "\n"
                + "    username: \"" + username + "\"\n"
                + "    password: \"" + password + "\"\n"
                + "    database: \"" + database + "\"\n";
    }

    boolean databaseExists(String database) throws SQLException {
        try (Connection admin = server.connect(null);
                PreparedStatement query = admin.prepareStatement(databaseExistsQuery)) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    boolean tableExists(String database, String table) throws SQLException {
        String sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
        return count(database, sql, tableSchema.apply(database), table) > 0;
    }

    boolean columnExists(String database, String table, String column) throws SQLException {
        String sql = "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND column_name = ?";
        return count(database, sql, tableSchema.apply(database), table, column) > 0;
    }

    /** The single number {@code sql} returns on {@code database}, as the extension's admin user. */
    long count(String database, String sql, String... parameters) throws SQLException {
        try (Connection c = server.connect(database);
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = server.connect(database);
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
