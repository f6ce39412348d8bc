package dev.mdb.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Administrative JDBC work on one server: connecting, and running the engine's SQL for databases and roles. */
final class ServerAdmin {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final Engine engine;
    private final ServerAddress address;

    ServerAdmin(Engine engine, ServerAddress address) {
        this.engine = engine;
        this.address = address;
    }

    /** Connects to {@code database}; {@code null} or empty: the maintenance database. */
    Connection connect(String database) throws SQLException {
        return ServerLocator.open(engine, address, database, CONNECT_TIMEOUT_SECONDS);
    }

    boolean databaseExists(String name) throws SQLException {
        try (Connection admin = connect(null);
                PreparedStatement query = admin.prepareStatement(engine.databaseExistsQuery())) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Runs statements, in order, on {@code database} ({@code null}: the maintenance database). */
    void run(String database, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    void dropDatabase(String name) throws SQLException {
        run(null, List.of(engine.dropDatabaseSql(name)));
    }

    /**
     * Drops a role created for {@code database}. Drop databases first: grants held in a database that still exists must
     * be revoked there before the role can go (PostgreSQL's DROP OWNED BY).
     */
    void dropRole(String role, String database) throws SQLException {
        List<String> revoke = engine.revokeInDatabaseSql(role);
        if (!revoke.isEmpty() && databaseExists(database)) {
            run(database, revoke);
        }
        run(null, engine.dropRoleSql(role));
    }
}
