package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** db:create, db:create:NAME, db:create:all, db:drop, db:drop:all and db:purge on SQLite files. */
class CreateDropTasksTest {
    @TempDir
    Path dir;

    SqliteProject project;

    @BeforeEach
    void setUp() {
        project = SqliteProject.multiDb(dir);
    }

    @Test
    void create_development_alsoCreatesTestDatabases() {
        CliRun run = project.run("db:create");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/development.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'",
                        "Created database 'storage/test.sqlite3'",
                        "Created database 'storage/test_animals.sqlite3'");
        assertThat(run.err()).isEmpty();
        assertThat(project.exists("storage/test_animals.sqlite3")).isTrue();
        assertThat(project.exists("storage/legacy.sqlite3")).isFalse();
    }

    @Test
    void create_secondRun_reportsAlreadyExistsOnStderrAndSucceeds() {
        project.ok("db:create");

        CliRun run = project.run("db:create");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly(
                        "Database 'storage/development.sqlite3' already exists",
                        "Database 'storage/development_animals.sqlite3' already exists",
                        "Database 'storage/test.sqlite3' already exists",
                        "Database 'storage/test_animals.sqlite3' already exists");
    }

    @Test
    void create_skipTestDatabase_createsOnlyDevelopment() {
        CliRun run = project.run(Map.of("SKIP_TEST_DATABASE", "1"), "db:create");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/development.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'");
        assertThat(project.exists("storage/test.sqlite3")).isFalse();
    }

    @Test
    void create_databaseUrlSet_usesItForPrimaryAndSkipsTest() {
        CliRun run = project.run(Map.of("DATABASE_URL", "sqlite3:storage/from_url.sqlite3"), "db:create");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/from_url.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'");
        assertThat(project.exists("storage/test.sqlite3")).isFalse();
        assertThat(project.exists("storage/development.sqlite3")).isFalse();
    }

    @Test
    void create_testEnvironmentFromMdbEnv_createsOnlyTest() {
        CliRun run = project.run(Map.of("MDB_ENV", "test"), "db:create");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/test.sqlite3'", "Created database 'storage/test_animals.sqlite3'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:create:animals", "--database=animals db:create"})
    void createNamed_animals_createsOnlyThatDatabaseWithoutTest(String command) {
        CliRun run = project.run(command.split(" ", -1));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Created database 'storage/development_animals.sqlite3'");
        assertThat(project.exists("storage/development.sqlite3")).isFalse();
        assertThat(project.exists("storage/test_animals.sqlite3")).isFalse();
    }

    @Test
    void createAll_createsVisibleDatabasesOfEveryEnvironment() {
        CliRun run = project.run("db:create:all");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/development.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'",
                        "Created database 'storage/test.sqlite3'",
                        "Created database 'storage/test_animals.sqlite3'");
        assertThat(project.exists("storage/legacy.sqlite3")).isFalse();
    }

    @Test
    void drop_existingDatabases_dropsDevelopmentAndTest() {
        project.ok("db:create");

        CliRun run = project.run("db:drop");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Dropped database 'storage/development.sqlite3'",
                        "Dropped database 'storage/development_animals.sqlite3'",
                        "Dropped database 'storage/test.sqlite3'",
                        "Dropped database 'storage/test_animals.sqlite3'");
        assertThat(run.err()).isEmpty();
        assertThat(project.exists("storage/development.sqlite3")).isFalse();
    }

    @Test
    void drop_missingDatabase_reportsDoesNotExistOnStderrAndSucceeds() {
        project.ok("db:create:primary");

        CliRun run = project.run(Map.of("SKIP_TEST_DATABASE", "1"), "db:drop");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Dropped database 'storage/development.sqlite3'");
        assertThat(run.errLines()).containsExactly("Database 'storage/development_animals.sqlite3' does not exist");
    }

    @Test
    void dropNamed_animals_dropsOnlyThatDatabase() {
        project.ok("db:create");

        CliRun run = project.run("db:drop:animals");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Dropped database 'storage/development_animals.sqlite3'");
        assertThat(project.exists("storage/development.sqlite3")).isTrue();
        assertThat(project.exists("storage/test_animals.sqlite3")).isTrue();
    }

    @Test
    void dropAll_dropsEveryEnvironment() {
        project.ok("db:create:all");

        CliRun run = project.run("db:drop:all");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Dropped database 'storage/development.sqlite3'",
                        "Dropped database 'storage/development_animals.sqlite3'",
                        "Dropped database 'storage/test.sqlite3'",
                        "Dropped database 'storage/test_animals.sqlite3'");
        assertThat(project.exists("storage/test.sqlite3")).isFalse();
    }

    @Test
    void verboseFalse_createAndDrop_printNothing() {
        CliRun run = project.run("db:create", "db:drop", "VERBOSE=false");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void purge_migratedDatabases_leavesEmptyDatabases() {
        project.ok("db:create", "db:migrate");

        CliRun run = project.run("db:purge");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(project.exists("storage/development.sqlite3")).isTrue();
        assertThat(project.tables("storage/development.sqlite3")).isEmpty();
        assertThat(project.tables("storage/development_animals.sqlite3")).isEmpty();
        assertThat(project.run("db:version:primary").out()).isEqualTo("Current version: 0\n");
    }
}
