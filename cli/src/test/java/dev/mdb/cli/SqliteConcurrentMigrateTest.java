package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two db:migrate runs on one SQLite project at the same time: mdb's lock lets each migration run exactly once. */
class SqliteConcurrentMigrateTest {
    private static final int RUNS = 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void migrate_twoConcurrentRuns_applyEveryMigrationExactlyOnce() throws Exception {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create");
        CountDownLatch ready = new CountDownLatch(RUNS);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<Future<CliRun>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < RUNS; i++) {
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return project.run("db:migrate");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<CliRun> future : runs) {
                CliRun run = future.get(50, TimeUnit.SECONDS);
                assertThat(run.exitCode()).as(run.describe()).isZero();
                assertThat(run.err()).as(run.describe()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        int banners = 0;
        for (Future<CliRun> future : runs) {
            banners += (int) future.get().outLines().stream()
                    .filter(l -> l.contains(": migrated ("))
                    .count();
        }
        assertThat(banners).as("each migration announced once in total").isEqualTo(5);
        assertThat(versionCounts(project, "storage/development.sqlite3"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(SqliteProject.USERS, 1, SqliteProject.EMAIL, 1, SqliteProject.POSTS, 1));
        assertThat(versionCounts(project, "storage/development_animals.sqlite3"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(SqliteProject.DOGS, 1, SqliteProject.CATS, 1));
        assertThat(project.tables("storage/development.sqlite3")).contains("users", "posts");
        assertThat(project.tables("storage/development_animals.sqlite3")).contains("dogs", "cats");
    }

    private static Map<String, Integer> versionCounts(SqliteProject project, String databaseFile) {
        Map<String, Integer> counts = new HashMap<>();
        project.query(
                databaseFile,
                "SELECT version, COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version",
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }
}
