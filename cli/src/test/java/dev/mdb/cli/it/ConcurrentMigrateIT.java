package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db:migrate} runs racing on the same PostgreSQL databases, as from several deploy hosts at once: Flyway's lock
 * must serialise the migrations, and recording the environment afterwards must not fail either.
 */
@Tag("postgresql")
class ConcurrentMigrateIT {
    private static final Pattern MIGRATED = Pattern.compile("== (\\d+) \\w+: migrated");

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    Path projectDir;

    @RepeatedTest(3)
    void migrate_twoRunsAtOnce_applyEachMigrationExactlyOnce() throws Exception {
        migrateAtOnce(2);
    }

    @Test
    void migrate_sixRunsAtOnce_applyEachMigrationExactlyOnce() throws Exception {
        migrateAtOnce(6);
    }

    /**
     * The environment is recorded outside Flyway's lock, so sessions racing to create {@code mdb_internal_metadata}
     * and insert its row must not fail (PostgreSQL reports a concurrent CREATE TABLE IF NOT EXISTS as a duplicate key
     * in {@code pg_type}).
     */
    @RepeatedTest(3)
    void environmentSet_sixRunsAtOnce_allSucceed() throws Exception {
        SampleProject project = SampleProject.in(projectDir);
        String primary = POSTGRES.createDatabase();
        project.writeDatabaseYml("development:\n  primary:\n" + POSTGRES.databaseYmlEntry(primary));

        List<MdbResult> results = runTogether(project.mdb(), 6, "db:environment:set");

        for (MdbResult result : results) {
            assertThat(result.exitCode()).as("%s", result).isZero();
        }
        try (Connection c = POSTGRES.connect(primary);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT value FROM mdb_internal_metadata WHERE key = 'environment'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("development");
            assertThat(rs.next()).isFalse();
        }
    }

    private void migrateAtOnce(int runs) throws Exception {
        SampleProject project = SampleProject.in(projectDir);
        String primary = POSTGRES.newDatabaseName();
        String animals = POSTGRES.newDatabaseName();
        project.writeDatabaseYml("development:\n  primary:\n" + POSTGRES.databaseYmlEntry(primary) + "  animals:\n"
                + POSTGRES.databaseYmlEntry(animals) + "    migrations_paths: db/animals_migrate\n");
        MdbResult create = project.mdb().run("db:create");
        assertThat(create.exitCode()).as("%s", create).isZero();

        List<MdbResult> results = runTogether(project.mdb(), runs, "db:migrate");

        for (MdbResult result : results) {
            assertThat(result.exitCode()).as("%s", result).isZero();
        }
        List<String> bannered = new ArrayList<>();
        for (MdbResult result : results) {
            Matcher m = MIGRATED.matcher(result.out());
            while (m.find()) {
                bannered.add(m.group(1));
            }
        }
        List<String> all = new ArrayList<>(SampleProject.PRIMARY_VERSIONS);
        all.addAll(SampleProject.ANIMALS_VERSIONS);
        assertThat(bannered).as("migrated banners of all runs: %s", results).containsExactlyInAnyOrderElementsOf(all);
        assertAppliedOnce(primary, SampleProject.PRIMARY_VERSIONS);
        assertAppliedOnce(animals, SampleProject.ANIMALS_VERSIONS);
    }

    /** Starts {@code runs} threads that wait at a gate, opens it, and returns every thread's result. */
    private static List<MdbResult> runTogether(MdbRunner mdb, int runs, String... args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            CountDownLatch ready = new CountDownLatch(runs);
            CountDownLatch gate = new CountDownLatch(1);
            Callable<MdbResult> run = () -> {
                ready.countDown();
                gate.await();
                return mdb.run(args);
            };
            List<Future<MdbResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(run));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("threads ready").isTrue();
            gate.countDown();
            List<MdbResult> results = new ArrayList<>();
            for (Future<MdbResult> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAppliedOnce(String database, List<String> versions) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = POSTGRES.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, count(*), bool_and(success) FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL GROUP BY version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " x" + rs.getLong(2) + " success=" + rs.getBoolean(3));
            }
        }
        assertThat(rows)
                .as("flyway_schema_history of %s", database)
                .containsExactlyElementsOf(versions.stream()
                        .sorted()
                        .map(v -> v + " x1 success=true")
                        .toList());
    }
}
