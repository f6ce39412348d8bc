package dev.mdb.cli;

import static dev.mdb.cli.SchemaDumpTaskTest.historyVersions;
import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rails' {@code _dump}: migrate, rollback, up, down and redo re-dump the schema files of the databases they acted on,
 * and {@code --no-schema-dump}, {@code DUMP_SCHEMA_AFTER_MIGRATION=false} and {@code dump_schema_after_migration:
 * false} turn it off.
 */
class SchemaDumpAfterMigrationTest {
    private static final String MARKER = "-- not re-dumped\n";

    @TempDir
    Path dir;

    private SqliteProject migratedMultiDb() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create", "db:migrate");
        return project;
    }

    private String schema(SqliteProject project, String file) {
        return SqliteRows.read(project.path("db/" + file));
    }

    @Test
    void migrate_dumpsTheSchemaFileOfEveryDatabase() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create");

        CliRun run = project.run("db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql", "db/animals_schema.sql");
        assertThat(schema(project, "schema.sql")).contains("CREATE TABLE posts");
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(project.path("db/animals_schema.sql"))).containsExactly(DOGS, CATS);
    }

    @Test
    void rollbackNamed_redumpsOnlyThatDatabasesFile() {
        SqliteProject project = migratedMultiDb();
        SqliteRows.append(project.path("db/schema.sql"), MARKER);

        CliRun run = project.run("db:rollback:animals");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(schema(project, "animals_schema.sql"))
                .contains("CREATE TABLE dogs")
                .doesNotContain("CREATE TABLE cats");
        assertThat(historyVersions(project.path("db/animals_schema.sql"))).containsExactly(DOGS);
        assertThat(schema(project, "schema.sql")).as("primary was not migrated").endsWith(MARKER);
    }

    @Test
    void migrateNamed_redumpsOnlyThatDatabasesFile() {
        SqliteProject project = migratedMultiDb();
        project.ok("db:rollback:primary", "--no-schema-dump");
        SqliteRows.append(project.path("db/animals_schema.sql"), MARKER);
        project.delete("db/schema.sql");

        CliRun run = project.run("db:migrate:primary");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(schema(project, "animals_schema.sql")).endsWith(MARKER);
    }

    @Test
    void migrateDownAndUp_redumpWithTheMigrationsEffect() {
        SqliteProject project = migratedMultiDb();

        project.ok("db:migrate:down:primary", "VERSION=" + POSTS);

        assertThat(schema(project, "schema.sql")).doesNotContain("CREATE TABLE posts");
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL);

        project.ok("db:migrate:up:primary", "VERSION=" + POSTS);

        assertThat(schema(project, "schema.sql")).contains("CREATE TABLE posts");
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void migrateDownAndUpUnnamespaced_singleDatabase_redump() {
        SqliteProject project = SqliteProject.singleDb(dir);
        project.ok("db:create", "db:migrate");

        project.ok("db:migrate:down", "VERSION=" + EMAIL);

        assertThat(schema(project, "schema.sql")).doesNotContain("email");
        project.ok("db:migrate:up", "VERSION=" + EMAIL);
        assertThat(schema(project, "schema.sql")).contains("email");
    }

    @Test
    void redo_redumpsTheSchemaFile() {
        SqliteProject project = migratedMultiDb();
        project.delete("db/schema.sql");
        project.delete("db/animals_schema.sql");

        CliRun run = project.run("db:migrate:redo:primary", "STEP=2");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql");
    }

    /** The ways to turn the dump off, each with how it is given. */
    static Stream<Arguments> dumpOff() {
        return Stream.of(
                Arguments.of("--no-schema-dump", Map.of(), List.of("--no-schema-dump")),
                Arguments.of("environment variable", Map.of("DUMP_SCHEMA_AFTER_MIGRATION", "false"), List.of()),
                Arguments.of("rake argument", Map.of(), List.of("DUMP_SCHEMA_AFTER_MIGRATION=false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumpOff")
    void migrateAndRollback_dumpTurnedOff_leaveSchemaFilesAlone(
            String how, Map<String, String> environment, List<String> extraArgs) {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create");

        CliRun migrate = project.run(environment, args("db:migrate", extraArgs));

        assertThat(migrate.exitCode()).as(migrate.describe()).isZero();
        assertThat(project.appliedVersions("storage/development.sqlite3")).hasSize(3);
        assertThat(SqliteRows.schemaFiles(dir)).isEmpty();

        project.ok("db:schema:dump");
        Map<String, String> before = SqliteRows.schemaFiles(dir);
        for (String task : List.of("db:rollback:animals", "db:migrate:down:primary", "db:migrate:redo:primary")) {
            List<String> taskArgs = new ArrayList<>(extraArgs);
            if (task.startsWith("db:migrate:down")) {
                taskArgs.add("VERSION=" + POSTS);
            }
            CliRun run = project.run(environment, args(task, taskArgs));
            assertThat(run.exitCode()).as(run.describe()).isZero();
        }
        assertThat(project.appliedVersions("storage/development_animals.sqlite3"))
                .containsExactly(DOGS);
        assertThat(SqliteRows.schemaFiles(dir)).isEqualTo(before);
    }

    @Test
    void migrate_configDumpSchemaAfterMigrationFalse_skipsOnlyThatDatabase() {
        SqliteProject project = SqliteProject.withConfig(
                        dir,
                        SqliteProject.MULTI_DB_YML.replace(
                                "    migrations_paths: db/animals_migrate\n",
                                "    migrations_paths: db/animals_migrate\n    dump_schema_after_migration: false\n"))
                .withPrimaryMigrations()
                .withAnimalsMigrations();
        project.ok("db:create");

        project.ok("db:migrate");

        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql");
        project.ok("db:rollback:animals");
        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql");
        project.ok("db:schema:dump:animals");
        assertThat(SqliteRows.schemaFiles(dir))
                .as("an explicit db:schema:dump still dumps it")
                .containsOnlyKeys("db/schema.sql", "db/animals_schema.sql");
    }

    private static String[] args(String task, List<String> extra) {
        List<String> all = new ArrayList<>();
        all.add(task);
        all.addAll(extra);
        return all.toArray(String[]::new);
    }
}
