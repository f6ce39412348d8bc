package dev.mdb.cli;

import static dev.mdb.cli.LifecycleTasksTest.ALICE;
import static dev.mdb.cli.LifecycleTasksTest.DEV;
import static dev.mdb.cli.LifecycleTasksTest.DEV_ANIMALS;
import static dev.mdb.cli.LifecycleTasksTest.REX;
import static dev.mdb.cli.LifecycleTasksTest.TEST;
import static dev.mdb.cli.LifecycleTasksTest.TEST_ANIMALS;
import static dev.mdb.cli.SchemaDumpTaskTest.historyVersions;
import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * db:prepare never destroys data: it creates what is missing, loads schema files only into new or empty databases,
 * migrates, re-dumps only what it migrated, and seeds only the databases it created.
 */
class PrepareTaskTest {
    private static final String BIRDS = "20261105100000";
    private static final String MARKER = "-- not re-dumped\n";
    private static final List<String> DATABASES = List.of(DEV, DEV_ANIMALS, TEST, TEST_ANIMALS);

    @TempDir
    Path dir;

    private static String animalsSettings(String extra) {
        return SqliteProject.MULTI_DB_YML.replace(
                "    migrations_paths: db/animals_migrate\n", "    migrations_paths: db/animals_migrate\n" + extra);
    }

    /** The multi-database project with seeds; {@code yml} replaces its database.yml. */
    private SqliteProject project(String yml) {
        return LifecycleTasksTest.withSeeds(
                SqliteProject.withConfig(dir, yml).withPrimaryMigrations().withAnimalsMigrations());
    }

    /** Schema files written by a migrate, then every database dropped: what a fresh checkout looks like. */
    private SqliteProject freshCheckout(String yml) {
        SqliteProject project = project(yml);
        project.ok("db:create", "db:migrate");
        project.ok("db:drop");
        DATABASES.forEach(file -> assertThat(project.exists(file)).as(file).isFalse());
        return project;
    }

    private List<String> users(String file) {
        return SqliteRows.rows(dir, file, "SELECT id, name FROM users ORDER BY id");
    }

    private List<String> dogs(String file) {
        return SqliteRows.rows(dir, file, "SELECT id, name FROM dogs ORDER BY id");
    }

    private Map<String, Map<String, List<String>>> snapshot() {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        for (String file : DATABASES) {
            all.put(file, SqliteRows.snapshot(dir, file));
        }
        return all;
    }

