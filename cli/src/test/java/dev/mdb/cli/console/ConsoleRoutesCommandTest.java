package dev.mdb.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mdb routes}: the topology as an aligned table and as JSON, without credentials. */
class ConsoleRoutesCommandTest {
    @TempDir
    Path dir;

    private ConsoleProject project;

    @BeforeEach
    void setUp() {
        project = ConsoleProject.create(dir);
    }

    @Test
    void routes_text_printsAlignedTable() {
        ConsoleProject.Run run = project.mdb("", Map.of(), "routes", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEqualTo("""
                GROUP    SHARD      ROLE     TARGETS                    WRITES PREVENTED
                primary  default    writing  primary                    no
                primary  default    reading  primary_replica            yes
                primary  shard_one  writing  primary_shard_one          no
                primary  shard_one  reading  primary_shard_one_replica  yes
                animals  default    writing  animals                    no
                """);
    }

    @Test
    void routes_json_hasStableFieldNames() {
        ConsoleProject.Run run = project.mdb("", Map.of(), "routes", "-C", dir.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        String json = run.out().replaceAll("\\s+", "");
        assertThat(json)
                .startsWith("{\"environment\":\"development\",\"default_group\":\"primary\",\"routes\":[")
                .contains("{\"group\":\"primary\",\"shard\":\"default\",\"role\":\"reading\","
                        + "\"targets\":[\"primary_replica\"],\"writes_prevented\":true}")
                .contains("{\"group\":\"animals\",\"shard\":\"default\",\"role\":\"writing\","
                        + "\"targets\":[\"animals\"],\"writes_prevented\":false}");
    }

    @Test
    void routes_neverPrintsCredentials() throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("config/database.yml"), """
                development:
                  primary:
                    url: postgresql://app:s3cret-canary@db.example.com:5432/app
                  primary_replica:
                    url: postgresql://ro:s3cret-canary@replica.example.com:5432/app
                    replica: true
                """, java.nio.charset.StandardCharsets.UTF_8);

        ConsoleProject.Run text = project.mdb("", Map.of(), "routes", "-C", dir.toString());
        ConsoleProject.Run json = project.mdb("", Map.of(), "routes", "-C", dir.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.out() + text.err() + json.out() + json.err())
                .doesNotContain("s3cret-canary")
                .doesNotContain("example.com");
    }

    @Test
    void routes_unknownEnvironment_exitsThree() {
        ConsoleProject.Run run = project.mdb("", Map.of(), "routes", "-C", dir.toString(), "-e", "staging");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.err()).startsWith("mdb: ");
    }
}
