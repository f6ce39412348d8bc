package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read-only tasks over 16 migrated PostgreSQL shards with {@code --jobs 8} print the same bytes on every run, and the
 * same bytes as one job (databases one after another, in config order).
 */
@Tag("postgresql")
class ParallelOutputIT {
    private static final int SHARDS = 16;
    private static final int RUNS = 3;

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    static Path projectDir;

    static ParallelShards shards;

    @BeforeAll
    static void migrateShards() throws Exception {
        shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        MdbResult migrate = shards.mdb().run("db:migrate", "--jobs", "8");
        assertThat(migrate.exitCode()).as("%s", migrate).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"db:migrate:status", "db:version", "db:migrate:status --format json", "db:version --format json"
            })
    void readOnlyTask_jobs8_sameBytesEveryRunAndAsJobs1(String task) {
        List<String> args = List.of(task.split(" "));
        MdbResult sequential = run(args, "1");
        assertThat(sequential.exitCode()).as("%s", sequential).isZero();
        assertThat(sequential.err()).as("%s", sequential).isEmpty();
        assertMentionsEveryShardInOrder(task, sequential.out());

        for (int run = 1; run <= RUNS; run++) {
            MdbResult parallel = run(args, "8");
            assertThat(parallel.exitCode()).as("run %d: %s", run, parallel).isZero();
            assertThat(parallel.out())
                    .as("stdout of run %d of `%s --jobs 8` against `--jobs 1`", run, task)
                    .isEqualTo(sequential.out());
            assertThat(parallel.err()).as("stderr of run %d: %s", run, parallel).isEqualTo(sequential.err());
        }
    }

    private static MdbResult run(List<String> args, String jobs) {
        List<String> argv = new ArrayList<>(args);
        argv.add("--jobs");
        argv.add(jobs);
        return shards.mdb().run(argv.toArray(String[]::new));
    }

    /** So that equal outputs say something: each shard's database appears, in config order. */
    private static void assertMentionsEveryShardInOrder(String task, String out) {
        int from = 0;
        for (int shard = 1; shard <= SHARDS; shard++) {
            int at = out.indexOf(shards.database(shard), from);
            assertThat(at)
                    .as("%s of shard %d after offset %d in:\n%s", task, shard, from, out)
                    .isGreaterThanOrEqualTo(0);
            from = at + shards.database(shard).length();
        }
        if (task.startsWith("db:migrate:status")) {
            for (int shard = 1; shard <= SHARDS; shard++) {
                assertThat(out).contains(ParallelShards.marker(shard).version());
            }
        }
    }
}
