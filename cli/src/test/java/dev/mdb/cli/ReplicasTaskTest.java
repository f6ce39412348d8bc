package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:replicas on SQLite projects: text and JSON reports, filtering, no replicas, an unreachable replica. */
class ReplicasTaskTest {
    private static final String CANARY = "s3cr3t-canary-7c1";

    private static final String TWO_REPLICAS = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
              primary_replica_1:
                adapter: sqlite3
                database: storage/development.sqlite3
                replica: true
              primary_replica_2:
                adapter: sqlite3
                database: %s
                replica: true
                weight: 3
              animals:
                adapter: sqlite3
                database: storage/animals.sqlite3
            """;

    private static final String NO_REPLICAS = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
            """;

    @TempDir
    Path dir;

    private SqliteProject project(String secondReplicaDatabase) {
        SqliteProject project = SqliteProject.withConfig(dir, TWO_REPLICAS.formatted(secondReplicaDatabase));
        project.ok("db:create");
        return project;
    }

    @Test
    void replicas_twoReachableReplicas_listsBothInRotationAndExitsZero() {
        CliRun run = project("storage/development.sqlite3").run("db:replicas");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).as(run.describe()).isEmpty();
        Path file = dir.resolve("storage/development.sqlite3").toAbsolutePath().normalize();
        assertThat(run.outLines())
                .containsSubsequence(
                        "replica: primary_replica_1 (primary/default reading, writer primary) " + file,
                        "  reachable: yes   role: read-only   lag: n/a   max lag: 5 s   weight: 1   in rotation: yes",
                        "replica: primary_replica_2 (primary/default reading, writer primary) " + file,
                        "  reachable: yes   role: read-only   lag: n/a   max lag: 5 s   weight: 3   in rotation: yes");
        assertThat(run.out()).doesNotContain("animals").doesNotContain("error:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void replicas_jsonFormat_documentsEachReplicaLeavingOutUnknownLag() throws IOException {
        CliRun run = project("storage/development.sqlite3").run("db:replicas", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        assertThat(doc.keySet()).containsExactly("environment", "replicas");
        assertThat(doc).containsEntry("environment", "development");
        List<Map<String, Object>> replicas = (List<Map<String, Object>>) doc.get("replicas");
        assertThat(replicas).extracting(r -> r.get("name")).containsExactly("primary_replica_1", "primary_replica_2");
        Map<String, Object> first = replicas.get(0);
        assertThat(first.keySet())
                .containsExactly(
                        "name",
                        "database",
                        "group",
                        "shard",
                        "role",
                        "writer",
                        "location",
                        "reachable",
                        "server_role",
                        "role_verified",
                        "state",
                        "in_rotation",
                        "max_lag_seconds",
                        "weight");
        assertThat(first)
                .containsEntry("database", "storage/development.sqlite3")
                .containsEntry("group", "primary")
                .containsEntry("shard", "default")
                .containsEntry("role", "reading")
                .containsEntry("writer", "primary")
                .containsEntry("reachable", true)
                .containsEntry("server_role", "read-only")
                .containsEntry("role_verified", true)
                .containsEntry("state", "up")
                .containsEntry("in_rotation", true)
                .containsEntry("weight", 1)
                .doesNotContainKeys("lag_seconds", "lag_bytes", "error");
        assertThat(((Number) first.get("max_lag_seconds")).doubleValue()).isEqualTo(5.0);
        assertThat(replicas.get(1)).containsEntry("weight", 3);
    }

    @Test
    void replicas_namedReplicaOrWriter_keepsOnlyThoseReplicas() {
        SqliteProject project = project("storage/development.sqlite3");

        CliRun byEntry = project.run("db:replicas:primary_replica_2");
        CliRun byOption = project.run("db:replicas", "--database", "primary_replica_2");
        CliRun byWriter = project.run("db:replicas:primary");
        CliRun withoutReplicas = project.run("db:replicas:animals");
        CliRun unknown = project.run("db:replicas:nope");

        assertThat(byEntry.exitCode()).as(byEntry.describe()).isZero();
        assertThat(byEntry.out()).contains("replica: primary_replica_2").doesNotContain("primary_replica_1");
        assertThat(byOption.out()).isEqualTo(byEntry.out());
        assertThat(byWriter.out()).contains("primary_replica_1", "primary_replica_2");
        assertThat(withoutReplicas.exitCode()).as(withoutReplicas.describe()).isZero();
        assertThat(withoutReplicas.outLines()).containsExactly("No replicas of animals in development.");
        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(3);
        assertThat(unknown.err()).contains("unknown database 'nope'", "primary_replica_1");
    }

    @Test
    void replicas_noReplicasInEnvironment_saysSoAndExitsZero() throws IOException {
        SqliteProject project = SqliteProject.withConfig(dir, NO_REPLICAS);

        CliRun text = project.run("db:replicas");
        CliRun json = project.run("db:replicas", "--format", "json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.outLines()).containsExactly("No replicas in development.");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        assertThat(JSON.std.mapFrom(json.out())).containsEntry("replicas", List.of());
    }

    @Test
    void replicas_replicaFileInMissingDirectory_printsEveryRowThenExitsUnavailable() {
        CliRun run = project("no_such_dir/replica.sqlite3").run("db:replicas");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(run.out())
                .contains("replica: primary_replica_1")
                .contains("reachable: yes   role: read-only   lag: n/a   max lag: 5 s   weight: 1   in rotation: yes");
        assertThat(run.out())
                .contains("replica: primary_replica_2")
                .contains("  reachable: no   role: unknown   lag: unknown   max lag: 5 s   weight: 3"
                        + "   in rotation: no (down)");
        assertThat(run.outLines()).anyMatch(line -> line.startsWith("  error: ") && line.length() > 10);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("mdb: 1 of 2 replicas in development not in rotation: primary_replica_2 (down).");
    }

    @Test
    @SuppressWarnings("unchecked")
    void replicas_unreachableServerWithPassword_neverPrintsIt() throws IOException {
        // Port 1 on the loopback refuses connections at once.
        SqliteProject project = SqliteProject.withConfig(dir, """
                development:
                  primary:
                    url: postgresql://app:%1$s@127.0.0.1:1/app
                  primary_replica:
                    adapter: postgresql
                    host: 127.0.0.1
                    port: 1
                    database: app
                    username: app
                    password: %1$s
                    replica: true
                """.formatted(CANARY));

        CliRun text = project.run("db:replicas", "--trace");
        CliRun json = project.run("db:replicas", "--format", "json");

        assertThat(text.exitCode()).as(text.describe()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(text.out())
                .contains("replica: primary_replica (primary/default reading, writer primary) 127.0.0.1:1");
        assertThat(text.out() + text.err() + json.out() + json.err()).doesNotContain(CANARY);
        List<Map<String, Object>> replicas =
                (List<Map<String, Object>>) JSON.std.mapFrom(json.out()).get("replicas");
        assertThat(replicas.get(0))
                .containsEntry("reachable", false)
                .containsEntry("state", "down")
                .containsEntry("location", "127.0.0.1:1");
        assertThat(replicas.get(0).get("error")).isNotNull();
    }
}
