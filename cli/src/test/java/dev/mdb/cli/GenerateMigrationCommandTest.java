package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mdb generate migration}: files written into the database's migrations path, and refusals. */
class GenerateMigrationCommandTest {
    @TempDir
    Path dir;

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.sorted().toList();
        }
    }

    @Test
    void generateMigration_animalsDatabase_writesUpAndDownFilesIntoItsMigrationsPath() throws IOException {
        SqliteProject project = SqliteProject.withConfig(dir, SqliteProject.MULTI_DB_YML);

        CliRun run = CliRun.run(
                Map.of(),
                "generate",
                "migration",
                "CreateDogs",
                "name:string",
                "age:integer",
                "--database",
                "animals",
                "-C",
                dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        List<Path> written = files(project.path("db/animals_migrate"));
        assertThat(written).hasSize(2);
        Path down = written.get(0);
        Path up = written.get(1);
        assertThat(up.getFileName().toString()).matches("V\\d{14}__create_dogs\\.sql");
        assertThat(down.getFileName().toString())
                .isEqualTo("U" + up.getFileName().toString().substring(1));
        assertThat(run.outLines())
                .containsExactly(
                        "      create  db/animals_migrate/" + up.getFileName(),
                        "      create  db/animals_migrate/" + down.getFileName());
        String upSql = Files.readString(up, StandardCharsets.UTF_8);
        assertThat(upSql)
                .contains("CREATE TABLE dogs (")
                .contains("name VARCHAR(255)")
                .contains("age INTEGER")
                .contains("id INTEGER PRIMARY KEY AUTOINCREMENT");
        assertThat(Files.readString(down, StandardCharsets.UTF_8)).contains("DROP TABLE dogs;");
        assertThat(project.exists("db/migrate")).isFalse();
    }

    @Test
    void generateMigration_thenMigrateAndRollback_roundTrips() {
        SqliteProject project = SqliteProject.withConfig(dir, SqliteProject.SINGLE_DB_YML);
        CliRun generated = CliRun.run(
                Map.of(), "g", "migration", "CreateOwners", "name:string:uniq", "born:date", "-C", dir.toString());
        assertThat(generated.exitCode()).as(generated.describe()).isZero();

        project.ok("db:create:primary", "db:migrate");
        assertThat(project.tables("storage/development.sqlite3")).contains("owners");
        project.ok("db:rollback");

        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("owners");
    }

    @Test
    void generateMigration_noDatabaseOption_usesPrimary() throws IOException {
        SqliteProject project = SqliteProject.withConfig(dir, SqliteProject.MULTI_DB_YML);

        CliRun run =
                CliRun.run(Map.of(), "generate", "migration", "AddEmailToUsers", "email:string", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(files(project.path("db/migrate")))
                .extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.matches("[UV]\\d{14}__add_email_to_users\\.sql"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary_replica", "legacy", "nope"})
    void generateMigration_hiddenOrUnknownDatabase_isConfigError(String database) {
        SqliteProject project = SqliteProject.withConfig(dir, SqliteProject.MULTI_DB_YML);

        CliRun run = CliRun.run(
                Map.of(), "generate", "migration", "CreateDogs", "--database", database, "-C", dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("mdb: ")
                .contains("'" + database + "'");
        assertThat(project.exists("db")).isFalse();
    }

    @Test
    void generateMigration_nameTaken_failsNamingTheFile() {
        SqliteProject.multiDb(dir);

        CliRun run = CliRun.run(
                Map.of(), "generate", "migration", "CreateDogs", "--database", "animals", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("mdb: Another migration is already named create_dogs")
                .contains("V");
    }

    @Test
    void generateMigration_unknownFieldType_isUsageError() {
        SqliteProject.withConfig(dir, SqliteProject.MULTI_DB_YML);

        CliRun run = CliRun.run(Map.of(), "generate", "migration", "CreateDogs", "x:bogus", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1).first().asString().contains("unknown column type 'bogus'");
    }
}
