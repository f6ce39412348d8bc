package dev.mdb.cli;

import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:schema:load on SQLite: tables, recorded versions, metadata, newer migrations, missing file, protection. */
class SchemaLoadTaskTest {
    private static final String TAGS = "20261105090000";

    @TempDir
    Path dir;

    /** Development migrated and dumped; the test databases do not exist yet. */
    private SqliteProject dumped() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create:primary", "db:create:animals", "db:migrate");
        assertThat(project.exists("storage/test.sqlite3")).isFalse();
        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql", "db/animals_schema.sql");
        return project;
    }

    @Test
    void load_freshDatabases_createsTablesAndRecordsVersionsAsUp() {
        SqliteProject project = dumped();

        CliRun run = project.run("-e", "test", "db:schema:load");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).doesNotContain("migrating");
        assertThat(project.tables("storage/test.sqlite3"))
                .containsExactly("flyway_schema_history", "mdb_internal_metadata", "posts", "users");
        assertThat(project.tables("storage/test_animals.sqlite3"))
                .containsExactly("cats", "dogs", "flyway_schema_history", "mdb_internal_metadata");
        CliRun status = project.run("-e", "test", "db:migrate:status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.outLines())
                .containsSubsequence(
                        "database: storage/test.sqlite3",
                        "   up     " + USERS + "  Create users",
                        "   up     " + EMAIL + "  Add email to users",
                        "   up     " + POSTS + "  Create posts",
                        "database: storage/test_animals.sqlite3",
                        "   up     " + DOGS + "  Create dogs",
                        "   up     " + CATS + "  Create cats")
                .noneMatch(line -> line.contains("down"));
    }

    @Test
    void load_recordsEnvironmentAndSha1OfTheFile() {
        SqliteProject project = dumped();

        project.ok("-e", "test", "db:schema:load");

        assertThat(SqliteRows.metadata(dir, "storage/test.sqlite3"))
                .isEqualTo(Map.of(
                        "environment", "test", "schema_sha1", SqliteRows.sha1Hex(project.path("db/schema.sql"))));
        assertThat(SqliteRows.metadata(dir, "storage/test_animals.sqlite3"))
                .isEqualTo(Map.of(
                        "environment",
                        "test",
                        "schema_sha1",
                        SqliteRows.sha1Hex(project.path("db/animals_schema.sql"))));
        assertThat(SqliteRows.sha1Hex(project.path("db/schema.sql")))
                .isNotEqualTo(SqliteRows.sha1Hex(project.path("db/animals_schema.sql")));
    }

    @Test
    void load_thenMigrate_runsOnlyMigrationsNewerThanTheFile() {
        SqliteProject project = dumped();
        project.write("db/migrate/V" + TAGS + "__create_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        project.ok("-e", "test", "db:schema:load");

        CliRun migrate = project.run("-e", "test", "db:migrate", "--no-schema-dump");

        assertThat(migrate.exitCode()).as(migrate.describe()).isZero();
        assertThat(migrate.outLines().stream().filter(l -> l.contains(": migrating ")))
                .singleElement()
                .asString()
                .startsWith("== " + TAGS + " CreateTags: migrating");
        assertThat(project.appliedVersions("storage/test.sqlite3")).containsExactly(USERS, EMAIL, POSTS, TAGS);
        assertThat(project.tables("storage/test.sqlite3")).contains("tags");
    }

    @Test
    void load_emptiesTheDatabaseFirst() {
        SqliteProject project = dumped();
        SqliteRows.execute(dir, "storage/development.sqlite3", "INSERT INTO users (id, name) VALUES (7, 'Gone')");
        SqliteRows.execute(dir, "storage/development.sqlite3", "CREATE TABLE scratch (id INT)");

        project.ok("db:schema:load:primary");

        assertThat(SqliteRows.count(dir, "storage/development.sqlite3", "users"))
                .isZero();
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("scratch");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void load_missingFile_failsSayingHowToCreateItAndTouchesNothing() {
        SqliteProject project = dumped();
        project.ok("-e", "test", "db:schema:load");
        SqliteRows.execute(dir, "storage/test.sqlite3", "INSERT INTO users (id, name) VALUES (1, 'Kept')");
        project.delete("db/schema.sql");

        CliRun run = project.run("-e", "test", "db:schema:load");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: db/schema.sql doesn't exist yet. Run `mdb db:migrate` to create it, then try again.");
        assertThat(SqliteRows.rows(dir, "storage/test.sqlite3", "SELECT name FROM users"))
                .containsExactly("name=Kept");
    }

    @Test
    void load_schemaDumpFalse_loadsNothingSilently() {
        SqliteProject project = SqliteProject.withConfig(
                        dir,
                        SqliteProject.MULTI_DB_YML.replace(
                                "    migrations_paths: db/animals_migrate\n",
                                "    migrations_paths: db/animals_migrate\n    schema_dump: false\n"))
                .withPrimaryMigrations()
                .withAnimalsMigrations();
        project.ok("db:create:primary", "db:create:animals", "db:migrate");

        CliRun run = project.run("-e", "test", "db:schema:load");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(project.tables("storage/test.sqlite3")).contains("users");
        assertThat(project.exists("storage/test_animals.sqlite3")).isFalse();
    }

    @Test
    void load_productionDatabase_refusesUnlessCheckDisabled() {
        SqliteProject project = dumped();
        SqliteRows.execute(
                dir,
                "storage/development.sqlite3",
                "UPDATE mdb_internal_metadata SET value = 'production' WHERE key = 'environment'",
                "INSERT INTO users (id, name) VALUES (1, 'Precious')");

        CliRun refused = project.run("db:schema:load:primary");

        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("mdb: You are attempting to run a destructive action against your 'production' database")
                .contains("DISABLE_DATABASE_ENVIRONMENT_CHECK=1");
        assertThat(SqliteRows.rows(dir, "storage/development.sqlite3", "SELECT name FROM users"))
                .containsExactly("name=Precious");

        CliRun all = project.run("db:schema:load");
        assertThat(all.exitCode()).as(all.describe()).isEqualTo(1);
        assertThat(project.exists("storage/test.sqlite3"))
                .as("the check runs before any database is loaded")
                .isFalse();

        CliRun forced = project.run(Map.of("DISABLE_DATABASE_ENVIRONMENT_CHECK", "1"), "db:schema:load:primary");

        assertThat(forced.exitCode()).as(forced.describe()).isZero();
        assertThat(SqliteRows.count(dir, "storage/development.sqlite3", "users"))
                .isZero();
        assertThat(SqliteRows.metadata(dir, "storage/development.sqlite3")).containsEntry("environment", "development");
    }

    @Test
    void load_inDevelopment_alsoLoadsTheTestDatabases() {
        SqliteProject project = dumped();

        project.ok("db:schema:load");

        for (String file : List.of("storage/test.sqlite3", "storage/development.sqlite3")) {
            assertThat(project.appliedVersions(file)).as(file).containsExactly(USERS, EMAIL, POSTS);
        }
        assertThat(project.appliedVersions("storage/test_animals.sqlite3")).containsExactly(DOGS, CATS);
    }
}
