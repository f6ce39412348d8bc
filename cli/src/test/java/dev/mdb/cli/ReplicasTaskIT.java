package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.mdb.testsupport.PostgresReplicaCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** db:replicas against a PostgreSQL primary with two hot standbys: roles, lag, a stopped standby, the primary's server. */
@Tag("postgresql")
class ReplicasTaskIT {
    @RegisterExtension
    static PostgresReplicaCluster cluster = PostgresReplicaCluster.create();

    private static String database;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() {
        database = cluster.createDatabase();
    }

    private CliRun run(String yml, String... args) {
        return SqliteProject.withConfig(dir, "development:\n" + yml).run(args);
    }

    private static String entry(String name, int port, boolean replica) {
        return "  " + name + ":\n" + cluster.ymlEntry(port, database) + (replica ? "    replica: true\n" : "");
    }

    private static String twoStandbys() {
        return entry("primary", cluster.primaryPort(), false)
                + entry("primary_replica_1", cluster.standbyPort(1), true)
                + entry("primary_replica_2", cluster.standbyPort(2), true);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> replicas(CliRun run) throws IOException {
        return (List<Map<String, Object>>) JSON.std.mapFrom(run.out()).get("replicas");
    }

    @Test
    void replicas_twoStreamingStandbys_areStandbysInRotationWithSmallLag() throws IOException {
        CliRun text = run(twoStandbys(), "db:replicas");
        CliRun json = run(twoStandbys(), "db:replicas", "--format", "json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.out())
                .contains("replica: primary_replica_1 (primary/default reading, writer primary) 127.0.0.1:"
                        + cluster.standbyPort(1))
                .contains("replica: primary_replica_2 (primary/default reading, writer primary) 127.0.0.1:"
                        + cluster.standbyPort(2));
        assertThat(text.outLines())
                .filteredOn(line -> line.startsWith("  reachable:"))
                .hasSize(2)
                .allMatch(line -> line.startsWith("  reachable: yes   role: standby   lag: ")
                        && line.endsWith("max lag: 5 s   weight: 1   in rotation: yes"));
        assertThat(json.exitCode()).as(json.describe()).isZero();
        for (Map<String, Object> replica : replicas(json)) {
            assertThat(replica)
                    .containsEntry("reachable", true)
                    .containsEntry("server_role", "standby")
                    .containsEntry("role_verified", true)
                    .containsEntry("state", "up")
                    .containsEntry("in_rotation", true)
                    .doesNotContainKey("error");
            assertThat(((Number) replica.get("lag_seconds")).doubleValue()).isBetween(0.0, 5.0);
            assertThat(((Number) replica.get("lag_bytes")).longValue()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void replicas_stoppedStandby_showsItUnreachableAndExitsUnavailable() throws IOException {
        cluster.stopStandby(2);
        try {
            CliRun text = run(twoStandbys(), "db:replicas");
            CliRun json = run(twoStandbys(), "db:replicas", "--format", "json");

            assertThat(text.exitCode()).as(text.describe()).isEqualTo(ExitCode.UNAVAILABLE.code());
            assertThat(text.outLines())
                    .filteredOn(line -> line.startsWith("  reachable:"))
                    .satisfiesExactly(
                            first -> assertThat(first).contains("reachable: yes   role: standby", "in rotation: yes"),
                            second -> assertThat(second)
                                    .startsWith("  reachable: no   role: unknown   lag: unknown")
                                    .endsWith("in rotation: no (down)"));
            assertThat(text.outLines())
                    .filteredOn(line -> line.startsWith("  error: "))
                    .hasSize(1);
            assertThat(text.err()).startsWith("mdb: 1 of 2 replicas in development not in rotation: primary_replica_2");
            assertThat(json.exitCode()).as(json.describe()).isEqualTo(ExitCode.UNAVAILABLE.code());
            assertThat(replicas(json))
                    .extracting(r -> r.get("name"), r -> r.get("reachable"), r -> r.get("state"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("primary_replica_1", true, "up"),
                            org.assertj.core.groups.Tuple.tuple("primary_replica_2", false, "down"));
        } finally {
            cluster.startStandby(2);
        }
    }

    @Test
    void replicas_readOnlyEntryOnPrimarysServer_isReportedAsPrimarysServer() {
        String yml =
                entry("primary", cluster.primaryPort(), false) + entry("primary_replica", cluster.primaryPort(), true);

        CliRun run = run(yml, "db:replicas");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .contains("  reachable: yes   role: primary's server   lag: 0.000 s, 0 bytes   max lag: 5 s   weight: 1"
                        + "   in rotation: yes");
    }
}
