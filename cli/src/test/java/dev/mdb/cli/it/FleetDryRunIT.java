package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --dry-run} on PostgreSQL says what would run and changes nothing. primary has {@code 01} and {@code 02}
 * applied and {@code 03} (in a transaction) and {@code 04} ({@code CREATE INDEX CONCURRENTLY}, without one) pending;
 * animals has never been migrated: no history table, no {@code mdb_internal_metadata}, no schema file. Before the tests
 * the catalogs of both databases (relations, columns, indexes, constraints, the rows of mdb's own tables) and the
 * project's files (bytes and modification times) are captured; after every dry run they must be the same.
 */
@Tag("postgresql")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FleetDryRunIT {
    static final String USERS = Fleet.V01;
    static final String EMAIL = Fleet.V02;
    static final String POSTS = Fleet.V03;
    static final String NAME_INDEX = Fleet.V04;
    static final String DOGS = Fleet.V02;

    static final String CREATE_USERS = "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL)";
    static final String ADD_EMAIL = "ALTER TABLE users ADD COLUMN email VARCHAR(255)";
    static final String INDEX_EMAIL = "CREATE INDEX index_users_on_email ON users (email)";
    static final String DROP_EMAIL_INDEX = "DROP INDEX index_users_on_email";
    static final String DROP_EMAIL = "ALTER TABLE users DROP COLUMN email";
    static final String CREATE_POSTS =
            "CREATE TABLE posts (\n    id BIGINT PRIMARY KEY,\n    user_id BIGINT NOT NULL REFERENCES users (id)\n)";
    static final String INDEX_POSTS = "CREATE INDEX index_posts_on_user_id ON posts (user_id)";
    static final String INDEX_NAME = "CREATE INDEX CONCURRENTLY index_users_on_name ON users (name)";
    static final String CREATE_DOGS = "CREATE TABLE dogs (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL)";

    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    static Path projectDir;

    static PostgresFleet fleet;
    static String before;

    @BeforeAll
    static void migratePrimaryHalfway() throws Exception {
        Fleet layout = new Fleet(
                List.of(
                        new Fleet.Database("primary", Fleet.PRIMARY_PATH),
                        new Fleet.Database("animals", Fleet.ANIMALS_PATH)),
                Map.of());
        fleet = PostgresFleet.create(POSTGRES, projectDir, layout, (path, version) -> "", false);
        fleet.write("db/migrate/V" + USERS + "__create_users.sql", CREATE_USERS + ";\n");
        fleet.write("db/migrate/U" + USERS + "__create_users.sql", "DROP TABLE users;\n");
        fleet.write("db/migrate/V" + EMAIL + "__add_email_to_users.sql", ADD_EMAIL + ";\n" + INDEX_EMAIL + ";\n");
        fleet.write("db/migrate/U" + EMAIL + "__add_email_to_users.sql", DROP_EMAIL_INDEX + ";\n" + DROP_EMAIL + ";\n");
        fleet.write("db/animals_migrate/V" + DOGS + "__create_dogs.sql", CREATE_DOGS + ";\n");
        fleet.write("db/animals_migrate/U" + DOGS + "__create_dogs.sql", "DROP TABLE dogs;\n");
        MdbResult setUp = fleet.mdb().run("db:migrate:primary");
        assertThat(setUp.exitCode()).as("set-up: %s", setUp).isZero();
        fleet.write("db/migrate/V" + POSTS + "__create_posts.sql", CREATE_POSTS + ";\n" + INDEX_POSTS + ";\n");
        fleet.write("db/migrate/U" + POSTS + "__create_posts.sql", "DROP TABLE posts;\n");
        fleet.write("db/migrate/V" + NAME_INDEX + "__index_users_on_name.sql", INDEX_NAME + ";\n");

        before = snapshot();
        assertThat(before)
                .as("the set-up itself")
                .contains("primary: r public.users")
                .contains("primary: r public.flyway_schema_history")
                .contains("primary: i public.index_users_on_email")
                .doesNotContain("public.posts")
                .doesNotContain("animals: r public.flyway_schema_history")
                .doesNotContain("animals: r public.mdb_internal_metadata")
                .doesNotContain("animals: r public.dogs");
    }

    @Test
    void migrate_dryRun_printsEachDatabasesPendingMigrationsAndSqlThenChangesNothing() throws Exception {
        MdbResult result = fleet.mdb().run("db:migrate", "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).as("%s", result).isEmpty();
        assertThat(placeholders(result.out()))
                .as("%s", result)
                .isEqualTo("database: primary (<primary>)\n"
                        + planned(wouldMigrate(POSTS, "CreatePosts", true), CREATE_POSTS, INDEX_POSTS)
                        + planned(wouldMigrate(NAME_INDEX, "IndexUsersOnName", false), INDEX_NAME)
                        + "database: animals (<animals>)\n"
                        + planned(wouldMigrate(DOGS, "CreateDogs", true), CREATE_DOGS)
                        + "Dry run over 2 databases: 2 would migrate, 0 up to date, 0 failed. Nothing was changed.\n");
        assertUnchanged(result);
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrate_dryRunJson_documentsThePlanPerDatabaseThenChangesNothing() throws Exception {
        MdbResult result = fleet.mdb().run("db:migrate", "--dry-run", "--format", "json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(result.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases).as("%s", result).hasSize(2);
        Map<String, Object> primary = databases.get(0);
        assertThat(primary)
                .as("%s", result)
                .containsEntry("name", "primary")
                .containsEntry("database", fleet.database("primary"))
                .containsEntry("status", "ok")
                .containsEntry("outcome", "dry_run")
                .containsEntry("applied", List.of())
                .containsEntry("not_run", List.of());
        assertThat((List<Object>) primary.get("planned"))
                .as("%s", result)
                .containsExactly(
                        plan("up", POSTS, "CreatePosts", true, CREATE_POSTS, INDEX_POSTS),
                        plan("up", NAME_INDEX, "IndexUsersOnName", false, INDEX_NAME));
        assertThat(databases.get(1))
                .as("%s", result)
                .containsEntry("name", "animals")
                .containsEntry("outcome", "dry_run")
                .containsEntry("planned", List.of(plan("up", DOGS, "CreateDogs", true, CREATE_DOGS)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("databases", 2);
        summary.put("migrated", 0);
        summary.put("up_to_date", 0);
        summary.put("not_run", 0);
        summary.put("dry_run", 2);
        summary.put("failed", 0);
        assertThat((Map<String, Object>) doc.get("summary")).as("%s", result).containsExactlyEntriesOf(summary);
        assertUnchanged(result);
    }

    /** The single-database verbs: what each would run, then the same catalog and files. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleDatabaseVerbs")
    void verb_dryRun_printsWhatWouldRunThenChangesNothing(String command, String expected) throws Exception {
        MdbResult result = fleet.mdb().run(command.split(" "));

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).as("%s", result).isEmpty();
        assertThat(result.out()).as("%s", result).isEqualTo(expected);
        assertUnchanged(result);
    }

    static Stream<Arguments> singleDatabaseVerbs() {
        String revertEmail = planned(wouldRevert(EMAIL, "AddEmailToUsers", true), DROP_EMAIL_INDEX, DROP_EMAIL);
        String revertUsers = planned(wouldRevert(USERS, "CreateUsers", true), "DROP TABLE users");
        String email = planned(wouldMigrate(EMAIL, "AddEmailToUsers", true), ADD_EMAIL, INDEX_EMAIL);
        String posts = planned(wouldMigrate(POSTS, "CreatePosts", true), CREATE_POSTS, INDEX_POSTS);
        String nameIndex = planned(wouldMigrate(NAME_INDEX, "IndexUsersOnName", false), INDEX_NAME);
        String dogs = planned(wouldMigrate(DOGS, "CreateDogs", true), CREATE_DOGS);
        return Stream.of(
                Arguments.of("db:migrate:primary --dry-run", posts + nameIndex),
                Arguments.of("db:migrate:primary VERSION=" + POSTS + " --dry-run", posts),
                Arguments.of("db:rollback:primary --dry-run", revertEmail),
                Arguments.of("db:rollback:primary STEP=2 --dry-run", revertEmail + revertUsers),
                Arguments.of("db:migrate:redo:primary --dry-run", revertEmail + email + posts + nameIndex),
                Arguments.of("db:migrate:redo:primary VERSION=" + EMAIL + " --dry-run", revertEmail + email),
                Arguments.of("db:migrate:up:primary VERSION=" + POSTS + " --dry-run", posts),
                Arguments.of(
                        "db:migrate:up:primary VERSION=" + USERS + " --dry-run", "Nothing would run on primary.\n"),
                Arguments.of("db:migrate:down:primary VERSION=" + USERS + " --dry-run", revertUsers),
                Arguments.of(
                        "db:migrate:down:primary VERSION=" + POSTS + " --dry-run", "Nothing would run on primary.\n"),
                Arguments.of("db:migrate:up:animals VERSION=" + DOGS + " --dry-run", dogs),
                Arguments.of("db:rollback:animals --dry-run", "Nothing would run on animals.\n"),
                Arguments.of("db:migrate:animals --dry-run", dogs));
    }

    /**
     * VERSION over several databases runs only that version where it is pending (Rails' migrate_all): the dry run must
     * say the same, and not plan animals' older pending migration.
     */
    @Test
    void migrate_versionOverSeveralDatabases_dryRunPlansOnlyThatVersion() throws Exception {
        MdbResult result = fleet.mdb().run("db:migrate", "VERSION=" + POSTS, "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(placeholders(result.out()))
                .as("%s", result)
                .isEqualTo("database: primary (<primary>)\n"
                        + planned(wouldMigrate(POSTS, "CreatePosts", true), CREATE_POSTS, INDEX_POSTS)
                        + "Dry run over 2 databases: 1 would migrate, 1 up to date, 0 failed. Nothing was changed.\n");
        assertUnchanged(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:drop", "db:seed", "db:schema:load", "db:create", "db:migrate:status", "db:prepare"})
    void otherTask_dryRun_refusedWithExit2BeforeAnythingRuns(String task) throws Exception {
        MdbResult result = fleet.mdb().run(task, "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).as("%s", result).isEmpty();
        assertThat(result.err())
                .as("%s", result)
                .contains("--dry-run works with db:migrate, db:rollback, db:migrate:up, db:migrate:down and"
                        + " db:migrate:redo; " + task);
        assertUnchanged(result);
    }

    /**
     * A dry run takes no lock: while a real migrator holds primary's migration lock (its migration waits for a gate
     * the test holds), {@code db:migrate --dry-run --lock-wait 1} answers at once, and a real {@code db:migrate
     * --lock-wait 1} gives up, which shows the lock is held.
     */
    @Test
    void migrate_dryRun_whileAnotherMigratorHoldsTheLock_doesNotWaitForIt(@TempDir Path gatedDir) throws Exception {
        long gate = 5150;
        Fleet layout = new Fleet(List.of(new Fleet.Database("primary", Fleet.PRIMARY_PATH)), Map.of());
        PostgresFleet gated = PostgresFleet.create(POSTGRES, gatedDir, layout, (path, version) -> "", false);
        String gatedSql =
                "CREATE TABLE gated (id BIGINT PRIMARY KEY);\nSELECT pg_advisory_xact_lock_shared(" + gate + ");\n";
        gated.write("db/migrate/V" + USERS + "__gated.sql", gatedSql);
        try (Connection holder = gated.db("primary").connect()) {
            MigratedDatabase.execute(holder, "SELECT pg_advisory_lock(" + gate + ")");
            MdbRunner.Background migrator = gated.mdb().start("db:migrate");
            Await.until(
                    Duration.ofSeconds(30),
                    "the migrator to wait for the gate",
                    () -> MigratedDatabase.number(
                                    holder,
                                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                            + " AND objid = " + gate)
                            == 1);

            MdbResult dryRun = gated.mdb().run("db:migrate", "--dry-run", "--lock-wait", "1");
            MdbResult real = gated.mdb().run("db:migrate", "--lock-wait", "1");

            MigratedDatabase.execute(holder, "SELECT pg_advisory_unlock(" + gate + ")");
            MdbResult finished = migrator.result(Duration.ofSeconds(30));
            assertThat(finished.exitCode())
                    .as("the gated migrator: %s", finished)
                    .isZero();
            assertThat(dryRun.exitCode()).as("%s", dryRun).isZero();
            assertThat(dryRun.err()).as("%s", dryRun).isEmpty();
            assertThat(dryRun.out())
                    .as("%s", dryRun)
                    .isEqualTo(planned(
                            wouldMigrate(USERS, "Gated", true),
                            "CREATE TABLE gated (id BIGINT PRIMARY KEY)",
                            "SELECT pg_advisory_xact_lock_shared(" + gate + ")"));
            assertThat(real.exitCode())
                    .as("the control: a real run waits for the lock; %s", real)
                    .isEqualTo(1);
            assertThat(real.err()).as("%s", real).contains("couldn't take the migration lock");
        }
    }

    // ---- expected output

    static String wouldMigrate(String version, String name, boolean transaction) {
        return banner(version, name, "migrate", transaction);
    }

    static String wouldRevert(String version, String name, boolean transaction) {
        return banner(version, name, "revert", transaction);
    }

    private static String banner(String version, String name, String verb, boolean transaction) {
        return Fleet.banner(version + " " + name + ": would " + verb
                + (transaction ? ", in a transaction" : ", without a transaction (each statement commits)"));
    }

    /** A planned migration as text: its banner, each statement with its semicolon, a blank line. */
    static String planned(String banner, String... statements) {
        StringBuilder out = new StringBuilder(banner).append('\n');
        for (String statement : statements) {
            out.append(statement).append(";\n");
        }
        return out.append('\n').toString();
    }

    /** A planned migration as JSON. */
    static Map<String, Object> plan(
            String direction, String version, String name, boolean transaction, String... statements) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("direction", direction);
        plan.put("version", version);
        plan.put("name", name);
        plan.put("transaction", transaction);
        plan.put("statements", List.of(statements));
        return plan;
    }

    private static String placeholders(String out) {
        return Fleet.withPlaceholders(out, fleet.databases());
    }

    // ---- what must not change

    private static void assertUnchanged(MdbResult result) throws Exception {
        assertThat(snapshot()).as("catalogs and files after: %s", result).isEqualTo(before);
    }

    /** Both databases' catalogs and mdb's rows, and the project's files, as text that diffs well. */
    static String snapshot() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String name : fleet.databases().keySet()) {
            try (Connection c = fleet.db(name).connect()) {
                query(
                        c,
                        name + ": ",
                        "SELECT c.relkind, n.nspname || '.' || c.relname FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                                + " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'"
                                + " ORDER BY 2, 1",
                        lines);
                query(
                        c,
                        name + ": column ",
                        "SELECT table_schema, table_name, column_name, data_type, is_nullable"
                                + " FROM information_schema.columns"
                                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                                + " ORDER BY table_schema, table_name, ordinal_position",
                        lines);
                query(
                        c,
                        name + ": index ",
                        "SELECT indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog')"
                                + " ORDER BY indexname",
                        lines);
                query(
                        c,
                        name + ": constraint ",
                        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                + " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
                        lines);
                query(c, name + ": schema ", "SELECT nspname FROM pg_namespace ORDER BY 1", lines);
                for (String table : List.of("flyway_schema_history", "mdb_internal_metadata")) {
                    if (fleet.db(name).tableExists(table)) {
                        query(c, name + ": " + table + " ", "SELECT * FROM " + table + " ORDER BY 1", lines);
                    }
                }
            }
        }
        lines.addAll(files(projectDir));
        return String.join("\n", lines) + "\n";
    }

    private static void query(Connection c, String prefix, String sql, List<String> lines) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                lines.add(prefix + String.join(" ", values));
            }
        }
    }

    /** Every file under {@code root}: relative path, size, modification time and SHA-256. */
    static List<String> files(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    lines.add("file " + root.relativize(file) + " " + Files.size(file) + " bytes, modified "
                            + Files.getLastModifiedTime(file) + ", sha256 " + sha256(file));
                } else if (!file.equals(root)) {
                    lines.add("directory " + root.relativize(file));
                }
            }
        }
        return lines;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
