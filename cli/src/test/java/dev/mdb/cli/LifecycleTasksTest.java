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

/**
 * db:setup, db:reset, db:seed, db:seed:replant, db:truncate_all, db:migrate:reset and db:test:prepare /
 * load_schema / purge on SQLite, checked through the rows they leave behind.
 */
class LifecycleTasksTest {
    static final String DEV = "storage/development.sqlite3";
    static final String DEV_ANIMALS = "storage/development_animals.sqlite3";
    static final String TEST = "storage/test.sqlite3";
    static final String TEST_ANIMALS = "storage/test_animals.sqlite3";
    static final String ALICE = "id=1, name=Alice";
    static final String REX = "id=1, name=Rex";

    @TempDir
    Path dir;

    /** The multi-database project with seed files for primary and animals; nothing created. */
    static SqliteProject withSeeds(SqliteProject project) {
        project.write("db/seeds.sql", "-- primary seeds\nINSERT INTO users (id, name) VALUES (1, 'Alice');\n");
        project.write("db/animals_seeds.sql", "INSERT INTO dogs (id, name) VALUES (1, 'Rex');\n");
        return project;
    }

    /** Development and test migrated (so both have data to lose), schema files dumped. */
    private SqliteProject migrated() {
        SqliteProject project = withSeeds(SqliteProject.multiDb(dir));
        project.ok("db:create", "db:migrate");
        project.ok("-e", "test", "db:migrate", "--no-schema-dump");
        return project;
    }

    private List<String> users(String file) {
        return SqliteRows.rows(dir, file, "SELECT id, name FROM users ORDER BY id");
    }

    private List<String> dogs(String file) {
        return SqliteRows.rows(dir, file, "SELECT id, name FROM dogs ORDER BY id");
    }

    @Test
    void setup_createsLoadsAndSeedsTheCurrentEnvironment() {
        SqliteProject project = migrated();
        project.ok("db:drop");
        assertThat(project.exists(DEV)).isFalse();
        assertThat(project.exists(TEST)).isFalse();

        CliRun run = project.run("db:setup");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).doesNotContain("migrating");
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions(TEST_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(users(TEST)).as("seeds run in the current environment only").isEmpty();
        assertThat(dogs(TEST_ANIMALS)).isEmpty();
    }

    @Test
    void reset_dropsDataAndSeedsAgain() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        SqliteRows.execute(dir, DEV_ANIMALS, "INSERT INTO cats (id) VALUES (5)");
        SqliteRows.execute(dir, TEST, "INSERT INTO users (id, name) VALUES (3, 'Carol')");

        CliRun run = project.run("db:reset");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(SqliteRows.count(dir, DEV_ANIMALS, "cats")).isZero();
        assertThat(users(TEST)).isEmpty();
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void resetNamed_resetsOnlyThatDatabase() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        SqliteRows.execute(dir, DEV_ANIMALS, "INSERT INTO dogs (id, name) VALUES (2, 'Fido')");

