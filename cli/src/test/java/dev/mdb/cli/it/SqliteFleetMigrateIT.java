package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.mdb.cli.it.Fleet.Step;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db:migrate} over SQLite databases: Rails 7.1's cross-database order ({@link Fleet#interleaved}: primary 01 03
 * 05, animals 02 04, three shards 02 06), seen in a log all migrations write to ({@link SqliteFleet#logged}); a real
 * dependency of animals' {@code 02} on primary's {@code 01}; the same bytes on every run; and the failure modes:
 * {@code --canary}, {@code --on-error continue}, stop with one job.
 *
 * <p>Three fresh projects are migrated before the tests (twice with the default jobs, once with {@code --jobs 1});
 * the other tests make their own.
 */
@Tag("sqlite")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqliteFleetMigrateIT {
    private static final Fleet FLEET = Fleet.interleaved(3);
    private static final String SHARD_01 = Fleet.shardName(1);
    private static final String SHARD_02 = Fleet.shardName(2);
    private static final String SHARD_03 = Fleet.shardName(3);

    /** primary (01 people, 05 posts) and three shards (02 accounts, 03 orders). */
    private static final Fleet FAILING = new Fleet(
            List.of(
                    new Fleet.Database("primary", Fleet.PRIMARY_PATH),
                    new Fleet.Database(SHARD_01, Fleet.SHARDS_PATH),
                    new Fleet.Database(SHARD_02, Fleet.SHARDS_PATH),
                    new Fleet.Database(SHARD_03, Fleet.SHARDS_PATH)),
            Map.of(
                    Fleet.PRIMARY_PATH,
                    List.of(Fleet.V01, Fleet.V05),
                    Fleet.SHARDS_PATH,
                    List.of(Fleet.V02, Fleet.V03)));

    @TempDir
    static Path dir;

    @TempDir
    Path testDir;

    static SqliteFleet parallel;
    static MdbResult parallelRun;
    static SqliteFleet parallelAgain;
    static MdbResult parallelAgainRun;
    static SqliteFleet sequential;
    static MdbResult sequentialRun;

    @BeforeAll
    static void migrateThreeFreshProjects() throws Exception {
        parallel = SqliteFleet.create(
                dir.resolve("parallel"), dir.resolve("parallel-log"), FLEET, SqliteFleet::loggedWithDependency);
        parallelRun = parallel.run("db:migrate");
        parallelAgain = SqliteFleet.create(
                dir.resolve("again"), dir.resolve("again-log"), FLEET, SqliteFleet::loggedWithDependency);
        parallelAgainRun = parallelAgain.run("db:migrate");
        sequential = SqliteFleet.create(
                dir.resolve("sequential"), dir.resolve("sequential-log"), FLEET, SqliteFleet::loggedWithDependency);
        sequentialRun = sequential.run("db:migrate", "--jobs", "1");
    }

    // ---- order

    @Test
    void migrate_defaultJobs_eachMigrationWaitsForLowerVersionsOfOtherStreams() throws Exception {
        for (SqliteFleet fleet : List.of(parallel, parallelAgain)) {
            MdbResult result = fleet == parallel ? parallelRun : parallelAgainRun;
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertEverythingApplied(fleet, result);
            var spans = fleet.spans();
            FLEET.assertAllRanOnce(spans, result.toString());
            FLEET.assertOrderRule(spans, result.toString());
        }
    }

    @Test
    void migrate_jobs1_runsExactlyRailsSequenceOneAtATime() throws Exception {
        assertThat(sequentialRun.exitCode()).as("%s", sequentialRun).isZero();
        assertEverythingApplied(sequential, sequentialRun);
        FLEET.assertRailsSequence(sequential.spans(), sequentialRun.toString());
    }

    /** animals' 02 inserted into a table whose CHECK needs primary's 01 to have ended before: it passed. */
    @Test
    void migrate_animalsMigrationNeedingPrimarysEarlierRow_passesInEveryRun() throws Exception {
        for (SqliteFleet fleet : List.of(parallel, parallelAgain, sequential)) {
            try (Connection c = fleet.connect("animals")) {
                assertThat(MigratedDatabase.number(c, "SELECT count(*) FROM primary_01_seen WHERE n = 1"))
                        .as("animals saw primary's 01 in %s", fleet.root())
                        .isEqualTo(1);
            }
        }
    }

    /** The control: the dependency check can fail. Alone, animals' 02 finds no row of primary's 01 and fails. */
    @Test
    void migrateAnimalsAlone_dependencyOnPrimaryNotMet_fails() throws Exception {
        SqliteFleet fleet = SqliteFleet.create(
                testDir.resolve("project"), testDir.resolve("log"), FLEET, SqliteFleet::loggedWithDependency);

        MdbResult result = fleet.run("db:migrate:animals");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).as("%s", result).contains("CHECK constraint failed");
        assertThat(fleet.applied("animals")).as("%s", result).isEmpty();
    }

    /** Fresh projects print the same bytes, timings aside, with the default jobs and with one. */
    @Test
    void migrate_twiceOnFreshProjects_printsSameGroupedOutputAsEachOtherAndAsOneJob() {
        String expected = FLEET.expectedMigrateOutput(parallel.files());
        assertThat(Fleet.withoutTimings(parallelRun.out()))
                .as("%s", parallelRun)
                .isEqualTo(expected);
        assertThat(Fleet.withoutTimings(parallelAgainRun.out()))
                .as("%s", parallelAgainRun)
                .isEqualTo(expected);
        assertThat(Fleet.withoutTimings(sequentialRun.out()))
                .as("%s", sequentialRun)
                .isEqualTo(expected);
        for (MdbResult result : List.of(parallelRun, parallelAgainRun, sequentialRun)) {
            assertThat(result.err()).as("%s", result).isEmpty();
        }
    }

    /**
     * Rails runs each version's databases in config order, whatever their streams. Here shard 01, animals and shard
     * 02 all have {@code 02} and are listed in that order: one job must run them in that order.
     */
    @Test
    void migrate_jobs1_streamsInterleavedInConfig_runsRailsSequence() throws Exception {
        Fleet interleavedConfig = new Fleet(
                List.of(
                        new Fleet.Database(SHARD_01, Fleet.SHARDS_PATH),
                        new Fleet.Database("animals", Fleet.ANIMALS_PATH),
                        new Fleet.Database(SHARD_02, Fleet.SHARDS_PATH),
                        new Fleet.Database("primary", Fleet.PRIMARY_PATH)),
                Map.of(
                        Fleet.PRIMARY_PATH, List.of(Fleet.V01, Fleet.V03, Fleet.V05),
                        Fleet.ANIMALS_PATH, List.of(Fleet.V02, Fleet.V04),
                        Fleet.SHARDS_PATH, List.of(Fleet.V02, Fleet.V06)));
        SqliteFleet fleet = SqliteFleet.create(
                testDir.resolve("project"), testDir.resolve("log"), interleavedConfig, SqliteFleet::logged);

        MdbResult result = fleet.run("db:migrate", "--jobs", "1");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(interleavedConfig.railsSequence().subList(1, 4))
                .as("the expected sequence itself")
                .containsExactly(
                        new Step(SHARD_01, Fleet.V02), new Step("animals", Fleet.V02), new Step(SHARD_02, Fleet.V02));
        interleavedConfig.assertRailsSequence(fleet.spans(), result.toString());
    }

    // ---- failures

    private SqliteFleet failing() throws Exception {
        return SqliteFleet.create(
                testDir.resolve("project"), testDir.resolve("log"), FAILING, (f, path, version) -> switch (version) {
                    case Fleet.V01 -> "CREATE TABLE people (id INTEGER PRIMARY KEY);\n";
                    case Fleet.V05 -> "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n";
                    case Fleet.V02 -> "CREATE TABLE accounts (id INTEGER PRIMARY KEY);\n";
                    case Fleet.V03 -> "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n";
                    default -> throw new IllegalArgumentException(version);
                });
    }

    @Test
    void migrate_canaryCountFails_othersUntouchedAndSayNotRun() throws Exception {
        SqliteFleet fleet = failing();
        fleet.execute("primary", "CREATE TABLE people (id INTEGER PRIMARY KEY)");

        MdbResult result = fleet.run("db:migrate", "--canary", "1");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.tables("primary")).as("%s", result).doesNotContain("posts");
        assertUntouched(fleet, result, SHARD_01, SHARD_02, SHARD_03);
        assertThat(result.out())
                .as("%s", result)
                .startsWith("database: primary (storage/primary.sqlite3)\n"
                        + Fleet.banner(Fleet.V01 + " Primary01: migrating") + "\n")
                .endsWith(notRunBlock(fleet, SHARD_01, "a canary failed", 2, Fleet.V02)
                        + notRunBlock(fleet, SHARD_02, "a canary failed", 2, Fleet.V02)
                        + notRunBlock(fleet, SHARD_03, "a canary failed", 2, Fleet.V02)
                        + "4 databases: 0 migrated, 0 already up to date, 1 failed, 3 not run.\n");
        assertThat(result.errLines())
                .as("%s", result)
                .hasSize(2)
                .first(as(STRING))
                .contains("development/primary")
                .contains("table people already exists");
    }

    @Test
    void migrate_canaryByNameFails_othersUntouchedAndSayNotRun() throws Exception {
        SqliteFleet fleet = failing();
        fleet.execute(SHARD_03, "CREATE TABLE accounts (id INTEGER PRIMARY KEY)");

        MdbResult result = fleet.run("db:migrate", "--canary", SHARD_03);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertUntouched(fleet, result, "primary", SHARD_01, SHARD_02);
        assertThat(result.out())
                .as("%s", result)
                .startsWith(notRunBlock(fleet, "primary", "a canary failed", 2, Fleet.V01)
                        + notRunBlock(fleet, SHARD_01, "a canary failed", 2, Fleet.V02)
                        + notRunBlock(fleet, SHARD_02, "a canary failed", 2, Fleet.V02)
                        + "database: " + SHARD_03 + " (" + fleet.file(SHARD_03) + ")\n")
                .endsWith("4 databases: 0 migrated, 0 already up to date, 1 failed, 3 not run.\n");
    }

    @Test
    void migrate_onErrorContinue_otherShardsMigrateWhatFollowsTheFailureDoesNot() throws Exception {
        SqliteFleet fleet = failing();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id INTEGER PRIMARY KEY)");

        MdbResult result = fleet.run("db:migrate", "--on-error", "continue");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied("primary")).as("%s", result).containsExactly(Fleet.V01);
        assertThat(fleet.applied(SHARD_01)).as("%s", result).containsExactly(Fleet.V02, Fleet.V03);
        assertThat(fleet.applied(SHARD_02)).as("%s", result).isEmpty();
        assertThat(fleet.applied(SHARD_03)).as("%s", result).containsExactly(Fleet.V02, Fleet.V03);
        assertThat(Fleet.withoutTimings(result.out()))
                .as("%s", result)
                .startsWith("database: primary (storage/primary.sqlite3)\n"
                        + Fleet.migratedBanners(Fleet.PRIMARY_PATH, Fleet.V01)
                        + "Not run (a migration they follow failed): 1 pending migration, from " + Fleet.V05 + ".\n\n"
                        + "database: " + SHARD_01 + " (" + fleet.file(SHARD_01) + ")\n"
                        + Fleet.migratedBanners(Fleet.SHARDS_PATH, Fleet.V02, Fleet.V03))
                .endsWith("database: " + SHARD_03 + " (" + fleet.file(SHARD_03) + ")\n"
                        + Fleet.migratedBanners(Fleet.SHARDS_PATH, Fleet.V02, Fleet.V03)
                        + "4 databases: 3 migrated, 0 already up to date, 1 failed, 0 not run.\n");
        assertThat(result.errLines()).as("%s", result).hasSize(2);
        assertThat(result.errLines().get(0))
                .contains("development/" + SHARD_02)
                .contains("table accounts already exists");
        // primary's 05 follows the failed 02: the closing line says one database has migrations left.
        assertThat(result.errLines().get(1))
                .isEqualTo("mdb: 1 of 4 databases failed: " + SHARD_02 + ". 1 left migrations not run (see their"
                        + " Not run lines), 2 completed; see the messages above.");
    }

    @Test
    void migrate_stopWithOneJob_laterShardsNotRun() throws Exception {
        SqliteFleet fleet = failing();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id INTEGER PRIMARY KEY)");

        MdbResult result = fleet.run("db:migrate", "--jobs", "1");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied("primary")).as("%s", result).containsExactly(Fleet.V01);
        assertThat(fleet.applied(SHARD_01)).as("%s", result).containsExactly(Fleet.V02);
        assertThat(fleet.applied(SHARD_02)).as("%s", result).isEmpty();
        assertUntouched(fleet, result, SHARD_03);
        assertThat(Fleet.withoutTimings(result.out()))
                .as("%s", result)
                .endsWith(notRunBlock(fleet, SHARD_03, SHARD_02 + " failed", 2, Fleet.V02)
                        + "4 databases: 2 migrated, 0 already up to date, 1 failed, 1 not run.\n")
                .contains("Not run (" + SHARD_02 + " failed): 1 pending migration, from " + Fleet.V03 + ".")
                .contains("Not run (" + SHARD_02 + " failed): 1 pending migration, from " + Fleet.V05 + ".");
    }

    // ---- helpers

    /** No tables (not even the history), no lock file, no schema file. */
    private static void assertUntouched(SqliteFleet fleet, MdbResult result, String... names) throws Exception {
        for (String name : names) {
            assertThat(fleet.tables(name)).as("tables of %s; %s", name, result).isEmpty();
            assertThat(fleet.exists(fleet.file(name) + ".mdb-lock"))
                    .as("lock file of %s; %s", name, result)
                    .isFalse();
            assertThat(fleet.exists("db/" + name + "_schema.sql"))
                    .as("schema file of %s; %s", name, result)
                    .isFalse();
        }
    }

    private static String notRunBlock(SqliteFleet fleet, String name, String reason, int pending, String from) {
        return Fleet.notRunBlock(name, fleet.file(name), reason, pending, from);
    }

    private static void assertEverythingApplied(SqliteFleet fleet, MdbResult result) throws Exception {
        for (Fleet.Database database : FLEET.databases()) {
            assertThat(fleet.applied(database.name()))
                    .as("history of %s; %s", database.name(), result)
                    .containsExactlyElementsOf(FLEET.versions(database.migrationsPath()));
        }
    }
}
