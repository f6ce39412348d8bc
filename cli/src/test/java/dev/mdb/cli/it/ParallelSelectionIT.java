package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --database} with a glob or a list picks shards of a 16-shard PostgreSQL project (replica entries are not
 * migrated or listed), in config order, with parallel jobs; {@code --jobs} below 1 is a usage error.
 */
@Tag("postgresql")
class ParallelSelectionIT {
    private static final int SHARDS = 16;
    private static final Pattern DATABASE_LINE = Pattern.compile("(?m)^database: (\\S+)$");

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    static Path projectDir;

    static ParallelShards shards;

    /** Migrates shards 01-09 only, through the glob. */
    @BeforeAll
    static void migrateFirstNine() throws Exception {
        shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        MdbResult migrate = shards.mdb().run("db:migrate", "--database", "primary_shard_0*", "--jobs", "8");
        assertThat(migrate.exitCode()).as("%s", migrate).isZero();
    }

    @Test
    void migrate_glob_migratesMatchingShardsOnly() throws Exception {
        for (int shard = 1; shard <= SHARDS; shard++) {
            List<String> expected = shard <= 9
                    ? ParallelShards.migrations(shard).stream()
                            .map(ParallelShards.Migration::version)
                            .toList()
                    : List.of();
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s", ParallelShards.name(shard))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void version_glob_listsShards01To09InConfigOrder() {
        MdbResult result = shards.mdb().run("db:version", "--database", "primary_shard_0*", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(databases(result)).as("%s", result).containsExactlyElementsOf(databases(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(result.out()).as("%s", result).contains("Current version: " + ParallelShards.TOTAL);
    }

    @Test
    void version_globMatchingLaterShards_reportsThemUnmigrated() {
        MdbResult result = shards.mdb().run("db:version", "--database", "primary_shard_1?", "-j", "4");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(databases(result)).as("%s", result).containsExactlyElementsOf(databases(10, 11, 12, 13, 14, 15, 16));
        assertThat(result.out()).as("%s", result).doesNotContain("Current version: " + ParallelShards.TOTAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "primary_shard_01,primary_shard_03",
                "primary_shard_03,primary_shard_01",
                "primary_shard_03, primary_shard_01,primary_shard_03"
            })
    void version_list_listsThoseShardsInConfigOrder(String list) {
        MdbResult result = shards.mdb().run("db:version", "--database", list, "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(databases(result)).as("%s", result).containsExactlyElementsOf(databases(1, 3));
    }

    @Test
    void migrateStatus_list_showsOnlyThoseShards() {
        MdbResult result =
                shards.mdb().run("db:migrate:status", "--database", "primary_shard_08,primary_shard_02", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(databases(result)).as("%s", result).containsExactlyElementsOf(databases(2, 8));
        assertThat(result.out())
                .as("%s", result)
                .contains(ParallelShards.marker(2).version())
                .contains(ParallelShards.marker(8).version())
                .doesNotContain(ParallelShards.marker(1).version())
                .doesNotContain(ParallelShards.marker(3).version());
    }

    /** Rails' status fails on a database without a history table; the other selected shards are still shown. */
    @Test
    void migrateStatus_listWithUnmigratedShard_showsTheOthersAndFails() {
        MdbResult result =
                shards.mdb().run("db:migrate:status", "--database", "primary_shard_12,primary_shard_02", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(databases(result)).as("%s", result).containsExactlyElementsOf(databases(2));
        assertThat(result.errLines())
                .as("%s", result)
                .singleElement(as(STRING))
                .contains("Schema migrations table does not exist yet")
                .contains(ParallelShards.name(12));
    }

    @Test
    void glob_matchingNothing_isConfigErrorNamingTheDatabases() {
        MdbResult result = shards.mdb().run("db:version", "--database", "secondary_*", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).as("%s", result).contains("secondary_*").contains(ParallelShards.name(1));
        assertThat(result.out()).as("%s", result).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jobs 0", "-j 0", "--jobs=-1"})
    void jobs_belowOne_isUsageError(String option) throws Exception {
        String[] args = (option + " db:migrate").split(" ");
        MdbResult result = shards.mdb().run(args);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).as("%s", result).contains("--jobs");
        assertThat(result.out()).as("%s", result).isEmpty();
        for (int shard = 10; shard <= SHARDS; shard++) {
            assertThat(shards.appliedVersions(shard))
                    .as("%s migrated anyway", ParallelShards.name(shard))
                    .isEmpty();
        }
    }

    /** The {@code database:} lines of db:version / db:migrate:status text output, in order. */
    private static List<String> databases(MdbResult result) {
        Matcher m = DATABASE_LINE.matcher(result.out());
        return m.results().map(r -> r.group(1)).toList();
    }

    private static List<String> databases(int... shardNumbers) {
        return IntStream.of(shardNumbers).mapToObj(shards::database).toList();
    }
}
