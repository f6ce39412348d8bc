package dev.mdb.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.TargetState;
import dev.mdb.runtime.UnitOfWork;
import dev.mdb.runtime.WriteMark;
import dev.mdb.testsupport.PostgresReplicaCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replica sets on a real PostgreSQL primary with two hot standbys: balancing, lag, read-your-writes, failures. */
@Tag("postgresql")
class ReplicaClusterIT {
    @RegisterExtension
    static final PostgresReplicaCluster CLUSTER = PostgresReplicaCluster.create();

    private static final RouteKey PRIMARY = RouteKey.of("primary", "default");

    @TempDir
    Path project;

    private String database;
    private Mdb mdb;

    @BeforeEach
    void setUp() throws Exception {
        database = CLUSTER.createDatabase();
        try (Connection c = CLUSTER.connect(CLUSTER.primaryPort(), database);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trips (id serial PRIMARY KEY, name text)");
        }
        CLUSTER.waitForReplay(1);
        CLUSTER.waitForReplay(2);
        String yml = "production:\n  primary:\n" + CLUSTER.ymlEntry(CLUSTER.primaryPort(), database)
                + "    health_check_interval: 0.1\n    max_replication_lag: 1\n"
                + "  primary_replica_1:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(1), database)
                + "    replica: true\n"
                + "  primary_replica_2:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(2), database)
                + "    replica: true\n";
        mdb = Mdb.of(DatabaseConfigurations.parse(yml, "database.yml", "production", Map.of()), "production", project);
    }

    @AfterEach
    void tearDown() {
        if (mdb != null) {
            mdb.close();
        }
    }

