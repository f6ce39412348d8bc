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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** db:schema:dump on SQLite: which files, shared shard files, overrides, the history INSERT, determinism. */
class SchemaDumpTaskTest {
    private static final Pattern HISTORY_ROW =
            Pattern.compile("^\\((\\d+), '(\\d+)', '[^']*', 'SQL', '[^']*', -?\\d+, 'mdb', 0, TRUE\\)[,;]$");

    private static final String SHARDS_YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
              primary_shard_one:
                adapter: sqlite3
                database: storage/shard_one.sqlite3
                migrations_paths: db/shards_migrate
                schema_dump: shards_schema.sql
              primary_shard_two:
                adapter: sqlite3
                database: storage/shard_two.sqlite3
                migrations_paths: db/shards_migrate
                schema_dump: shards_schema.sql
            """;

    @TempDir
    Path dir;

    /** The multi-database project, created and migrated without dumping: no schema file yet. */
    private SqliteProject migrated() {
        SqliteProject project = SqliteProject.multiDb(dir);
        project.ok("db:create", "db:migrate", "--no-schema-dump");
        assertThat(SqliteRows.schemaFiles(dir)).isEmpty();
        return project;
    }

    @Test
    void dump_multiDb_writesSchemaSqlForPrimaryAndNameSchemaSqlForAnimals() {
        SqliteProject project = migrated();

        CliRun run = project.run("db:schema:dump");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        Map<String, String> files = SqliteRows.schemaFiles(dir);
        assertThat(files).containsOnlyKeys("db/schema.sql", "db/animals_schema.sql");
        assertThat(files.get("db/schema.sql"))
                .contains("CREATE TABLE users", "CREATE TABLE posts", "CREATE INDEX index_posts_on_user_id")
                .doesNotContain("dogs", "cats", "mdb_internal_metadata");
        assertThat(files.get("db/animals_schema.sql"))
                .contains("CREATE TABLE dogs", "CREATE TABLE cats")
                .doesNotContain("users", "posts");
    }

    @Test
    void dump_endsWithTheInsertOfAppliedVersionsInOrder() {
        SqliteProject project = migrated();

        project.ok("db:schema:dump");

        assertThat(historyVersions(project.path("db/schema.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(project.path("db/animals_schema.sql"))).containsExactly(DOGS, CATS);
    }

    @Test
    void dump_twice_writesIdenticalBytes() {
        SqliteProject project = migrated();
        project.ok("db:schema:dump");
        byte[] primary = SqliteRows.bytes(project.path("db/schema.sql"));
        byte[] animals = SqliteRows.bytes(project.path("db/animals_schema.sql"));

        project.ok("db:schema:dump");

        assertThat(SqliteRows.bytes(project.path("db/schema.sql"))).isEqualTo(primary);
        assertThat(SqliteRows.bytes(project.path("db/animals_schema.sql"))).isEqualTo(animals);
    }

    @Test
    void dump_loadIntoEmptyDatabase_dumpsTheSameBytesAgain() {
        SqliteProject project = migrated();
        project.ok("db:schema:dump");

        project.ok("-e", "test", "db:schema:load");
        project.ok("-e", "test", "db:schema:dump:primary", "SCHEMA=tmp/test_primary.sql");
        project.ok("-e", "test", "db:schema:dump:animals", "SCHEMA=tmp/test_animals.sql");

        assertThat(SqliteRows.read(project.path("tmp/test_primary.sql")))
                .isEqualTo(SqliteRows.read(project.path("db/schema.sql")));
        assertThat(SqliteRows.read(project.path("tmp/test_animals.sql")))
                .isEqualTo(SqliteRows.read(project.path("db/animals_schema.sql")));
    }

    @Test
    void dump_shardsSharingOneFile_writeItOnceFromTheFirstShard() {
        SqliteProject project = SqliteProject.withConfig(dir, SHARDS_YML).withPrimaryMigrations();
        project.write("db/shards_migrate/V20261101110000__create_orders.sql", "CREATE TABLE orders (id BIGINT);\n");
        project.ok("db:create", "db:migrate", "--no-schema-dump");
        SqliteRows.execute(dir, "storage/shard_one.sqlite3", "CREATE TABLE only_on_shard_one (id INT)");
        SqliteRows.execute(dir, "storage/shard_two.sqlite3", "CREATE TABLE only_on_shard_two (id INT)");

        CliRun run = project.run("db:schema:dump");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, String> files = SqliteRows.schemaFiles(dir);
        assertThat(files).containsOnlyKeys("db/schema.sql", "db/shards_schema.sql");
        assertThat(files.get("db/shards_schema.sql"))
                .as("written by the first shard only, not overwritten by the second")
                .contains("CREATE TABLE orders", "only_on_shard_one")
                .doesNotContain("only_on_shard_two", "users");
        assertThat(historyVersions(project.path("db/shards_schema.sql"))).containsExactly("20261101110000");
    }

    @Test
    void dump_schemaDumpFalse_writesNothingForThatDatabase() {
        SqliteProject project = SqliteProject.withConfig(
                        dir,
                        SqliteProject.MULTI_DB_YML.replace(
                                "    migrations_paths: db/animals_migrate\n",
                                "    migrations_paths: db/animals_migrate\n    schema_dump: false\n"))
                .withPrimaryMigrations()
                .withAnimalsMigrations();
        project.ok("db:create", "db:migrate", "--no-schema-dump");

        CliRun all = project.run("db:schema:dump");
        CliRun named = project.run("db:schema:dump:animals");

        assertThat(all.exitCode()).as(all.describe()).isZero();
        assertThat(named.exitCode()).as(named.describe()).isZero();
        assertThat(named.out() + named.err()).isEmpty();
        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/schema.sql");
    }

    @Test
    void dump_schemaOverride_writesThatPathInstead() {
        SqliteProject project = migrated();

        CliRun run = project.run("db:schema:dump:animals", "SCHEMA=out/animals.sql");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(SqliteRows.schemaFiles(dir)).isEmpty();
        assertThat(SqliteRows.read(project.path("out/animals.sql"))).contains("CREATE TABLE dogs");
        assertThat(historyVersions(project.path("out/animals.sql"))).containsExactly(DOGS, CATS);
    }

    @Test
    void dump_structureFormat_usesSqlite3AndLoadsBack() {
        SqliteProject project = migrated();

        CliRun run = project.run("db:schema:dump", "SCHEMA_FORMAT=structure");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, String> files = SqliteRows.schemaFiles(dir);
        assertThat(files).containsOnlyKeys("db/structure.sql", "db/animals_structure.sql");
        assertThat(files.get("db/structure.sql"))
                .doesNotContain("-- Schema of an mdb database")
                .contains("CREATE TABLE users", "CREATE TABLE posts");
        assertThat(historyVersions(project.path("db/structure.sql"))).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(project.path("db/animals_structure.sql"))).containsExactly(DOGS, CATS);

        CliRun load = project.run("-e", "test", "db:schema:load", "SCHEMA_FORMAT=structure");

        assertThat(load.exitCode()).as(load.describe()).isZero();
        assertThat(project.tables("storage/test.sqlite3")).contains("users", "posts", "flyway_schema_history");
        assertThat(project.appliedVersions("storage/test.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions("storage/test_animals.sqlite3")).containsExactly(DOGS, CATS);
        assertThat(SqliteRows.metadata(dir, "storage/test.sqlite3"))
                .containsEntry("environment", "test")
                .containsEntry("schema_sha1", SqliteRows.sha1Hex(project.path("db/structure.sql")));
    }

    @Test
    void dump_structureFormatFromConfig_writesStructureFile() {
        SqliteProject project = SqliteProject.withConfig(dir, """
                        development:
                          primary:
                            adapter: sqlite3
                            database: storage/development.sqlite3
                            schema_format: structure
                        """).withPrimaryMigrations();
        project.ok("db:create", "db:migrate", "--no-schema-dump");

        project.ok("db:schema:dump");

        assertThat(SqliteRows.schemaFiles(dir)).containsOnlyKeys("db/structure.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruby", "xml"})
    void dump_invalidFormat_exitsWithConfigErrorAndWritesNothing(String format) {
        SqliteProject project = migrated();

        CliRun run = project.run("db:schema:dump", "SCHEMA_FORMAT=" + format);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: Invalid schema format '" + format + "'")
                .contains("sql", "structure");
        assertThat(SqliteRows.schemaFiles(dir)).isEmpty();
    }

    /** The versions of the INSERT that ends the file; the file ends with it (and a blank line). */
    static List<String> historyVersions(Path file) {
        String text = SqliteRows.read(file);
        List<String> lines = text.strip().lines().toList();
        int insert = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("INSERT INTO flyway_schema_history ")
                    || lines.get(i).startsWith("INSERT INTO \"public\".flyway_schema_history ")) {
                insert = i;
            }
        }
        assertThat(insert)
                .as("an INSERT INTO flyway_schema_history in %s:%n%s", file, text)
                .isNotNegative();
        List<String> rows = lines.subList(insert + 1, lines.size());
        assertThat(rows)
                .as("rows up to the end of %s", file)
                .isNotEmpty()
                .allMatch(r -> HISTORY_ROW.matcher(r).matches());
        assertThat(rows.get(rows.size() - 1)).endsWith(";");
        return rows.stream()
                .map(r -> {
                    Matcher m = HISTORY_ROW.matcher(r);
                    assertThat(m.matches()).isTrue();
                    return m.group(2);
                })
                .toList();
    }
}
