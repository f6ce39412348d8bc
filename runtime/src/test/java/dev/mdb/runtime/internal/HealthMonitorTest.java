package dev.mdb.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.TargetState;
import dev.mdb.runtime.engine.JdbcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-probe schedule of a replica that is down, on an SQLite "replica" whose file is missing (a replica is opened
 * read-only, so it cannot be: down) and then created (it answers): the wait between probes of a down replica doubles from 250 ms up to
 * the watch's maximum back-off, and once it answers it is probed every 100 ms until its third good probe brings it
 * back. Probed with {@link HealthMonitor#probeNow}, so no clock decides: the schedule is read from the next probe time
 * each probe sets.
 */
class HealthMonitorTest {
    private static final String REPLICA = "primary_replica";

    @TempDir
    Path project;

    private HealthMonitor monitor(Path database) {
        DatabaseConfig config = DatabaseConfigurations.parse(
                        "development:\n  primary_replica:\n    adapter: sqlite3\n    database: " + database + "\n",
                        "database.yml",
                        "development",
                        Map.of())
                .find("development", REPLICA)
                .orElseThrow();
        JdbcTarget target = JdbcTarget.of(config, project);
        return new HealthMonitor(entry -> target);
    }

    private static HealthMonitor.Watch watch(Duration maxBackoff) {
        return new HealthMonitor.Watch(
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), maxBackoff);
    }

    /** Probes now and returns how long until the next probe is due, in ms. */
    private static long probe(HealthMonitor monitor, HealthMonitor.Watch watch) {
        long before = System.currentTimeMillis();
        TargetHealth health = monitor.probeNow(REPLICA, watch);
        return health.nextProbeAt - before;
    }

    @Test
    void downReplica_reprobedSoon_backInAfterThreeQuickProbes() throws Exception {
        Path dir = project.resolve("storage");
        try (HealthMonitor monitor = monitor(dir.resolve("replica.sqlite3"))) {
            HealthMonitor.Watch watch = watch(Duration.ofSeconds(1));

            long[] delays = new long[4];
            for (int i = 0; i < delays.length; i++) {
                delays[i] = probe(monitor, watch);
                assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.DOWN);
            }
            // 250, 500, 1000, 1000 ms (plus the probe's own time): never more than the 1 s default maximum.
            assertThat(delays[0]).isBetween(250L, 400L);
            assertThat(delays[1]).isBetween(500L, 650L);
            assertThat(delays[2]).isBetween(1000L, 1150L);
            assertThat(delays[3]).isBetween(1000L, 1150L);

            // The replica's file appears (an empty file is an empty SQLite database).
            Files.createDirectories(dir);
            Files.createFile(dir.resolve("replica.sqlite3"));
            assertThat(probe(monitor, watch))
                    .as("after the first answer; %s", monitor.health(REPLICA).error())
                    .isBetween(100L, 250L);
            assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.DOWN);
            assertThat(probe(monitor, watch)).as("after the second").isBetween(100L, 250L);
            assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.DOWN);
            long afterThird = probe(monitor, watch);
            assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.UP);
            assertThat(afterThird).as("back to the interval, 1 to 1.5 s").isBetween(1000L, 1650L);
        }
    }

    @Test
    void maxBackoff_setting_boundsTheWaitWhileDown() throws Exception {
        try (HealthMonitor monitor = monitor(project.resolve("missing/replica.sqlite3"))) {
            HealthMonitor.Watch watch = watch(Duration.ofSeconds(5));
            long last = 0;
            for (int i = 0; i < 8; i++) {
                last = probe(monitor, watch);
            }
            assertThat(last).isBetween(5000L, 5150L);
        }
    }

    @Test
    void passiveFailure_takesOutAtOnce_firstReprobeAfter250Ms() throws Exception {
        Files.createFile(project.resolve("replica.sqlite3"));
        try (HealthMonitor monitor = monitor(project.resolve("replica.sqlite3"))) {
            HealthMonitor.Watch watch = watch(Duration.ofSeconds(1));
            probe(monitor, watch);
            assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.UP);

            long before = System.currentTimeMillis();
            monitor.failed(REPLICA, new java.sql.SQLException("connection reset"));

            assertThat(monitor.health(REPLICA).state()).isEqualTo(TargetState.DOWN);
            assertThat(monitor.health(REPLICA).nextProbeAt - before).isBetween(250L, 400L);
        }
    }
}
