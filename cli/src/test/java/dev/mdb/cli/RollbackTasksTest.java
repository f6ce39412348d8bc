package dev.mdb.cli;

import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** db:rollback, db:migrate:up, db:migrate:down and db:migrate:redo: guards, VERSION/STEP rules and effects. */
class RollbackTasksTest {
    @TempDir
    Path dir;

    private SqliteProject migratedMultiDb() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create", "db:migrate");
        return project;
    }

    private SqliteProject migratedSingleDb() {
        SqliteProject project = SqliteProject.singleDb(dir);
        project.ok("db:create", "db:migrate");
        return project;
    }

    static Stream<Arguments> multiDbGuard() {
        return Stream.of(
                Arguments.of("db:rollback", new String[] {"db:rollback"}),
                Arguments.of("db:migrate:up", new String[] {"db:migrate:up", "VERSION=" + USERS}),
                Arguments.of("db:migrate:down", new String[] {"db:migrate:down", "VERSION=" + USERS}),
                Arguments.of("db:migrate:redo", new String[] {"db:migrate:redo"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiDbGuard")
    void unnamespacedTask_multipleDatabases_printsRailsGuardMessage(String task, String[] args) {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run(args);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("mdb: You're using a multiple database application. To use `" + task
                        + "` you must run the namespaced task with a VERSION. Available tasks are " + task
                        + ":primary and " + task + ":animals.");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void rollbackNamed_withVersion_pointsToMigrateDown() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:rollback:primary", "VERSION=" + USERS);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("mdb: VERSION is not supported - To rollback a specific version, use db:migrate:down");
    }

    @Test
    void rollbackNamed_defaultStep_revertsNewestMigration() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:rollback:primary");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0))
                .isEqualTo("== " + POSTS + " CreatePosts: reverting " + "=".repeat(38))
                .hasSize(79);
        assertThat(run.outLines().get(1))
                .matches("== " + POSTS + " CreatePosts: reverted \\(\\d+\\.\\d{4}s\\) =+")
                .hasSize(79);
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL);
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("posts");
    }

    @Test
    void rollbackNamed_stepTwo_revertsTwoNewestOfThatDatabaseOnly() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:rollback:animals", "STEP=2");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.contains(": reverted ("))
                .extracting(l -> l.substring(3, l.indexOf(':')))
                .containsExactly(CATS + " CreateCats", DOGS + " CreateDogs");
        assertThat(project.appliedVersions("storage/development_animals.sqlite3"))
                .isEmpty();
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void rollback_singleDatabase_needsNoNamespace() {
        SqliteProject project = migratedSingleDb();

        CliRun run = project.run("db:rollback", "--step", "2");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS);
    }

    @Test
    void rollback_downFileWithBackslashAtEndOfString_runsEveryStatement() {
        SqliteProject project = SqliteProject.withConfig(dir, SqliteProject.SINGLE_DB_YML)
                .write(
                        "db/migrate/V20261110000000__create_paths.sql",
                        "CREATE TABLE paths (p TEXT);\nINSERT INTO paths VALUES ('C:\\');\n")
                .write(
                        "db/migrate/U20261110000000__create_paths.sql",
                        "DELETE FROM paths WHERE p = 'C:\\';\nDROP TABLE paths;\n");
        project.ok("db:create:primary", "db:migrate");

        CliRun run = project.run("db:rollback");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("paths");
        assertThat(project.appliedVersions("storage/development.sqlite3")).isEmpty();
    }

    @Test
    void rollbackNamed_missingDownFile_failsNamingExpectedFile() {
        SqliteProject project = migratedMultiDb();
        project.delete("db/migrate/U" + POSTS + "__create_posts.sql");

        CliRun run = project.run("db:rollback:primary");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: ")
                .contains(project.path("db/migrate/U" + POSTS + "__create_posts.sql")
                        .toString())
                .contains("does not exist");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void rollbackNamed_stepNotANumber_isUsageError() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:rollback:primary", "STEP=abc");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("mdb: ")
                .contains("STEP");
        assertThat(project.appliedVersions("storage/development.sqlite3")).hasSize(3);
    }

    static Stream<Arguments> versionRequired() {
        return Stream.of(
                Arguments.of("db:migrate:up", "mdb: VERSION is required"),
                Arguments.of("db:migrate:down", "mdb: VERSION is required - To go down one migration, use db:rollback"),
                Arguments.of("db:migrate:up:primary", "mdb: VERSION is required"),
                Arguments.of("db:migrate:down:primary", "mdb: VERSION is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionRequired")
    void upDown_withoutVersion_printsRailsMessage(String task, String expected) {
        SqliteProject project = migratedSingleDb();

        CliRun run = project.run(task);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("versionTasks")
    void versionTask_malformedVersion_isInvalidFormat(String task) {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run(task, "VERSION=abc");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("mdb: Invalid format of target version: `VERSION=abc`");
    }

    static Stream<String> versionTasks() {
        return Stream.of(
                "db:migrate",
                "db:migrate:primary",
                "db:migrate:up:primary",
                "db:migrate:down:animals",
                "db:migrate:redo:primary");
    }

    @Test
    void downNamed_appliedVersion_revertsOnlyThatMigration() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:migrate:down:primary", "VERSION=" + EMAIL);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines().get(0)).startsWith("== " + EMAIL + " AddEmailToUsers: reverting ");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, POSTS);
    }

    @Test
    void upNamed_pendingVersion_appliesOnlyThatMigration() {
        SqliteProject project = migratedMultiDb();
        project.ok("db:migrate:down:primary", "VERSION=" + EMAIL);
        project.ok("db:migrate:down:primary", "VERSION=" + USERS);

        CliRun run = project.run("db:migrate:up:primary", "VERSION=" + USERS);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines().get(0)).startsWith("== " + USERS + " CreateUsers: migrating ");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactlyInAnyOrder(USERS, POSTS);
    }

    @Test
    void upNamed_unknownVersion_failsNamingIt() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:migrate:up:primary", "VERSION=19990101000000");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).startsWith("mdb: no migration with version 19990101000000");
    }

    @Test
    void redoNamed_withoutVersion_rollsBackAndMigratesAgain() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:migrate:redo:primary");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("=="))
                .extracting(l -> l.substring(l.indexOf(':') + 2, l.indexOf(' ', l.indexOf(':') + 2)))
                .containsExactly("reverting", "reverted", "migrating", "migrated");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void redoNamed_withVersion_downAndUpOfThatVersion() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:migrate:redo:primary", "VERSION=" + EMAIL);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("=="))
                .allMatch(l -> l.startsWith("== " + EMAIL + " AddEmailToUsers: "))
                .hasSize(4);
        assertThat(project.appliedVersions("storage/development.sqlite3"))
                .containsExactlyInAnyOrder(USERS, EMAIL, POSTS);
    }

    @Test
    void redoNamed_emptyVersion_printsEmptyVersionProvided() {
        SqliteProject project = migratedMultiDb();

        CliRun run = project.run("db:migrate:redo:primary", "VERSION=");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("mdb: Empty VERSION provided");
    }
}
