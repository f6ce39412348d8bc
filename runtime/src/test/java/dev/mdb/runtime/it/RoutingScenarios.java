package dev.mdb.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RouteSwitchInTransactionException;
import dev.mdb.runtime.internal.TargetPools;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing DataSource on a real server: the replica entry uses a read-only user on the same database, so the
 * server itself also refuses writes there.
 */
abstract class RoutingScenarios {
    private static final String READONLY_PASSWORD = "ro-pw-31337";
    private Mdb mdb;
    private String database;

    abstract DatabaseServerExtension server();

    @BeforeEach
    void setUp() throws Exception {
        database = server().createDatabase();
        try (Connection c = server().connect(database);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dogs (id INTEGER PRIMARY KEY, name VARCHAR(50))");
            s.execute("INSERT INTO dogs (id, name) VALUES (1, 'Rex')");
        }
        String readOnlyUser = server().createReadOnlyRole(database, READONLY_PASSWORD);
        String yaml = "development:\n  primary:\n"
                + server().databaseYmlEntry(database)
                + "\n  primary_replica:\n"
                + server().databaseYmlEntry(database).replaceAll("(?m)^(\\s+username:).*$", "$1 " + readOnlyUser)
                + "\n    password: " + READONLY_PASSWORD + "\n    replica: true\n";
        mdb = Mdb.of(
                DatabaseConfigurations.parse(yaml, "database.yml", "development", Map.of()),
                "development",
                Path.of("."));
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    @Test
    void reading_goesToReplicaEntryAsReadOnlyUser() throws Exception {
        String user = mdb.router().connectedTo(Route.reading()).with(() -> query("SELECT current_user"));
        assertThat(user).startsWith("mdb_it_ro_");
        assertThat(query("SELECT name FROM dogs WHERE id = 1")).isEqualTo("Rex");
    }

    @Test
    void write_underReading_isRefusedByMdbBeforeTheServer() {
        assertThatThrownBy(() ->
                        mdb.router().connectedTo(Route.reading()).use(() -> execute("UPDATE dogs SET name = 'Max'")))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessage("Write query attempted while in readonly mode: UPDATE dogs SET name = 'Max'");
    }

    @Test
    void write_preventingWritesOnPrimary_classifierBypassed_isRefusedByServerSession() throws Exception {
        assertThatThrownBy(() -> mdb.router().whilePreventingWrites().use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.executeQuery("SELECT 1").close();
                        Connection physical = physicalOf(c);
                        try (Statement raw = physical.createStatement()) {
                            raw.execute("UPDATE dogs SET name = 'Max'");
                        }
                    }
                }))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        assertThat(query("SELECT name FROM dogs WHERE id = 1")).isEqualTo("Rex");
    }

    @Test
    void transaction_isPinnedAndRouteSwitchFailsFast() throws Exception {
        try (Connection c = mdb.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO dogs (id, name) VALUES (2, 'Fido')");
            }
            assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {}))
                    .isInstanceOf(RouteSwitchInTransactionException.class);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM dogs")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            c.rollback();
        }
        assertThat(query("SELECT count(*) FROM dogs")).isEqualTo("1");
    }

    @Test
    void pools_areReusedAcrossManyConnections() throws Exception {
        for (int i = 0; i < 20; i++) {
            query("SELECT 1");
            mdb.router().connectedTo(Route.reading()).with(() -> query("SELECT 1"));
        }
        TargetPools pools = mdb.dataSource().unwrap(TargetPools.class);
        assertThat(pools.created()).hasSize(2);
        assertThat(pools.created().get("primary").getHikariPoolMXBean().getTotalConnections())
                .isLessThanOrEqualTo(5);
    }

    private static Connection physicalOf(Connection logical) throws SQLException {
        for (String driverClass : new String[] {"org.postgresql.PGConnection", "org.mariadb.jdbc.Connection"}) {
            try {
                Class<?> type = Class.forName(driverClass);
                if (logical.isWrapperFor(type)) {
                    return (Connection) logical.unwrap(type);
                }
            } catch (ClassNotFoundException e) {
                // try the next driver
            }
        }
        throw new IllegalStateException("no driver connection behind " + logical);
    }

    private String query(String sql) throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
