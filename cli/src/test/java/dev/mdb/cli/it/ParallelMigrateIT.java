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
 * {@code db:migrate --jobs 8 --on-error continue} over 16 PostgreSQL shards where one shard's second shared migration
 * fails: the other shards are migrated all the same (the shared files do not wait for each other across shards), the
 * failure is reported with its file and the server's error, the exit code is 1, and stdout holds each shard's banners
 * as one block under its header, in config order, then the summary. With one job, Rails' order: each version on every
 * shard in turn, stopping at the failure.
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

        MdbResult result = shards.mdb().run("db:migrate", "--jobs", "8", "--on-error", "continue");

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
        assertThat(withoutTimings(result.out()))
                .as("%s", result)
                .isEqualTo(expectedOutput(shards, Set.of(FAILING))
                        + "16 databases: 15 migrated, 0 already up to date, 1 failed, 0 not run.\n");
    }

    @Test
    void migrate_jobs8_twoShardsFail_eachReportedThenSummaryOthersMigrated() throws Exception {
        ParallelShards shards = ParallelShards.create(POSTGRES, projectDir, SHARDS);
        shards.execute(3, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");
        shards.execute(11, "CREATE TABLE orders (id BIGINT PRIMARY KEY)");

        MdbResult result = shards.mdb().run("db:migrate", "-j", "8", "--on-error", "continue");

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
        assertThat(withoutTimings(result.out()))
                .as("%s", result)
                .isEqualTo(expectedOutput(shards, Set.of(3, 11))
                        + "16 databases: 14 migrated, 0 already up to date, 2 failed, 0 not run.\n");
    }

    /**
     * One job is Rails' sequence: every shard's marker (each its own version), then each shared version on every shard
     * in config order; it stops at the failing shard's second shared migration. The shards before it have that one
     * too, those after it do not, and none has the third; each says what did not run.
     */
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
            List<String> expected = shard < FAILING ? all.subList(0, 3) : all.subList(0, 2);
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s; %s", ParallelShards.name(shard), result)
                    .containsExactlyElementsOf(expected);
        }
        String reason = "Not run (" + ParallelShards.name(FAILING) + " failed): ";
        String out = result.out();
        for (int shard = 1; shard <= SHARDS; shard++) {
            if (shard != FAILING) {
                int left = shard < FAILING ? 1 : 2;
                String from = ParallelShards.COMMON.get(3 - left).version();
                assertThat(out)
                        .as("%s", result)
                        .contains("database: " + ParallelShards.name(shard) + " (" + shards.database(shard) + ")\n")
                        .contains(reason + left + " pending migration" + (left == 1 ? "" : "s") + ", from " + from
                                + ".\n");
            }
        }
        assertThat(out).endsWith("16 databases: 15 migrated, 0 already up to date, 1 failed, 0 not run.\n");
        assertThat(result.errLines()).as("%s", result).hasSize(2);
        assertThat(result.errLines().get(0))
                .contains(ParallelShards.name(FAILING) + " (" + shards.database(FAILING) + ")");
        assertThat(result.errLines().get(1))
                .isEqualTo("mdb: 1 of 16 databases failed: " + ParallelShards.name(FAILING)
                        + ". 15 left migrations not run (see their Not run lines), 0 completed; see the messages"
                        + " above.");
    }

    /**
     * A fleet larger than the idle connection cap (32 with 8 jobs): databases whose connection is still open go first.
     * A shard beyond the cap connects three times at most: the plan's connection is closed, its own marker migration
     * (which every shared one waits for, across directories) runs on a second, and the three shared ones on a third.
     * Taking the shards in version waves instead would close and reopen a connection between the shared migrations:
     * five sessions for those shards. Counted by the server ({@code pg_stat_database.sessions}, PostgreSQL 14+).
     */
    @Test
    void migrate_moreShardsThanIdleConnections_noReconnectBetweenSharedMigrations() throws Exception {
        int count = 40;
        ParallelShards shards = ParallelShards.create(POSTGRES, projectDir, count);

        MdbResult result = shards.mdb().run("db:migrate", "--jobs", "8");

        assertThat(result.exitCode()).as("%s", result).isZero();
        List<String> databases = new java.util.ArrayList<>();
        for (int shard = 1; shard <= count; shard++) {
            databases.add(shards.database(shard));
        }
        // A session is counted when it ends: wait until every shard's are in and two reads agree.
        java.util.Map<String, Long> sessions = new java.util.HashMap<>();
        Await.until(java.time.Duration.ofSeconds(10), "the shards' sessions counted", () -> {
            java.util.Map<String, Long> now = sessionsPerDatabase(databases);
            boolean settled = now.size() == count && now.values().stream().allMatch(n -> n > 0) && now.equals(sessions);
            sessions.clear();
            sessions.putAll(now);
            return settled;
        });
        assertThat(sessions)
                .as("server sessions per shard database; %s", result)
                .allSatisfy((db, n) -> assertThat(n).as(db).isBetween(1L, 3L));
        for (int shard = 1; shard <= count; shard++) {
            assertThat(shards.appliedVersions(shard))
                    .as("applied migrations of %s", ParallelShards.name(shard))
                    .hasSize(4);
        }
    }

    private static java.util.Map<String, Long> sessionsPerDatabase(List<String> databases) throws Exception {
        java.util.Map<String, Long> sessions = new java.util.HashMap<>();
        try (java.sql.Connection c = POSTGRES.connect(null);
                java.sql.PreparedStatement s =
                        c.prepareStatement("SELECT datname, sessions FROM pg_stat_database WHERE datname = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return sessions;
    }

    /**
     * Every shard's block in config order, each whole under its header: its marker and the three shared migrations;
     * the failing shard's block ends at the migration that failed.
     */
    private static String expectedOutput(ParallelShards shards, Set<Integer> failing) {
        StringBuilder out = new StringBuilder();
        for (int shard = 1; shard <= SHARDS; shard++) {
            out.append("database: ")
                    .append(ParallelShards.name(shard))
                    .append(" (")
                    .append(shards.database(shard))
                    .append(")\n");
            for (Migration m : ParallelShards.migrations(shard)) {
                out.append(banner(m.version() + " " + m.className() + ": migrating"))
                        .append('\n');
                if (failing.contains(shard) && m.version().equals(ParallelShards.ORDERS)) {
                    // A failed block ends with a blank line too; its error is on stderr.
                    out.append('\n');
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
