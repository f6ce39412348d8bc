package dev.mdb.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgresql")
class PostgresReplicaClusterIT {

    @RegisterExtension
    static PostgresReplicaCluster cluster = PostgresReplicaCluster.create();

    private static String database;

    @BeforeAll
    static void createTable() throws SQLException {
        database = cluster.createDatabase();
        update(cluster.primaryPort(), "CREATE TABLE animals (id int PRIMARY KEY, name text NOT NULL)");
        cluster.waitForReplay(1);
        cluster.waitForReplay(2);
    }

    @Test
    void standbys_afterStart_areInRecoveryAndStreaming() throws SQLException {
        assertThat(strings(cluster.primaryPort(), "SELECT pg_is_in_recovery()::text"))
                .containsExactly("false");
        assertThat(strings(cluster.standbyPort(1), "SELECT pg_is_in_recovery()::text"))
                .containsExactly("true");
        assertThat(strings(cluster.standbyPort(2), "SELECT pg_is_in_recovery()::text"))
                .containsExactly("true");
        assertThat(strings(
                        cluster.primaryPort(),
                        "SELECT application_name FROM pg_stat_replication WHERE state = 'streaming' ORDER BY 1"))
                .containsExactly("standby1", "standby2");
    }

    @Test
    void insertOnPrimary_afterWaitForReplay_isVisibleOnStandby2AndLoggedThere() throws SQLException {
        update(cluster.primaryPort(), "INSERT INTO animals VALUES (1, 'cat')");
        cluster.waitForReplay(2);

        String marker = "mark-" + UUID.randomUUID();
        assertThat(strings(cluster.standbyPort(2), "SELECT name FROM animals WHERE id = 1 -- " + marker))
                .containsExactly("cat");
        assertThat(cluster.statementLog(cluster.standbyPort(2), marker))
                .singleElement()
                .asString()
                .contains("port=" + cluster.standbyPort(2));
        assertThat(cluster.statementLog(cluster.primaryPort(), marker)).isEmpty();
        assertThat(cluster.statementLog(cluster.standbyPort(1), marker)).isEmpty();
    }

    @Test
    void applyDelayOnStandby1_newRow_isHiddenThereUntilTheDelayPassed() throws SQLException {
        Duration delay = Duration.ofSeconds(3);
        cluster.setApplyDelay(1, delay);
        try {
            update(cluster.primaryPort(), "INSERT INTO animals VALUES (2, 'dog')");
            long committed = System.nanoTime();
            cluster.waitForReplay(2);

            assertThat(strings(cluster.standbyPort(2), "SELECT name FROM animals WHERE id = 2"))
                    .containsExactly("dog");
            assertThat(strings(cluster.standbyPort(1), "SELECT name FROM animals WHERE id = 2"))
                    .isEmpty();

            cluster.waitForReplay(1);
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).isGreaterThan(delay.minusMillis(500));
            assertThat(strings(cluster.standbyPort(1), "SELECT name FROM animals WHERE id = 2"))
                    .containsExactly("dog");
        } finally {
            cluster.setApplyDelay(1, Duration.ZERO);
        }
    }

    @Test
    void stopStandby2_thenStart_refusesConnectionsThenStreamsAgain() throws SQLException {
        cluster.stopStandby(2);
        try {
            assertThatThrownBy(() ->
                            cluster.connect(cluster.standbyPort(2), database).close())
                    .isInstanceOf(SQLException.class);
            update(cluster.primaryPort(), "INSERT INTO animals VALUES (3, 'owl')");
        } finally {
            cluster.startStandby(2);
        }

        assertThat(strings(
                        cluster.primaryPort(),
                        "SELECT state FROM pg_stat_replication WHERE application_name = 'standby2'"))
                .containsExactly("streaming");
        cluster.waitForReplay(2);
        assertThat(strings(cluster.standbyPort(2), "SELECT name FROM animals WHERE id = 3"))
                .containsExactly("owl");
    }

    private static void update(int port, String sql) throws SQLException {
        try (Connection connection = cluster.connect(port, database);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static List<String> strings(int port, String sql) throws SQLException {
        try (Connection connection = cluster.connect(port, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
