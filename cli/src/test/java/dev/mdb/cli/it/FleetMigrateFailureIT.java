package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db:migrate} over PostgreSQL databases when one fails: {@code --canary} keeps the others untouched, {@code
 * --on-error continue} goes on with what does not follow the failure, and the default (stop) starts nothing new.
 *
 * <p>The fleet: primary ({@code 01} people, {@code 05} posts) and three shards sharing {@code db/shards_migrate}
 * ({@code 02} accounts, then a pause of {@value #PAUSE} s; {@code 03} orders). A database is broken by creating the
 * table its first migration creates. Each test gets fresh databases.
 */
@Tag("postgresql")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FleetMigrateFailureIT {
    private static final String PAUSE = "0.8";
    private static final String SHARD_01 = Fleet.shardName(1);
    private static final String SHARD_02 = Fleet.shardName(2);
    private static final String SHARD_03 = Fleet.shardName(3);
    private static final Fleet FLEET = new Fleet(
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

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    Path projectDir;

    private static String sql(String path, String version) {
        return switch (version) {
            case Fleet.V01 -> "CREATE TABLE people (id BIGINT PRIMARY KEY);\n";
            case Fleet.V05 -> "CREATE TABLE posts (id BIGINT PRIMARY KEY);\n";
            case Fleet.V02 -> "CREATE TABLE accounts (id BIGINT PRIMARY KEY);\nSELECT pg_sleep(" + PAUSE + ");\n";
            case Fleet.V03 -> "CREATE TABLE orders (id BIGINT PRIMARY KEY);\n";
            default -> throw new IllegalArgumentException(path + " " + version);
        };
    }

    private PostgresFleet fleet() throws Exception {
        return PostgresFleet.create(POSTGRES, projectDir, FLEET, FleetMigrateFailureIT::sql, false);
    }

    @Test
    void migrate_canaryCountFails_othersUntouchedAndSayNotRun() throws Exception {
        PostgresFleet fleet = fleet();
        fleet.execute("primary", "CREATE TABLE people (id BIGINT PRIMARY KEY)");

        MdbResult result = fleet.mdb().run("db:migrate", "--canary", "1");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied("primary")).as("%s", result).isEmpty();
        assertThat(fleet.tables("primary")).as("%s", result).doesNotContain("posts");
        for (String shard : List.of(SHARD_01, SHARD_02, SHARD_03)) {
            assertThat(fleet.tables(shard))
                    .as("%s is untouched: no history table, no tables; %s", shard, result)
                    .isEmpty();
        }
        String out = placeholders(fleet, result.out());
        assertThat(out)
                .as("%s", result)
                .startsWith(
                        "database: primary (<primary>)\n" + Fleet.banner(Fleet.V01 + " Primary01: migrating") + "\n")
                .endsWith(notRunBlock(SHARD_01, "a canary failed", 2, Fleet.V02)
                        + notRunBlock(SHARD_02, "a canary failed", 2, Fleet.V02)
                        + notRunBlock(SHARD_03, "a canary failed", 2, Fleet.V02)
                        + "4 databases: 0 migrated, 0 already up to date, 1 failed, 3 not run.\n");
        List<String> err = result.errLines();
        assertThat(err).as("%s", result).hasSize(2);
        assertThat(err.get(0))
                .as("%s", result)
                .contains(Fleet.fileName(Fleet.PRIMARY_PATH, Fleet.V01))
                .contains("primary (" + fleet.database("primary") + ")")
                .contains("relation \"people\" already exists");
        assertThat(err.get(1))
                .as("%s", result)
                .contains("1 of 4 databases failed: primary. 3 left migrations not run (see their Not run lines),"
                        + " 0 completed");
    }

    /** A canary by name, listed after others: they are left alone too; the JSON document says the same. */
    @Test
    @SuppressWarnings("unchecked")
    void migrate_canaryByNameFails_othersUntouchedTextAndJson() throws Exception {
        PostgresFleet fleet = fleet();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id BIGINT PRIMARY KEY)");

        MdbResult text = fleet.mdb().run("db:migrate", "--canary", SHARD_02);

        assertThat(text.exitCode()).as("%s", text).isEqualTo(1);
        assertUntouched(fleet, text, "primary", SHARD_01, SHARD_03);
        assertThat(placeholders(fleet, text.out()))
                .as("%s", text)
                .startsWith(notRunBlock("primary", "a canary failed", 2, Fleet.V01)
                        + notRunBlock(SHARD_01, "a canary failed", 2, Fleet.V02)
                        + "database: " + SHARD_02 + " (<" + SHARD_02 + ">)\n"
                        + Fleet.banner(Fleet.V02 + " Shards02: migrating") + "\n")
                .endsWith(notRunBlock(SHARD_03, "a canary failed", 2, Fleet.V02)
                        + "4 databases: 0 migrated, 0 already up to date, 1 failed, 3 not run.\n");
        assertThat(text.errLines().get(0))
                .as("%s", text)
                .contains(SHARD_02 + " (" + fleet.database(SHARD_02) + ")")
                .contains("relation \"accounts\" already exists");

        MdbResult json = fleet.mdb().run("db:migrate", "--canary", SHARD_02, "--format", "json");

        assertThat(json.exitCode()).as("%s", json).isEqualTo(1);
        assertUntouched(fleet, json, "primary", SHARD_01, SHARD_03);
        Map<String, Object> doc = JSON.std.mapFrom(json.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases)
                .as("%s", json)
                .extracting(d -> d.get("name"), d -> d.get("status"), d -> d.get("outcome"), d -> d.get("not_run"))
                .containsExactly(
                        tuple("primary", "ok", "not_run", List.of(Fleet.V01, Fleet.V05)),
                        tuple(SHARD_01, "ok", "not_run", List.of(Fleet.V02, Fleet.V03)),
                        tuple(SHARD_02, "failed", null, null),
                        tuple(SHARD_03, "ok", "not_run", List.of(Fleet.V02, Fleet.V03)));
        assertThat(databases.get(2).get("error"))
                .as("%s", json)
                .asInstanceOf(STRING)
                .contains("relation \"accounts\" already exists");
        for (Map<String, Object> database : List.of(databases.get(0), databases.get(1), databases.get(3))) {
            assertThat(database).containsEntry("applied", List.of()).containsEntry("reverted", List.of());
        }
        assertThat((Map<String, Object>) doc.get("summary"))
                .as("%s", json)
                .containsExactlyEntriesOf(summary(4, 0, 0, 3, 0, 1));
    }

    @Test
    void migrate_onErrorContinue_otherShardsMigrateWhatFollowsTheFailureDoesNot() throws Exception {
        PostgresFleet fleet = fleet();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id BIGINT PRIMARY KEY)");

        MdbResult result = fleet.mdb().run("db:migrate", "--on-error", "continue");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied(SHARD_01)).as("%s", result).containsExactly(Fleet.V02, Fleet.V03);
        assertThat(fleet.applied(SHARD_02)).as("%s", result).isEmpty();
        assertThat(fleet.applied(SHARD_03)).as("%s", result).containsExactly(Fleet.V02, Fleet.V03);
        // 05 of primary follows the failed 02 in Rails' order: it does not run; 01 precedes it and did.
        assertThat(fleet.applied("primary")).as("%s", result).containsExactly(Fleet.V01);
        assertThat(fleet.tables("primary")).as("%s", result).doesNotContain("posts");
        String out = placeholders(fleet, Fleet.withoutTimings(result.out()));
        assertThat(out)
                .as("%s", result)
                .startsWith("database: primary (<primary>)\n"
                        + migratedBanners(Fleet.PRIMARY_PATH, Fleet.V01)
                        + "Not run (a migration they follow failed): 1 pending migration, from " + Fleet.V05 + ".\n\n"
                        + "database: " + SHARD_01 + " (<" + SHARD_01 + ">)\n"
                        + migratedBanners(Fleet.SHARDS_PATH, Fleet.V02, Fleet.V03)
                        + "database: " + SHARD_02 + " (<" + SHARD_02 + ">)\n"
                        + Fleet.banner(Fleet.V02 + " Shards02: migrating") + "\n")
                .endsWith("database: " + SHARD_03 + " (<" + SHARD_03 + ">)\n"
                        + migratedBanners(Fleet.SHARDS_PATH, Fleet.V02, Fleet.V03)
                        + "4 databases: 3 migrated, 0 already up to date, 1 failed, 0 not run.\n");
        assertThat(result.errLines()).as("%s", result).hasSize(2);
        assertThat(result.errLines().get(0))
                .contains(SHARD_02 + " (" + fleet.database(SHARD_02) + ")")
                .contains("relation \"accounts\" already exists");
        // primary's 05 follows the failed 02: the closing line says one database has migrations left.
        assertThat(result.errLines().get(1))
                .isEqualTo("mdb: 1 of 4 databases failed: " + SHARD_02 + ". 1 left migrations not run (see their"
                        + " Not run lines), 2 completed; see the messages above.");
    }

    /** One job, stop (the default): Rails' sequence up to the failure; the later shards are not touched. */
    @Test
    void migrate_stopWithOneJob_laterShardsNotRun() throws Exception {
        PostgresFleet fleet = fleet();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id BIGINT PRIMARY KEY)");

        MdbResult result = fleet.mdb().run("db:migrate", "--jobs", "1");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied("primary")).as("%s", result).containsExactly(Fleet.V01);
        assertThat(fleet.applied(SHARD_01)).as("%s", result).containsExactly(Fleet.V02);
        assertThat(fleet.applied(SHARD_02)).as("%s", result).isEmpty();
        assertUntouched(fleet, result, SHARD_03);
        String reason = SHARD_02 + " failed";
        String out = placeholders(fleet, Fleet.withoutTimings(result.out()));
        assertThat(out)
                .as("%s", result)
                .startsWith("database: primary (<primary>)\n"
                        + migratedBanners(Fleet.PRIMARY_PATH, Fleet.V01)
                        + "Not run (" + reason + "): 1 pending migration, from " + Fleet.V05 + ".\n\n"
                        + "database: " + SHARD_01 + " (<" + SHARD_01 + ">)\n"
                        + migratedBanners(Fleet.SHARDS_PATH, Fleet.V02)
                        + "Not run (" + reason + "): 1 pending migration, from " + Fleet.V03 + ".\n\n"
                        + "database: " + SHARD_02 + " (<" + SHARD_02 + ">)\n"
                        + Fleet.banner(Fleet.V02 + " Shards02: migrating") + "\n")
                .endsWith(notRunBlock(SHARD_03, reason, 2, Fleet.V02)
                        + "4 databases: 2 migrated, 0 already up to date, 1 failed, 1 not run.\n");
        List<String> err = result.errLines();
        assertThat(err).as("%s", result).hasSize(2);
        assertThat(err.get(0)).as("%s", result).contains(SHARD_02 + " (" + fleet.database(SHARD_02) + ")");
        assertThat(err.get(1))
                .as("%s", result)
                .contains("1 of 4 databases failed: " + SHARD_02
                        + ". 3 left migrations not run (see their Not run lines), 0 completed");
    }

    /**
     * Default jobs, stop: the shards run {@code 02} together; the broken one fails at once while the others pause.
     * Those finish {@code 02} (what runs finishes) but start nothing after the failure.
     */
    @Test
    @SuppressWarnings("unchecked")
    void migrate_stopWithParallelShards_runningMigrationsFinishNothingNewStarts() throws Exception {
        PostgresFleet fleet = fleet();
        fleet.execute(SHARD_02, "CREATE TABLE accounts (id BIGINT PRIMARY KEY)");

        MdbResult result = fleet.mdb().run("db:migrate", "--format", "json");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(fleet.applied("primary")).as("%s", result).containsExactly(Fleet.V01);
        assertThat(fleet.applied(SHARD_01)).as("%s", result).containsExactly(Fleet.V02);
        assertThat(fleet.applied(SHARD_02)).as("%s", result).isEmpty();
        assertThat(fleet.applied(SHARD_03)).as("%s", result).containsExactly(Fleet.V02);
        Map<String, Object> doc = JSON.std.mapFrom(result.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases)
                .as("%s", result)
                .extracting(d -> d.get("name"), d -> d.get("outcome"), d -> d.get("applied"), d -> d.get("not_run"))
                .containsExactly(
                        tuple("primary", "migrated", List.of(Fleet.V01), List.of(Fleet.V05)),
                        tuple(SHARD_01, "migrated", List.of(Fleet.V02), List.of(Fleet.V03)),
                        tuple(SHARD_02, null, null, null),
                        tuple(SHARD_03, "migrated", List.of(Fleet.V02), List.of(Fleet.V03)));
        assertThat(databases.get(2)).as("%s", result).containsEntry("status", "failed");
        assertThat((Map<String, Object>) doc.get("summary"))
                .as("%s", result)
                .containsExactlyEntriesOf(summary(4, 3, 0, 0, 0, 1));
    }

    private static void assertUntouched(PostgresFleet fleet, MdbResult result, String... names) throws Exception {
        for (String name : names) {
            assertThat(fleet.tables(name))
                    .as("%s is untouched: no history table, no tables; %s", name, result)
                    .isEmpty();
        }
    }

    /** The JSON summary, in its documented key order. */
    private static Map<String, Object> summary(
            int databases, int migrated, int upToDate, int notRun, int dryRun, int failed) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("databases", databases);
        summary.put("migrated", migrated);
        summary.put("up_to_date", upToDate);
        summary.put("not_run", notRun);
        summary.put("dry_run", dryRun);
        summary.put("failed", failed);
        return summary;
    }

    private static String notRunBlock(String name, String reason, int pending, String from) {
        return Fleet.notRunBlock(name, "<" + name + ">", reason, pending, from);
    }

    private static String migratedBanners(String path, String... versions) {
        return Fleet.migratedBanners(path, versions);
    }

    private static String placeholders(PostgresFleet fleet, String out) {
        return Fleet.withPlaceholders(out, fleet.databases());
    }
}
