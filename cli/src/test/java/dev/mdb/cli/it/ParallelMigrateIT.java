package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.mdb.cli.it.ParallelShards.Migration;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db:migrate --jobs 8} over 16 PostgreSQL shards where one shard's second shared migration fails: the other
 * shards are migrated all the same, the failure is reported with its file and the server's error, the exit code is 1,
 * and stdout holds each shard's banners as one block, in config order.
 */
@Tag("postgresql")
class ParallelMigrateIT {
    private static final int SHARDS = 16;
    private static final int FAILING = 7;

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    Path projectDir;

    @Test
    void migrate_jobs8_oneShardFails_othersMigratedFailureReportedOutputGroupedInConfigOrder() throws Exception {
        ParallelShards shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        // The shard's second shared migration (CREATE TABLE orders) meets a table of that name.
        shards.execute(FAILING, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");

        MdbResult result = shards.mdb().run("db:migrate", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        for (int shard = 1; shard <= SHARDS; shard++) {
            List<String> expected = ParallelShards.migrations(shard).stream()
                    .map(Migration::version)
                    .toList();
            if (shard == FAILING) {
                // Flyway runs each PostgreSQL migration in a transaction: the failed one left nothing behind.
                expected = expected.subList(0, 2);
            }
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s; %s", ParallelShards.name(shard), result)
                    .containsExactlyElementsOf(expected);
        }
        // One failure: reported alone, as a sequential run would, naming the file, the shard and the server's error.
        assertThat(result.errLines())
                .as("%s", result)
                .singleElement(as(STRING))
                .contains(projectDir
                        .resolve(ParallelShards.SHARED_MIGRATIONS)
                        .resolve(ParallelShards.COMMON.get(1).fileName())
                        .toString())
                .contains(ParallelShards.name(FAILING) + " (" + shards.database(FAILING) + ")")
                .contains("relation \"orders\" already exists");
        assertThat(withoutTimings(result.out())).as("%s", result).isEqualTo(expectedOutput(Set.of(FAILING)));
    }

    @Test
    void migrate_jobs8_twoShardsFail_eachReportedThenSummaryOthersMigrated() throws Exception {
        ParallelShards shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        shards.execute(3, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");
        shards.execute(11, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");

        MdbResult result = shards.mdb().run("db:migrate", "-j", "8");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        for (int shard = 1; shard <= SHARDS; shard++) {
            List<String> expected = ParallelShards.migrations(shard).stream()
                    .map(Migration::version)
                    .toList();
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s; %s", ParallelShards.name(shard), result)
                    .containsExactlyElementsOf(shard == 3 || shard == 11 ? expected.subList(0, 2) : expected);
        }
        List<String> err = result.errLines();
        assertThat(err).as("%s", result).hasSize(3);
        assertThat(err.get(0))
                .as("%s", result)
                .contains(ParallelShards.COMMON.get(1).fileName())
                .contains(ParallelShards.name(3) + " (" + shards.database(3) + ")")
                .contains("relation \"orders\" already exists");
        assertThat(err.get(1))
                .as("%s", result)
                .contains(ParallelShards.COMMON.get(1).fileName())
                .contains(ParallelShards.name(11) + " (" + shards.database(11) + ")")
                .contains("relation \"orders\" already exists");
        assertThat(err.get(2))
                .as("%s", result)
                .contains("2 of 16 databases failed: primary_shard_03, primary_shard_11.");
        assertThat(withoutTimings(result.out())).as("%s", result).isEqualTo(expectedOutput(Set.of(3, 11)));
    }

    /** One job is Rails' sequential run: it stops at the first failing shard and leaves the later ones alone. */
    @Test
    void migrate_jobs1_oneShardFails_stopsThere() throws Exception {
        ParallelShards shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        shards.execute(FAILING, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");

        MdbResult result = shards.mdb().run("db:migrate", "--jobs", "1");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        for (int shard = 1; shard <= SHARDS; shard++) {
            List<String> all = ParallelShards.migrations(shard).stream()
                    .map(Migration::version)
                    .toList();
            List<String> expected = shard < FAILING ? all : shard == FAILING ? all.subList(0, 2) : List.of();
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s; %s", ParallelShards.name(shard), result)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(result.errLines())
                .as("%s", result)
                .singleElement(as(STRING))
                .contains(ParallelShards.name(FAILING) + " (" + shards.database(FAILING) + ")");
        String expectedOut = expectedOutput(Set.of(FAILING));
        int failingBlock =
                expectedOut.indexOf("== " + ParallelShards.marker(FAILING + 1).version() + " ");
        assertThat(withoutTimings(result.out())).as("%s", result).isEqualTo(expectedOut.substring(0, failingBlock));
    }

    /**
     * Every shard's banners in config order, each block whole: its marker and the three shared migrations; the failing
     * shard's block ends at the migration that failed.
     */
    private static String expectedOutput(Set<Integer> failing) {
        StringBuilder out = new StringBuilder();
        for (int shard = 1; shard <= SHARDS; shard++) {
            for (Migration m : ParallelShards.migrations(shard)) {
                out.append(banner(m.version() + " " + m.className() + ": migrating"))
                        .append('\n');
                if (failing.contains(shard) && m.version().equals(ParallelShards.ORDERS)) {
                    break;
                }
                out.append(banner(m.version() + " " + m.className() + ": migrated (T)"))
                        .append("\n\n");
            }
        }
        return out.toString();
    }

    private static String banner(String text) {
        return "== " + text + " " + "=".repeat(Math.max(0, 75 - text.length()));
    }

    /**
     * The banners with each duration replaced by {@code T}, padded as if it were that long, so the text compares
     * byte for byte.
     */
    private static String withoutTimings(String out) {
        return out.lines()
                .map(line -> line.matches("== .*: migrated \\(\\d+\\.\\d{4}s\\) =*")
                        ? banner(line.substring(3).replaceFirst(" \\(\\d+\\.\\d{4}s\\) =*$", " (T)"))
                        : line)
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }
}
