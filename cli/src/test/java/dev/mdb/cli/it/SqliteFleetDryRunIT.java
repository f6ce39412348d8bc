package dev.mdb.cli.it;

import static dev.mdb.cli.it.FleetDryRunIT.planned;
import static dev.mdb.cli.it.FleetDryRunIT.wouldMigrate;
import static dev.mdb.cli.it.FleetDryRunIT.wouldRevert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --dry-run} on SQLite says what would run and changes nothing: primary has {@code 01} and {@code 02} applied,
 * {@code 03} pending (in a transaction) and {@code 04} pending ({@value SqliteFleet#DIRECTIVE}); animals exists (made by
 * db:create) but was never migrated: no history table, no lock file, no schema file. Before the tests each database's
 * {@code sqlite_master} and mdb's rows, and every file of the project (bytes, modification time, SHA-256) are captured;
 * after each dry run they must be the same: no {@code .mdb-lock} for animals, no {@code db/animals_schema.sql}, no
 * rewritten {@code db/schema.sql}.
 */
@Tag("sqlite")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqliteFleetDryRunIT {
    static final String USERS = Fleet.V01;
    static final String EMAIL = Fleet.V02;
    static final String POSTS = Fleet.V03;
    static final String NAME_INDEX = Fleet.V04;
    static final String DOGS = Fleet.V02;

    static final String CREATE_USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL)";
    static final String ADD_EMAIL = "ALTER TABLE users ADD COLUMN email VARCHAR(255)";
    static final String INDEX_EMAIL = "CREATE INDEX index_users_on_email ON users (email)";
    static final String DROP_EMAIL_INDEX = "DROP INDEX index_users_on_email";
    static final String DROP_EMAIL = "ALTER TABLE users DROP COLUMN email";
    static final String CREATE_POSTS =
            "CREATE TABLE posts (\n    id INTEGER PRIMARY KEY,\n    user_id INTEGER NOT NULL REFERENCES users (id)\n)";
    static final String INDEX_POSTS = "CREATE INDEX index_posts_on_user_id ON posts (user_id)";
    static final String INDEX_NAME = "CREATE INDEX index_users_on_name ON users (name)";
    static final String CREATE_DOGS = "CREATE TABLE dogs (id INTEGER PRIMARY KEY, name VARCHAR(255) NOT NULL)";

    private static final Fleet LAYOUT = new Fleet(
            List.of(
                    new Fleet.Database("primary", Fleet.PRIMARY_PATH),
                    new Fleet.Database("animals", Fleet.ANIMALS_PATH)),
            Map.of());

    @TempDir
    static Path dir;

    static SqliteFleet fleet;
    static String before;

    @BeforeAll
    static void migratePrimaryHalfway() throws Exception {
        fleet = SqliteFleet.create(dir.resolve("project"), dir.resolve("log"), LAYOUT, (f, path, version) -> "");
        writeMigrations(fleet);
        MdbResult setUp = fleet.run("db:migrate:primary");
        assertThat(setUp.exitCode()).as("set-up: %s", setUp).isZero();
        writePendingMigrations(fleet);

        before = snapshot();
        assertThat(before)
                .as("the set-up itself")
                .contains("primary: table users")
                .contains("primary: table flyway_schema_history")
                .contains("primary: index index_users_on_email")
                .contains("file storage/primary.sqlite3.mdb-lock")
                .contains("file db/schema.sql")
                .doesNotContain("posts posts")
                .doesNotContain("animals: table")
                .doesNotContain("file storage/animals.sqlite3.mdb-lock")
                .doesNotContain("animals_schema.sql");
    }

    private static void writeMigrations(SqliteFleet project) throws Exception {
        project.write("db/migrate/V" + USERS + "__create_users.sql", CREATE_USERS + ";\n");
        project.write("db/migrate/U" + USERS + "__create_users.sql", "DROP TABLE users;\n");
        project.write("db/migrate/V" + EMAIL + "__add_email_to_users.sql", ADD_EMAIL + ";\n" + INDEX_EMAIL + ";\n");
        project.write(
                "db/migrate/U" + EMAIL + "__add_email_to_users.sql", DROP_EMAIL_INDEX + ";\n" + DROP_EMAIL + ";\n");
        project.write("db/animals_migrate/V" + DOGS + "__create_dogs.sql", CREATE_DOGS + ";\n");
        project.write("db/animals_migrate/U" + DOGS + "__create_dogs.sql", "DROP TABLE dogs;\n");
    }

    private static void writePendingMigrations(SqliteFleet project) throws Exception {
        project.write("db/migrate/V" + POSTS + "__create_posts.sql", CREATE_POSTS + ";\n" + INDEX_POSTS + ";\n");
        project.write("db/migrate/U" + POSTS + "__create_posts.sql", "DROP TABLE posts;\n");
        project.write(
                "db/migrate/V" + NAME_INDEX + "__index_users_on_name.sql",
                SqliteFleet.DIRECTIVE + "\n" + INDEX_NAME + ";\n");
    }

    @Test
    void migrate_dryRun_printsEachDatabasesPendingMigrationsAndSqlThenChangesNothing() throws Exception {
        MdbResult result = fleet.run("db:migrate", "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).as("%s", result).isEmpty();
        assertThat(result.out())
                .as("%s", result)
                .isEqualTo("database: primary (storage/primary.sqlite3)\n"
                        + planned(wouldMigrate(POSTS, "CreatePosts", true), CREATE_POSTS, INDEX_POSTS)
                        + planned(wouldMigrate(NAME_INDEX, "IndexUsersOnName", false), INDEX_NAME)
                        + "database: animals (storage/animals.sqlite3)\n"
                        + planned(wouldMigrate(DOGS, "CreateDogs", true), CREATE_DOGS)
                        + "Dry run over 2 databases: 2 would migrate, 0 up to date, 0 failed. Nothing was changed.\n");
        assertUnchanged(result);
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrate_dryRunJson_documentsThePlanPerDatabaseThenChangesNothing() throws Exception {
        MdbResult result = fleet.run("db:migrate", "--dry-run", "--format", "json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(result.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases)
                .as("%s", result)
                .extracting(d -> d.get("name"), d -> d.get("database"), d -> d.get("outcome"))
                .containsExactly(
                        tuple("primary", "storage/primary.sqlite3", "dry_run"),
                        tuple("animals", "storage/animals.sqlite3", "dry_run"));
        assertThat((List<Object>) databases.get(0).get("planned"))
                .as("%s", result)
                .containsExactly(
                        FleetDryRunIT.plan("up", POSTS, "CreatePosts", true, CREATE_POSTS, INDEX_POSTS),
                        FleetDryRunIT.plan("up", NAME_INDEX, "IndexUsersOnName", false, INDEX_NAME));
        assertThat((List<Object>) databases.get(1).get("planned"))
                .as("%s", result)
                .containsExactly(FleetDryRunIT.plan("up", DOGS, "CreateDogs", true, CREATE_DOGS));
        assertThat((Map<String, Object>) doc.get("summary"))
                .as("%s", result)
                .containsEntry("databases", 2)
                .containsEntry("dry_run", 2)
                .containsEntry("migrated", 0)
                .containsEntry("failed", 0);
        assertUnchanged(result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleDatabaseVerbs")
    void verb_dryRun_printsWhatWouldRunThenChangesNothing(String command, String expected) throws Exception {
        MdbResult result = fleet.run(command.split(" "));

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
                Arguments.of("db:rollback:primary --dry-run", revertEmail),
                Arguments.of("db:rollback:primary STEP=2 --dry-run", revertEmail + revertUsers),
                Arguments.of("db:migrate:redo:primary --dry-run", revertEmail + email + posts + nameIndex),
                Arguments.of("db:migrate:redo:primary VERSION=" + EMAIL + " --dry-run", revertEmail + email),
                Arguments.of("db:migrate:up:primary VERSION=" + POSTS + " --dry-run", posts),
                Arguments.of("db:migrate:up:primary VERSION=" + NAME_INDEX + " --dry-run", nameIndex),
                Arguments.of("db:migrate:down:primary VERSION=" + USERS + " --dry-run", revertUsers),
                Arguments.of("db:migrate:up:animals VERSION=" + DOGS + " --dry-run", dogs),
                Arguments.of("db:rollback:animals --dry-run", "Nothing would run on animals.\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:drop", "db:schema:load", "db:seed", "db:migrate:status"})
    void otherTask_dryRun_refusedWithExit2BeforeAnythingRuns(String task) throws Exception {
        MdbResult result = fleet.run(task, "--dry-run");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err())
                .as("%s", result)
                .contains("--dry-run works with db:migrate, db:rollback, db:migrate:up, db:migrate:down and"
                        + " db:migrate:redo; " + task);
        assertUnchanged(result);
    }

    /**
     * A dry run takes no lock: while another process holds primary's lock file, {@code db:migrate --dry-run
     * --lock-wait 1} answers at once; a real {@code db:migrate --lock-wait 1} gives up (the control). Its own project,
     * since the holder writes its pid into the lock file.
     */
    @Test
    void migrate_dryRun_whileAnotherProcessHoldsTheLockFile_doesNotWaitForIt(@TempDir Path own, @TempDir Path logDir)
            throws Exception {
        SqliteFleet project =
                SqliteFleet.create(own.resolve("project"), own.resolve("log"), LAYOUT, (f, path, version) -> "");
        writeMigrations(project);
        Path lockFile = project.root().resolve(project.file("primary") + ".mdb-lock");

        try (ChildMdb holder = ChildMdb.startMain(HoldLockFile.class.getName(), logDir, List.of(lockFile.toString()))) {
            Await.until(
                    Duration.ofSeconds(30),
                    "the other process to lock " + lockFile,
                    () -> holder.stdout().contains("locked"));

            MdbResult dryRun = project.run("db:migrate", "--dry-run", "--lock-wait", "1");
            MdbResult real = project.run("db:migrate:primary", "--lock-wait", "1");

            holder.kill();
            assertThat(dryRun.exitCode()).as("%s", dryRun).isZero();
            assertThat(dryRun.out())
                    .as("%s", dryRun)
                    .startsWith("database: primary (storage/primary.sqlite3)\n"
                            + planned(wouldMigrate(USERS, "CreateUsers", true), CREATE_USERS));
            assertThat(real.exitCode())
                    .as("the control: a real run waits for the lock; %s", real)
                    .isEqualTo(1);
            assertThat(real.err()).as("%s", real).contains("couldn't take the migration lock");
        }
    }

    // ---- what must not change

    private static void assertUnchanged(MdbResult result) throws Exception {
        assertThat(snapshot()).as("catalogs and files after: %s", result).isEqualTo(before);
    }

    /** {@code sqlite_master} and mdb's rows of each database, then every file of the project, as text. */
    static String snapshot() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String name : LAYOUT.names()) {
            try (Connection c = fleet.connect(name)) {
                query(c, name + ": ", "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name", lines);
                List<String> tables = fleet.tables(name);
                for (String table : List.of("flyway_schema_history", "mdb_internal_metadata")) {
                    if (tables.contains(table)) {
                        query(c, name + ": " + table + " ", "SELECT * FROM " + table + " ORDER BY 1", lines);
                    }
                }
            }
        }
        // Read after the queries above: reading must not have changed a byte either.
        lines.addAll(FleetDryRunIT.files(fleet.root()));
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
}
