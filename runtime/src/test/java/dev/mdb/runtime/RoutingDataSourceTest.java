package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.internal.TargetPools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingDataSourceTest {
    @TempDir
    Path project;

    private Mdb mdb;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/database.yml"), """
                development:
                  primary:
                    adapter: sqlite3
                    database: storage/primary.sqlite3
                  primary_replica:
                    adapter: sqlite3
                    database: storage/primary.sqlite3
                    replica: true
                """, StandardCharsets.UTF_8);
        Files.createDirectories(project.resolve("storage"));
        mdb = Mdb.fromDatabaseYml(project.resolve("config/database.yml"), "development", Map.of());
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dogs (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO dogs (name) VALUES ('Rex')");
        }
    }

    @AfterEach
    void tearDown() {
        mdb.close();
    }

    @Test
    void getConnection_readingRoute_readsFromReplicaEntry() throws Exception {
        String entry = mdb.router()
                .connectedTo(Route.reading())
                .with(() -> mdb.dataSource().describe().entry());
        assertThat(entry).isEqualTo("primary_replica");
        int count = mdb.router().connectedTo(Route.reading()).with(() -> countDogs());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void update_readingRoute_isRefusedBeforeReachingServer() throws Exception {
        assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("UPDATE dogs SET name = 'Max'");
                    }
                }))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessage("Write query attempted while in readonly mode: UPDATE dogs SET name = 'Max'")
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("25006");
        assertThat(names()).isEqualTo("Rex");
    }

    @Test
    void writeBypassingClassifier_readingRoute_isRefusedByReadOnlySession() throws Exception {
        assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.executeQuery("SELECT 1").close(); // borrows the physical connection
                        Connection physical = (Connection) c.unwrap(Class.forName("org.sqlite.SQLiteConnection"));
                        try (Statement raw = physical.createStatement()) {
                            raw.execute("DELETE FROM dogs");
                        }
                    }
                }))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("readonly");
        assertThat(names()).isEqualTo("Rex");
    }

    @Test
    void executeUpdate_preventingWrites_judgedByItsText() throws Exception {
        // Transaction and session statements change no data: allowed through executeUpdate too (Spring's read-only
        // enforcement sends SET TRANSACTION READ ONLY that way).
        int updated = mdb.router().whilePreventingWrites().with(() -> {
            try (Connection c = mdb.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                return s.executeUpdate("BEGIN") + s.executeUpdate("SAVEPOINT a") + s.executeUpdate("ROLLBACK");
            }
        });
        assertThat(updated).isZero();
        assertThatThrownBy(() -> mdb.router().whilePreventingWrites().use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM dogs");
                    }
                }))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("DELETE FROM dogs");
        assertThat(names()).isEqualTo("Rex");
    }

    @Test
    void batch_preventingWrites_eachAddedStatementJudged() throws Exception {
        assertThatThrownBy(() -> mdb.router().whilePreventingWrites().use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.addBatch("INSERT INTO dogs (name) VALUES ('Fido')");
                        s.executeBatch();
                    }
                }))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("INSERT INTO dogs");
        assertThatThrownBy(() -> mdb.router().whilePreventingWrites().use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            java.sql.PreparedStatement s = c.prepareStatement("UPDATE dogs SET name = ?")) {
                        s.setString(1, "Fido");
                        s.addBatch();
                        s.executeBatch();
                    }
                }))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("UPDATE dogs");
        assertThat(names()).isEqualTo("Rex");
    }

    @Test
    void switchRoute_insideOpenTransaction_failsFast() throws Exception {
        try (Connection c = mdb.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO dogs (name) VALUES ('Fido')");
            }
            assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {}))
                    .isInstanceOf(RouteSwitchInTransactionException.class)
                    .hasMessageContaining("while a transaction is open");
            c.rollback();
            mdb.router().connectedTo(Route.reading()).use(() -> {});
        }
    }

    @Test
    void readOnlyTransaction_beforeFirstStatement_routesToReplica() throws Exception {
        try (Connection c = mdb.dataSource().getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM dogs")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(c.toString()).contains("primary_replica");
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("DELETE FROM dogs");
                        }
                    })
                    .isInstanceOf(ReadOnlyViolationException.class);
            c.commit();
        }
    }

    @Test
    void pools_manyConnections_reuseOnePoolPerEntry() throws Exception {
        for (int i = 0; i < 5; i++) {
            countDogs();
            mdb.router().connectedTo(Route.reading()).with(() -> countDogs());
        }
        TargetPools pools = mdb.dataSource().unwrap(TargetPools.class);
        assertThat(pools.created().keySet()).containsExactlyInAnyOrder("primary", "primary_replica");
    }

    @Test
    void heldConnection_outsideTransaction_followsRouteBetweenStatements() throws Exception {
        try (Connection c = mdb.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE dogs SET name = 'Max'");
            }
            assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("UPDATE dogs SET name = 'Bo'");
                        }
                    }))
                    .isInstanceOf(ReadOnlyViolationException.class);
        }
        assertThat(names()).isEqualTo("Max");
    }

    private int countDogs() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM dogs")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String names() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT group_concat(name) FROM dogs")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