        project.ok("db:reset:animals");

        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(users(DEV)).containsExactly(ALICE, "id=2, name=Bob");
    }

    @Test
    void seed_runsEachDatabasesSeedFileOnce() {
        SqliteProject project = migrated();

        CliRun run = project.run("db:seed");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(SqliteRows.count(dir, DEV_ANIMALS, "cats")).isZero();
        assertThat(users(TEST)).isEmpty();
    }

    @Test
    void seed_pendingMigrations_abortsWithoutSeeding() {
        SqliteProject project = migrated();
        project.write("db/animals_migrate/V20261105100000__create_birds.sql", "CREATE TABLE birds (id INT);\n");

        CliRun run = project.run("db:seed");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("You have 1 pending migration:", "  20261105100000 CreateBirds");
        assertThat(run.err()).startsWith("mdb: Run `mdb db:migrate` to update your database then try again.");
        assertThat(users(DEV)).isEmpty();
        assertThat(dogs(DEV_ANIMALS)).isEmpty();
    }

    @Test
    void seed_brokenSeedFile_failsAndLeavesNoPartialRows() {
        SqliteProject project = migrated();
        project.write(
                "db/seeds.sql",
                "INSERT INTO users (id, name) VALUES (1, 'Alice');\nINSERT INTO no_such_table VALUES (1);\n");

        CliRun run = project.run("db:seed");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).startsWith("mdb: ").contains("seeds.sql").contains("no_such_table");
        assertThat(users(DEV)).as("the seed file runs in one transaction").isEmpty();
    }

    @Test
    void seedReplant_truncatesThenSeeds() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        SqliteRows.execute(dir, DEV_ANIMALS, "INSERT INTO cats (id) VALUES (5)");

        CliRun run = project.run("db:seed:replant");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(SqliteRows.count(dir, DEV_ANIMALS, "cats")).isZero();
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void truncateAll_emptiesTablesKeepsHistoryAndResetsAutoincrement() {
        SqliteProject project = withSeeds(SqliteProject.multiDb(dir));
        project.write(
                "db/migrate/V20261105090000__create_tags.sql",
                "CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);\n");
        project.ok("db:create", "db:migrate", "db:seed");
        SqliteRows.execute(dir, DEV, "INSERT INTO tags (name) VALUES ('a')", "INSERT INTO tags (name) VALUES ('b')");
        SqliteRows.execute(dir, DEV, "INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'Hi')");
        Map<String, String> metadata = SqliteRows.metadata(dir, DEV);

        CliRun run = project.run("db:truncate_all");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String table : List.of("users", "posts", "tags")) {
            assertThat(SqliteRows.count(dir, DEV, table)).as(table).isZero();
        }
        assertThat(SqliteRows.count(dir, DEV_ANIMALS, "dogs")).isZero();
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS, "20261105090000");
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(SqliteRows.metadata(dir, DEV)).isEqualTo(metadata);
        SqliteRows.execute(dir, DEV, "INSERT INTO tags (name) VALUES ('c')");
        assertThat(SqliteRows.rows(dir, DEV, "SELECT id, name FROM tags")).containsExactly("id=1, name=c");
    }

    @Test
    void truncateAll_productionDatabase_refuses() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(
                dir, DEV_ANIMALS, "UPDATE mdb_internal_metadata SET value = 'production' WHERE key = 'environment'");

        CliRun run = project.run("db:truncate_all");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("'production' database");
        assertThat(users(DEV)).as("checked before anything is truncated").containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
    }

    @Test
    void migrateReset_dropsRecreatesMigratesAndDumps() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        project.delete("db/schema.sql");
        SqliteRows.execute(dir, DEV, "CREATE TABLE scratch (id INT)");

        CliRun run = project.run("db:migrate:reset");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("== " + USERS + " CreateUsers: migrating", "== " + CATS + " CreateCats: migrated");
        assertThat(users(DEV)).isEmpty();
        assertThat(dogs(DEV_ANIMALS)).isEmpty();
        assertThat(project.tables(DEV)).doesNotContain("scratch");
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(SqliteRows.read(project.path("db/schema.sql"))).contains("CREATE TABLE users");
    }

    @Test
    void migrateResetNamed_resetsOnlyThatDatabase() {
        SqliteProject project = migrated();
        project.ok("db:seed");

        project.ok("db:migrate:reset:animals");

        assertThat(dogs(DEV_ANIMALS)).isEmpty();
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(users(DEV)).containsExactly(ALICE);
    }

    @Test
    void testPrepare_loadsTheSchemaIntoTheTestDatabasesOnly() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, TEST, "INSERT INTO users (id, name) VALUES (9, 'Stale')", "CREATE TABLE junk (x INT)");
        Map<String, List<String>> development = SqliteRows.snapshot(dir, DEV);

        CliRun run = project.run("db:test:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(users(TEST)).isEmpty();
        assertThat(project.tables(TEST)).doesNotContain("junk").contains("users", "posts");
        assertThat(project.appliedVersions(TEST)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(SqliteRows.metadata(dir, TEST)).containsEntry("environment", "test");
        assertThat(SqliteRows.snapshot(dir, DEV)).isEqualTo(development);
        assertThat(users(DEV)).containsExactly(ALICE);
    }

    @Test
    void testLoadSchema_loadsTheSchemaIntoTheTestDatabasesOnly() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, TEST_ANIMALS, "INSERT INTO dogs (id, name) VALUES (9, 'Stale')");

        CliRun run = project.run("db:test:load_schema");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(dogs(TEST_ANIMALS)).isEmpty();
        assertThat(project.appliedVersions(TEST_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
    }

    @Test
    void testPrepareNamed_loadsOnlyThatTestDatabase() {
        SqliteProject project = migrated();
        SqliteRows.execute(dir, TEST, "INSERT INTO users (id, name) VALUES (9, 'Stale')");
        SqliteRows.execute(dir, TEST_ANIMALS, "INSERT INTO dogs (id, name) VALUES (9, 'Stale')");

        project.ok("db:test:prepare:animals");

        assertThat(dogs(TEST_ANIMALS)).isEmpty();
        assertThat(users(TEST)).containsExactly("id=9, name=Stale");
    }

    @Test
    void testPurge_emptiesTheTestDatabasesOnly() {
        SqliteProject project = migrated();
        project.ok("db:seed");
        SqliteRows.execute(dir, TEST, "INSERT INTO users (id, name) VALUES (9, 'Stale')");

        CliRun run = project.run("db:test:purge");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.tables(TEST)).isEmpty();
        assertThat(project.tables(TEST_ANIMALS)).isEmpty();
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS);
    }
}
