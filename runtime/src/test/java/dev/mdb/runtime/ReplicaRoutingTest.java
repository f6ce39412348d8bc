package dev.mdb.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replica sets on SQLite files: each file knows its own name, so a query shows which entry served it. */
class ReplicaRoutingTest {
    private static final String PRIMARY = """
              primary:
                adapter: sqlite3
                database: storage/primary.sqlite3
                health_check_interval: 0.05
            """;

    @TempDir
    Path project;

    private Mdb mdb;

    private Mdb open(String entries) throws Exception {
        Files.createDirectories(project.resolve("config"));
        Files.createDirectories(project.resolve("storage"));
        Files.writeString(project.resolve("config/database.yml"), "development:\n" + entries, StandardCharsets.UTF_8);
        for (String name : List.of("primary", "replica_1", "replica_2")) {
            try (Connection c = DriverManager.getConnection(
                            "jdbc:sqlite:" + project.resolve("storage/" + name + ".sqlite3"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE whoami (name TEXT)");
                s.execute("INSERT INTO whoami VALUES ('" + name + "')");
            }
        }
        mdb = Mdb.fromDatabaseYml(project.resolve("config/database.yml"), "development", Map.of());
        return mdb;
    }

    private static String replica(int n, String extra) {
        return "  primary_replica_" + n + ":\n    adapter: sqlite3\n    database: storage/replica_" + n
                + ".sqlite3\n    replica: true\n" + extra;
    }

    private Mdb twoReplicas() throws Exception {
        return open(PRIMARY + replica(1, "") + replica(2, ""));
    }

    @AfterEach
    void tearDown() {
        if (mdb != null) {
            mdb.close();
        }
    }

    private String whoami() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM whoami")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String readingWhoami() throws SQLException {
        return mdb.router().connectedTo(Route.reading()).with(this::whoami);
    }

    private Map<String, Integer> readSpread(int n) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(readingWhoami(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void reading_twoReplicas_roundRobinSplitsEvenly() throws Exception {
        twoReplicas();
        assertThat(readSpread(100)).containsEntry("replica_1", 50).containsEntry("replica_2", 50);
    }

    @Test
    void reading_weights_splitByWeight() throws Exception {
        open(PRIMARY + replica(1, "    weight: 3\n") + replica(2, ""));
        assertThat(readSpread(100)).containsEntry("replica_1", 75).containsEntry("replica_2", 25);
    }

    @Test
    void writing_goesToPrimary() throws Exception {
        twoReplicas();
        assertThat(whoami()).isEqualTo("primary");
    }

    @Test
    void failedReplica_takenOut_readsContinueOnTheOther() throws Exception {
        twoReplicas();
        mdb.replicas().failed("primary_replica_1", new SQLException("gone", "08006"));
        // Right after the failure, before any probe can readmit it, every read avoids it.
        assertThat(readSpread(10)).containsOnlyKeys("replica_2");
    }

    @Test
    void failedReplica_probedBackIn_afterGoodProbes() throws Exception {
        twoReplicas();
        readingWhoami(); // the first read starts the health checks
        mdb.replicas().failed("primary_replica_1", new SQLException("gone", "08006"));
        assertThat(state("primary_replica_1")).isEqualTo(TargetState.DOWN);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state("primary_replica_1") != TargetState.UP && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(state("primary_replica_1")).isEqualTo(TargetState.UP);
        assertThat(readSpread(10)).containsEntry("replica_1", 5).containsEntry("replica_2", 5);
    }

    private TargetState state(String entry) {
        return mdb.replicas().status(false).stream()
                .filter(s -> s.entry().equals(entry))
                .findFirst()
                .orElseThrow()
                .state();
    }

    @Test
    void allReplicasDown_primaryFallback_readsFromPrimaryWithWritesPrevented() throws Exception {
        twoReplicas();
        mdb.replicas().failed("primary_replica_1", new SQLException("gone", "08006"));
        mdb.replicas().failed("primary_replica_2", new SQLException("gone", "08006"));
        ResolvedTarget target = mdb.router()
                .connectedTo(Route.reading())
                .with(() -> mdb.dataSource().describe());
        assertThat(target.entry()).isEqualTo("primary");
        assertThat(target.reason()).isEqualTo(ResolvedTarget.Reason.NO_HEALTHY_REPLICA);
        assertThat(target.writesPrevented()).isTrue();
        assertThat(readingWhoami()).isEqualTo("primary");
        assertThatThrownBy(() -> mdb.router().connectedTo(Route.reading()).use(() -> {
                    try (Connection c = mdb.dataSource().getConnection();
                            Statement s = c.createStatement()) {
                        s.execute("DELETE FROM whoami");
                    }
                }))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThat(whoami()).isEqualTo("primary");
    }

    @Test
    void allReplicasDown_failPolicy_throwsNoHealthyReplica() throws Exception {
        open(PRIMARY + "    no_replica_policy: fail\n" + replica(1, ""));
        mdb.replicas().failed("primary_replica_1", new SQLException("gone", "08006"));
        assertThatThrownBy(this::readingWhoami)
                .isInstanceOf(NoHealthyReplicaException.class)
                .hasMessageContaining("no healthy replica for 'reading' role")
                .hasMessageContaining("mdb db:replicas");
    }

    @Test
    void unitOfWork_recentWrite_timeWindow_readsFromPrimary() throws Exception {
        twoReplicas();
        ConsistencyState client = ConsistencyState.empty()
                .with(RouteKey.of("primary", "default"), WriteMark.at(System.currentTimeMillis()));
        UnitOfWork unit = new UnitOfWork(client, ReadConsistency.timeWindow(Duration.ofSeconds(30)), false);
        assertThat(mdb.router().within(unit).with(this::readingWhoami)).isEqualTo("primary");
        assertThat(unit.targets().get(RouteKey.of("primary", "default")).reason())
                .isEqualTo(ResolvedTarget.Reason.WINDOW_PRIMARY);
    }

    @Test
    void unitOfWork_oldWrite_readsFromReplica_andSticksToIt() throws Exception {
        twoReplicas();
        ConsistencyState client = ConsistencyState.empty()
                .with(RouteKey.of("primary", "default"), WriteMark.at(System.currentTimeMillis() - 5_000));
        UnitOfWork unit = new UnitOfWork(client, ReadConsistency.timeWindow(Duration.ofSeconds(2)), false);
        List<String> reads = mdb.router()
                .within(unit)
                .with(() -> List.of(readingWhoami(), readingWhoami(), readingWhoami(), readingWhoami()));
        assertThat(reads).allMatch(r -> r.startsWith("replica_")).containsOnly(reads.get(0));
    }

    @Test
    void unitOfWork_records_actualWritesOnly() throws Exception {
        twoReplicas();
        UnitOfWork reads = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
        mdb.router().within(reads).use(this::whoami);
        assertThat(reads.wrote()).isFalse();
        assertThat(mdb.recordWrites(reads).isEmpty()).isTrue();

        UnitOfWork writes = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
        long before = System.currentTimeMillis();
        mdb.router().within(writes).use(() -> {
            try (Connection c = mdb.dataSource().getConnection();
                    PreparedStatement p = c.prepareStatement("INSERT INTO whoami VALUES (?)")) {
                p.setString(1, "second");
                p.executeUpdate();
            }
        });
        assertThat(writes.writes()).containsExactly(RouteKey.of("primary", "default"));
        ConsistencyState next = mdb.recordWrites(writes);
        WriteMark mark = next.marks().get(RouteKey.of("primary", "default"));
        assertThat(mark.writtenAtMillis()).isGreaterThanOrEqualTo(before);
        assertThat(mark.hasPosition()).as("SQLite has no position").isFalse();
    }

    @Test
    void unitOfWork_writesRefused_refusesEvenExplicitWritingFrame() throws Exception {
        twoReplicas();
        UnitOfWork strict = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), true);
        assertThatThrownBy(() -> mdb.router()
                        .within(strict)
                        .use(() -> mdb.router()
                                .connectedTo(Route.writing().allowWrites())
                                .use(() -> {
                                    try (Connection c = mdb.dataSource().getConnection();
                                            Statement s = c.createStatement()) {
                                        s.execute("DELETE FROM whoami");
                                    }
                                })))
                .isInstanceOf(ReadOnlyViolationException.class)
                .hasMessage("Write query attempted while in readonly mode: DELETE FROM whoami");
        assertThat(whoami()).isEqualTo("primary");
    }

    @Test
    void status_listsReplicasWithWriterAndWeight() throws Exception {
        open(PRIMARY + replica(1, "    weight: 2\n    max_replication_lag: 1.5\n") + replica(2, ""));
        List<ReplicaStatus> rows = mdb.replicas().status(true);
        assertThat(rows).extracting(ReplicaStatus::entry).containsExactly("primary_replica_1", "primary_replica_2");
        assertThat(rows.get(0).writer()).isEqualTo("primary");
        assertThat(rows.get(0).weight()).isEqualTo(2);
        assertThat(rows.get(0).maxLagSeconds()).isEqualTo(1.5);
        assertThat(rows.get(0).reachable()).isTrue();
        assertThat(rows.get(0).state()).isEqualTo(TargetState.UP);
    }

    @Test
    void invalidWeight_isConfigError() throws Exception {
        assertThatThrownBy(() -> open(PRIMARY + replica(1, "    weight: 0\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid weight '0' for database 'primary_replica_1'")
                .hasMessageContaining("whole number from 1 to 1000");
    }

    @Test
    void invalidBalancing_isConfigError() throws Exception {
        assertThatThrownBy(() -> open(PRIMARY + "    replica_balancing: fastest\n" + replica(1, "") + replica(2, "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid replica_balancing 'fastest'")
                .hasMessageContaining("round_robin, weighted or least_in_flight");
    }
}