    private int port() throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT inet_server_port()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The same through a prepared statement with a parameter (replayed when a read is retried elsewhere). */
    private int preparedReadingPort() throws SQLException {
        return mdb.router().connectedTo(Route.reading()).with(() -> {
            try (Connection c = mdb.dataSource().getConnection();
                    PreparedStatement p = c.prepareStatement("SELECT inet_server_port() + ?")) {
                p.setInt(1, 0);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private int readingPort() throws SQLException {
        return mdb.router().connectedTo(Route.reading()).with(this::port);
    }

    private long insert(String name) throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO trips (name) VALUES ('" + name + "')");
        }
        return 1;
    }

    private boolean sees(String name) throws SQLException {
        try (Connection c = mdb.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM trips WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private TargetState state(String entry) {
        return mdb.replicas().status(false).stream()
                .filter(r -> r.entry().equals(entry))
                .findFirst()
                .orElseThrow()
                .state();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void reading_roundRobin_splitsEvenlyAcrossBothStandbys_writesOnPrimary() throws Exception {
        Map<Integer, Integer> ports = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            ports.merge(readingPort(), 1, Integer::sum);
        }
        assertThat(ports).containsEntry(CLUSTER.standbyPort(1), 50).containsEntry(CLUSTER.standbyPort(2), 50);
        assertThat(port()).isEqualTo(CLUSTER.primaryPort());
        List<ReplicaStatus> status = mdb.replicas().status(true);
        assertThat(status).allSatisfy(r -> {
            assertThat(r.serverRole()).isEqualTo("standby");
            assertThat(r.reachable()).isTrue();
            assertThat(r.inRotation()).isTrue();
        });
    }

    @Test
    void laggingStandby_excludedWhileBehind_readmittedWhenCaughtUp() throws Exception {
        readingPort(); // starts the health checks
        await(
                "both standbys up",
                Duration.ofSeconds(10),
                () -> state("primary_replica_1") == TargetState.UP && state("primary_replica_2") == TargetState.UP);
        CLUSTER.setApplyDelay(1, Duration.ofSeconds(4));
        try {
            insert("delayed");
            await("standby 1 lagging", Duration.ofSeconds(10), () -> state("primary_replica_1") == TargetState.LAGGING);
            ReplicaStatus lagging = mdb.replicas().status(false).get(0);
            assertThat(lagging.lagSeconds()).isGreaterThan(1.0);
            assertThat(lagging.lagBytes()).isPositive();
            for (int i = 0; i < 20; i++) {
                assertThat(readingPort()).isEqualTo(CLUSTER.standbyPort(2));
            }
            await("standby 1 readmitted", Duration.ofSeconds(20), () -> state("primary_replica_1") == TargetState.UP);
            Map<Integer, Integer> ports = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                ports.merge(readingPort(), 1, Integer::sum);
            }
            assertThat(ports).containsEntry(CLUSTER.standbyPort(1), 10).containsEntry(CLUSTER.standbyPort(2), 10);
        } finally {
            CLUSTER.setApplyDelay(1, Duration.ZERO);
        }
    }

    @Test
    void causal_readsYourWrite_fromAStandbyThatReplayedIt_orThePrimary() throws Exception {
        CLUSTER.setApplyDelay(1, Duration.ofSeconds(30));
        try {
            UnitOfWork post = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
            mdb.router().within(post).use(() -> insert("mine"));
            ConsistencyState state = mdb.recordWrites(post);
            WriteMark mark = state.marks().get(PRIMARY);
            assertThat(mark.position()).startsWith("pg:");
            // Standby 1 can't have it (30 s apply delay); standby 2 or the primary must serve, and the row is there.
            for (int i = 0; i < 10; i++) {
                UnitOfWork get = new UnitOfWork(state, ReadConsistency.causal(), false);
                boolean seen = mdb.router()
                        .within(get)
                        .with(() -> mdb.router().connectedTo(Route.reading()).with(() -> sees("mine")));
                assertThat(seen).as("read %d sees its own write", i).isTrue();
                ResolvedTarget served = get.targets().get(PRIMARY);
                assertThat(served.entry()).isNotEqualTo("primary_replica_1");
            }
            // Both standbys behind: the primary serves, with writes prevented.
            CLUSTER.setApplyDelay(2, Duration.ofSeconds(30));
            UnitOfWork second = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
            mdb.router().within(second).use(() -> insert("mine again"));
            ConsistencyState later = mdb.recordWrites(second);
            UnitOfWork get = new UnitOfWork(later, ReadConsistency.causal(), false);
            boolean seen = mdb.router()
                    .within(get)
                    .with(() -> mdb.router().connectedTo(Route.reading()).with(() -> sees("mine again")));
            assertThat(seen).isTrue();
            ResolvedTarget served = get.targets().get(PRIMARY);
            assertThat(served.entry()).isEqualTo("primary");
            assertThat(served.reason()).isEqualTo(ResolvedTarget.Reason.POSITION_NOT_REPLICATED);
            assertThat(served.writesPrevented()).isTrue();
        } finally {
            CLUSTER.setApplyDelay(1, Duration.ZERO);
            CLUSTER.setApplyDelay(2, Duration.ZERO);
        }
    }

    @Test
    void causal_noRecentWrite_usesStandbys() throws Exception {
        UnitOfWork get = new UnitOfWork(ConsistencyState.empty(), ReadConsistency.causal(), false);
        int port = mdb.router().within(get).with(this::readingPort);
        assertThat(port).isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void timeWindow_primaryWithinDelay_standbyAfter() throws Exception {
        ReadConsistency window = ReadConsistency.timeWindow(Duration.ofMillis(500));
        UnitOfWork post = new UnitOfWork(ConsistencyState.empty(), window, false);
        mdb.router().within(post).use(() -> insert("windowed"));
        ConsistencyState state = mdb.recordWrites(post);
        UnitOfWork soon = new UnitOfWork(state, window, false);
        assertThat(mdb.router().within(soon).with(this::readingPort)).isEqualTo(CLUSTER.primaryPort());
        assertThat(soon.targets().get(PRIMARY).reason()).isEqualTo(ResolvedTarget.Reason.WINDOW_PRIMARY);
        Thread.sleep(600);
        UnitOfWork later = new UnitOfWork(state, window, false);
        assertThat(mdb.router().within(later).with(this::readingPort))
                .isIn(CLUSTER.standbyPort(1), CLUSTER.standbyPort(2));
    }

    @Test
    void standbyStopped_during1000Reads_readsContinueOnTheOther_andItComesBack() throws Exception {
        List<Integer> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<Integer, Integer> afterStop = new HashMap<>();
        try {
            for (int i = 0; i < 1000; i++) {
                if (i == 300) {
                    CLUSTER.stopStandby(2);
                }
                try {
                    int port = i % 2 == 0 ? readingPort() : preparedReadingPort();
                    if (i >= 300) {
                        afterStop.merge(port, 1, Integer::sum);
                    }
                } catch (SQLException e) {
                    failures.add(i);
                    errors.add(e.getMessage());
                }
            }
            // The read that meets the broken connection is retried on the other standby: no read fails at all.
            assertThat(failures).as("reads that failed: %s", errors).isEmpty();
            assertThat(afterStop.getOrDefault(CLUSTER.standbyPort(1), 0)).isGreaterThanOrEqualTo(690);
            assertThat(state("primary_replica_2")).isEqualTo(TargetState.DOWN);
        } finally {
            CLUSTER.startStandby(2);
        }
        await("standby 2 readmitted", Duration.ofSeconds(60), () -> state("primary_replica_2") == TargetState.UP);
        Map<Integer, Integer> ports = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            ports.merge(readingPort(), 1, Integer::sum);
        }
        assertThat(ports).containsEntry(CLUSTER.standbyPort(2), 10);
    }

    /**
     * With the default health settings (probe every 1 s, at most 1 s between probes of a down replica), a standby that
     * was down for 5 s (long enough for a doubling back-off to reach 4–8 s) serves reads again within about a second
     * of accepting connections: at most 2.5 s here, probe jitter and a loaded machine included.
     */
    @Test
    void standbyRestarted_defaultHealthSettings_readmittedWithinAboutASecond() throws Exception {
        String yml = "production:\n  primary:\n" + CLUSTER.ymlEntry(CLUSTER.primaryPort(), database)
                + "  primary_replica_1:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(1), database)
                + "    replica: true\n"
                + "  primary_replica_2:\n" + CLUSTER.ymlEntry(CLUSTER.standbyPort(2), database)
                + "    replica: true\n";
        mdb.close();
        mdb = Mdb.of(DatabaseConfigurations.parse(yml, "database.yml", "production", Map.of()), "production", project);
        readingPort(); // starts the health checks
        await("standby 2 up", Duration.ofSeconds(10), () -> state("primary_replica_2") == TargetState.UP);
        long readmitted;
        long started;
        try {
            CLUSTER.stopStandby(2);
            await("standby 2 down", Duration.ofSeconds(10), () -> state("primary_replica_2") == TargetState.DOWN);
            Thread.sleep(5000);
            assertThat(state("primary_replica_2")).isEqualTo(TargetState.DOWN);
        } finally {
            CLUSTER.startStandby(2);
            started = System.nanoTime();
        }
        await("standby 2 readmitted", Duration.ofSeconds(30), () -> state("primary_replica_2") == TargetState.UP);
        readmitted = System.nanoTime();
        assertThat(Duration.ofNanos(readmitted - started)).isLessThanOrEqualTo(Duration.ofMillis(2500));
    }
}
