package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.cli.it.Fleet.Span;
import dev.mdb.cli.it.Fleet.Step;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db:migrate} over PostgreSQL databases with interleaved versions ({@link Fleet#interleaved}: primary 01 03 05,
 * animals 02 04, three shards 02 06) keeps Rails 7.1's cross-database order. Each migration stamps its start and end
 * with the server's {@code clock_timestamp()} in its own database; all databases share the server's clock.
 *
 * <p>Four fresh fleets are migrated once, before the tests: twice with the default jobs, once with {@code --jobs 1},
 * once with a canary. The tests then check the order, the parallelism of the shards and the bytes printed.
 */
@Tag("postgresql")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FleetMigrateOrderIT {
    private static final int SHARDS = 3;
    private static final String CANARY = Fleet.shardName(3);

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    static Path dir;

    static final Fleet FLEET = Fleet.interleaved(SHARDS);
    static PostgresFleet parallel;
    static MdbResult parallelRun;
    static PostgresFleet parallelAgain;
    static MdbResult parallelAgainRun;
    static PostgresFleet sequential;
    static MdbResult sequentialRun;
    static PostgresFleet canary;
    static MdbResult canaryRun;

    @BeforeAll
    static void migrateFourFreshFleets() throws Exception {
        parallel = PostgresFleet.create(POSTGRES, dir.resolve("parallel"), FLEET, PostgresFleet.LOGGED, true);
        parallelRun = parallel.mdb().run("db:migrate");
        parallelAgain =
                PostgresFleet.create(POSTGRES, dir.resolve("parallel-again"), FLEET, PostgresFleet.LOGGED, true);
        parallelAgainRun = parallelAgain.mdb().run("db:migrate");
        sequential = PostgresFleet.create(POSTGRES, dir.resolve("sequential"), FLEET, PostgresFleet.LOGGED, true);
        sequentialRun = sequential.mdb().run("db:migrate", "--jobs", "1");
        canary = PostgresFleet.create(POSTGRES, dir.resolve("canary"), FLEET, PostgresFleet.LOGGED, true);
        canaryRun = canary.mdb().run("db:migrate", "--canary", CANARY);
    }

    @Test
    void migrate_defaultJobs_eachMigrationWaitsForLowerVersionsOfOtherStreams() throws Exception {
        for (PostgresFleet run : List.of(parallel, parallelAgain)) {
            MdbResult result = run == parallel ? parallelRun : parallelAgainRun;
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertEverythingApplied(run, result);
            Map<Step, Span> spans = run.spans();
            FLEET.assertAllRanOnce(spans, result.toString());
            FLEET.assertOrderRule(spans, result.toString());
        }
    }

    /** Without this the order rule would hold for a run that does one migration at a time. */
    @Test
    void migrate_defaultJobs_shardsOfOneStreamMigrateInParallel() throws Exception {
        Map<Step, Span> spans = parallel.spans();
        for (String version : List.of(Fleet.V02, Fleet.V06)) {
            long lastStart = Long.MIN_VALUE;
            long firstEnd = Long.MAX_VALUE;
            for (int shard = 1; shard <= SHARDS; shard++) {
                Span span = spans.get(new Step(Fleet.shardName(shard), version));
                lastStart = Math.max(lastStart, span.start());
                firstEnd = Math.min(firstEnd, span.end());
            }
            assertThat(lastStart)
                    .as(
                            "the last shard started %s before the first one finished it (%s s each); %s",
                            version, PostgresFleet.SHARD_PAUSE, spans)
                    .isLessThan(firstEnd);
        }
    }

    @Test
    void migrate_jobs1_runsExactlyRailsSequenceOneAtATime() throws Exception {
        assertThat(sequentialRun.exitCode()).as("%s", sequentialRun).isZero();
        assertEverythingApplied(sequential, sequentialRun);
        assertThat(FLEET.railsSequence())
                .as("the expected sequence itself")
                .containsExactly(
                        new Step("primary", Fleet.V01),
                        new Step("animals", Fleet.V02),
                        new Step(Fleet.shardName(1), Fleet.V02),
                        new Step(Fleet.shardName(2), Fleet.V02),
                        new Step(Fleet.shardName(3), Fleet.V02),
                        new Step("primary", Fleet.V03),
                        new Step("animals", Fleet.V04),
                        new Step("primary", Fleet.V05),
                        new Step(Fleet.shardName(1), Fleet.V06),
                        new Step(Fleet.shardName(2), Fleet.V06),
                        new Step(Fleet.shardName(3), Fleet.V06));
        FLEET.assertRailsSequence(sequential.spans(), sequentialRun.toString());
    }

    /**
     * Two parallel runs on fresh databases print the same bytes (timings and database names aside), the same as one
     * job: each database's banners as one block under its header, in config order, then the summary.
     */
    @Test
    void migrate_twiceOnFreshDatabases_printsSameGroupedOutputAsEachOtherAndAsOneJob() {
        String expected = FLEET.expectedMigrateOutput(FLEET.placeholders());
        assertThat(normalized(parallel, parallelRun)).as("%s", parallelRun).isEqualTo(expected);
        assertThat(normalized(parallelAgain, parallelAgainRun))
                .as("%s", parallelAgainRun)
                .isEqualTo(expected);
        assertThat(normalized(sequential, sequentialRun))
                .as("%s", sequentialRun)
                .isEqualTo(expected);
        for (MdbResult result : List.of(parallelRun, parallelAgainRun, sequentialRun)) {
            assertThat(result.err()).as("%s", result).isEmpty();
        }
    }

    /**
     * A canary migrates before everything else, even migrations with lower versions; then the others run by the order
     * rule among themselves. The output keeps config order.
     */
    @Test
    void migrate_canaryByName_canaryMigratesFirstThenTheOthersInOrder() throws Exception {
        assertThat(canaryRun.exitCode()).as("%s", canaryRun).isZero();
        assertEverythingApplied(canary, canaryRun);
        Map<Step, Span> spans = canary.spans();
        FLEET.assertAllRanOnce(spans, canaryRun.toString());
        long canaryEnd = spans.entrySet().stream()
                .filter(e -> e.getKey().database().equals(CANARY))
                .mapToLong(e -> e.getValue().end())
                .max()
                .orElseThrow();
        Map<Step, Span> others = new LinkedHashMap<>(spans);
        others.keySet().removeIf(step -> step.database().equals(CANARY));
        others.forEach((step, span) -> assertThat(span.start())
                .as("%s started after the canary %s finished; %s", step, CANARY, spans)
                .isGreaterThan(canaryEnd));
        FLEET.assertOrderRule(others, canaryRun.toString());
        assertThat(normalized(canary, canaryRun))
                .as("%s", canaryRun)
                .isEqualTo(FLEET.expectedMigrateOutput(FLEET.placeholders()));
    }

    /** Databases with nothing to do print no block: a second run prints only the summary, and changes nothing. */
    @Test
    void migrate_again_everyDatabaseUpToDate_printsOnlyTheSummary() throws Exception {
        Map<Step, Span> spansBefore = sequential.spans();

        MdbResult again = sequential.mdb().run("db:migrate");

        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out())
                .as("%s", again)
                .isEqualTo("5 databases: 0 migrated, 5 already up to date, 0 failed, 0 not run.\n");
        assertThat(again.err()).as("%s", again).isEmpty();
        assertThat(sequential.spans()).as("%s", again).isEqualTo(spansBefore);
        assertEverythingApplied(sequential, again);
    }

    private static void assertEverythingApplied(PostgresFleet fleet, MdbResult result) throws Exception {
        for (Fleet.Database database : FLEET.databases()) {
            assertThat(fleet.applied(database.name()))
                    .as("history of %s; %s", database.name(), result)
                    .containsExactlyElementsOf(FLEET.versions(database.migrationsPath()));
        }
    }

    private static String normalized(PostgresFleet fleet, MdbResult result) {
        return Fleet.withPlaceholders(Fleet.withoutTimings(result.out()), fleet.databases());
    }
}