    @Test
    void prepare_nothingExists_createsLoadsSchemaAndSeedsThePrimaryOnce() {
        SqliteProject project = freshCheckout(SqliteProject.MULTI_DB_YML);
        Map<String, String> files = SqliteRows.schemaFiles(dir);

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "Created database 'storage/development.sqlite3'",
                        "Created database 'storage/development_animals.sqlite3'",
                        "Created database 'storage/test.sqlite3'",
                        "Created database 'storage/test_animals.sqlite3'");
        assertThat(project.exists("storage/legacy.sqlite3")).isFalse();
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions(TEST_ANIMALS)).containsExactly(DOGS, CATS);
        assertThat(SqliteRows.metadata(dir, DEV))
                .as("loaded from the schema file, not migrated")
                .containsEntry("schema_sha1", SqliteRows.sha1Hex(project.path("db/schema.sql")));
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS))
                .as("seeds: defaults to false for non-primary databases")
                .isEmpty();
        assertThat(users(TEST)).as("only the current environment is seeded").isEmpty();
        assertThat(SqliteRows.schemaFiles(dir))
                .as("nothing migrated, nothing re-dumped")
                .isEqualTo(files);
    }

    @Test
    void prepare_nothingExistsNoSchemaFiles_migratesDumpsAndSeeds() {
        SqliteProject project = project(SqliteProject.MULTI_DB_YML);

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out())
                .contains("== " + USERS + " CreateUsers: migrating", "== " + CATS + " CreateCats: migrated");
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions(TEST)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(project.path("db/animals_schema.sql"))).containsExactly(DOGS, CATS);
        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).isEmpty();
    }

    @Test
    void prepare_seedsTrue_seedsThatDatabaseToo() {
        SqliteProject project = freshCheckout(animalsSettings("    seeds: true\n"));

        project.ok("db:prepare");

        assertThat(users(DEV)).containsExactly(ALICE);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
        assertThat(dogs(TEST_ANIMALS)).isEmpty();
    }

    @Test
    void prepare_oneDatabaseDropped_recreatesOnlyItAndLeavesTheOthersDataAlone() {
        SqliteProject project = freshCheckout(animalsSettings("    seeds: true\n"));
        project.ok("db:prepare");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        SqliteRows.execute(dir, DEV_ANIMALS, "INSERT INTO dogs (id, name) VALUES (2, 'Fido')");
        project.ok("db:drop:primary");
        Map<String, List<String>> animals = SqliteRows.snapshot(dir, DEV_ANIMALS);
        Map<String, List<String>> test = SqliteRows.snapshot(dir, TEST);

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Created database 'storage/development.sqlite3'");
        assertThat(project.appliedVersions(DEV)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(users(DEV)).as("recreated, loaded and seeded").containsExactly(ALICE);
        assertThat(SqliteRows.snapshot(dir, DEV_ANIMALS))
                .as("untouched and not seeded again")
                .isEqualTo(animals);
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX, "id=2, name=Fido");
        assertThat(SqliteRows.snapshot(dir, TEST)).isEqualTo(test);
    }

    @Test
    void prepare_everythingUpToDate_changesNothing() {
        SqliteProject project = freshCheckout(animalsSettings("    seeds: true\n"));
        project.ok("db:prepare");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        Map<String, Map<String, List<String>>> before = snapshot();
        Map<String, String> files = SqliteRows.schemaFiles(dir);

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(SqliteRows.schemaFiles(dir)).isEqualTo(files);
        assertThat(users(DEV)).containsExactly(ALICE, "id=2, name=Bob");
        assertThat(dogs(DEV_ANIMALS)).containsExactly(REX);
    }

    @Test
    void prepare_tablesWithoutHistory_refusesAndKeepsTheData() {
        SqliteProject project = freshCheckout(SqliteProject.MULTI_DB_YML);
        project.ok("db:create:primary");
        SqliteRows.execute(
                dir, DEV, "CREATE TABLE accounts (id INT, owner TEXT)", "INSERT INTO accounts VALUES (1, 'keep me')");
        Map<String, List<String>> before = SqliteRows.snapshot(dir, DEV);

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: database 'storage/development.sqlite3' (development/primary) has tables (accounts)")
                .contains("no migration history")
                .contains("`mdb db:reset:primary`", "`mdb db:migrate:primary`");
        assertThat(SqliteRows.snapshot(dir, DEV)).isEqualTo(before);
        assertThat(project.tables(DEV)).containsExactly("accounts");
        assertThat(project.exists(DEV_ANIMALS))
                .as("stopped at the first database")
                .isFalse();
    }

    @Test
    void prepare_tablesWithoutHistory_theSuggestedMigrateKeepsTheData() {
        SqliteProject project = freshCheckout(SqliteProject.MULTI_DB_YML);
        project.ok("db:create:primary");
        SqliteRows.execute(dir, DEV, "CREATE TABLE accounts (id INT)", "INSERT INTO accounts VALUES (1)");
        assertThat(project.run("db:prepare").exitCode()).isEqualTo(1);

        project.ok("db:migrate:primary");
        CliRun prepare = project.run("db:prepare");

        assertThat(prepare.exitCode()).as(prepare.describe()).isZero();
        assertThat(SqliteRows.rows(dir, DEV, "SELECT id FROM accounts")).containsExactly("id=1");
        assertThat(project.appliedVersions(DEV))
                .as("after Flyway's baseline at 0")
                .endsWith(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS);
    }

    @Test
    void prepare_pendingMigrations_appliesThemAndRedumpsOnlyMigratedDatabases() {
        SqliteProject project = freshCheckout(SqliteProject.MULTI_DB_YML);
        project.ok("db:prepare");
        SqliteRows.execute(dir, DEV, "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        SqliteRows.append(project.path("db/schema.sql"), MARKER);
        project.write("db/animals_migrate/V" + BIRDS + "__create_birds.sql", "CREATE TABLE birds (id INT);\n");

        CliRun run = project.run("db:prepare");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("== " + BIRDS + " CreateBirds: migrated");
        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS, BIRDS);
        assertThat(project.appliedVersions(TEST_ANIMALS)).containsExactly(DOGS, CATS, BIRDS);
        assertThat(SqliteRows.read(project.path("db/animals_schema.sql"))).contains("CREATE TABLE birds");
        assertThat(historyVersions(project.path("db/animals_schema.sql"))).containsExactly(DOGS, CATS, BIRDS);
        assertThat(SqliteRows.read(project.path("db/schema.sql"))).endsWith(MARKER);
        assertThat(users(DEV)).containsExactly(ALICE, "id=2, name=Bob");
        assertThat(dogs(DEV_ANIMALS)).isEmpty();
    }

    @Test
    void prepare_pendingMigrationsWithNoSchemaDump_leavesFilesAlone() {
        SqliteProject project = freshCheckout(SqliteProject.MULTI_DB_YML);
        project.ok("db:prepare");
        Map<String, String> files = SqliteRows.schemaFiles(dir);
        project.write("db/animals_migrate/V" + BIRDS + "__create_birds.sql", "CREATE TABLE birds (id INT);\n");

        project.ok("db:prepare", "--no-schema-dump");

        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS, BIRDS);
        assertThat(SqliteRows.schemaFiles(dir)).isEqualTo(files);
    }

    @Test
    void prepare_pendingMigrationsWithConfigDumpOff_leavesThatFileAlone() {
        SqliteProject project = freshCheckout(animalsSettings("    dump_schema_after_migration: false\n"));
        project.ok("db:prepare");
        project.ok("db:schema:dump:animals");
        Map<String, String> files = SqliteRows.schemaFiles(dir);
        project.write("db/animals_migrate/V" + BIRDS + "__create_birds.sql", "CREATE TABLE birds (id INT);\n");

        project.ok("db:prepare");

        assertThat(project.appliedVersions(DEV_ANIMALS)).containsExactly(DOGS, CATS, BIRDS);
        assertThat(SqliteRows.schemaFiles(dir)).isEqualTo(files);
    }
}
