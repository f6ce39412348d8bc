package dev.mdb.cli;

import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** db:migrate (all, :NAME, --database, VERSION=), db:migrate:status and db:version. */
class MigrateTasksTest {
    private static final Pattern MIGRATING = Pattern.compile("== \\d{14} [A-Za-z]+: migrating =+");
    private static final Pattern MIGRATED = Pattern.compile("== \\d{14} [A-Za-z]+: migrated \\(\\d+\\.\\d{4}s\\) =+");

    @TempDir
    Path dir;

    SqliteProject project;

    @BeforeEach
    void setUp() {
        project = SqliteProject.multiDb(dir);
        project.ok("db:create");
    }

    @Test
    void migrate_allDatabases_printsRailsBannersPerMigrationUnderAHeaderPerDatabase() {
        CliRun run = project.run("db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = new ArrayList<>(run.outLines());
        assertThat(lines).hasSize(18);
        assertThat(lines.remove(0)).isEqualTo("database: primary (storage/development.sqlite3)");
        assertThat(lines.remove(9)).isEqualTo("database: animals (storage/development_animals.sqlite3)");
        assertThat(lines.remove(15)).isEqualTo("2 databases: 2 migrated, 0 already up to date, 0 failed, 0 not run.");
        String[][] expected = {
            {USERS, "CreateUsers"},
            {EMAIL, "AddEmailToUsers"},
            {POSTS, "CreatePosts"},
            {DOGS, "CreateDogs"},
            {CATS, "CreateCats"}
        };
        for (int i = 0; i < expected.length; i++) {
            String migrating = lines.get(3 * i);
            String migrated = lines.get(3 * i + 1);
            assertThat(migrating)
                    .startsWith("== " + expected[i][0] + " " + expected[i][1] + ": migrating ")
                    .matches(MIGRATING)
                    .hasSize(79);
            assertThat(migrated)
                    .startsWith("== " + expected[i][0] + " " + expected[i][1] + ": migrated (")
                    .matches(MIGRATED)
                    .hasSize(79);
            assertThat(lines.get(3 * i + 2)).isEmpty();
        }
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.appliedVersions("storage/development_animals.sqlite3"))
                .containsExactly(DOGS, CATS);
        assertThat(project.tables("storage/development.sqlite3")).contains("users", "posts");
    }

    /**
     * A file mixing a statement that cannot run in a transaction (SQLite's VACUUM) with others is refused before any
     * pending migration of the run is applied, so "Nothing was run" holds for the whole run.
     */
    @Test
    void migrate_pendingFileMixingVacuumWithOtherStatements_isRefusedBeforeAnythingRuns() {
        project.write("db/migrate/V20261201090000__tags.sql", "CREATE TABLE tags (id INTEGER);\nVACUUM;\n");

        CliRun run = project.run("db:migrate:primary");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).as(run.describe()).hasSize(1);
        assertThat(run.errLines().get(0))
                .startsWith("mdb: migration ")
                .contains(
                        "V20261201090000__tags.sql line 2 (development/primary): VACUUM cannot run inside a transaction")
                .endsWith("Nothing was run.");
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("users", "tags");
    }

    @Test
    void migrate_nothingPending_printsOnlyTheSummary() {
        project.ok("db:migrate");

        CliRun run = project.run("db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly("2 databases: 0 migrated, 2 already up to date, 0 failed, 0 not run.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void migrate_quiet_printsNoBanners() {
        CliRun run = project.run("--quiet", "db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(project.appliedVersions("storage/development.sqlite3")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:migrate:animals", "--database animals db:migrate", "db:migrate --database animals"})
    void migrateNamed_animals_migratesOnlyAnimals(String command) {
        CliRun run = project.run(command.split(" ", -1));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("=="))
                .hasSize(4)
                .allMatch(l -> l.contains("CreateDogs") || l.contains("CreateCats"));
        assertThat(project.appliedVersions("storage/development_animals.sqlite3"))
                .containsExactly(DOGS, CATS);
        assertThat(project.tables("storage/development.sqlite3")).isEmpty();
    }

    @Test
    void migrateNamed_versionUpToTarget_appliesOnlyUpToIt() {
        CliRun run = project.run("db:migrate:primary", "VERSION=" + EMAIL);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL);
    }

    @Test
    void migrateNamed_versionBelowApplied_revertsDownToIt() {
        project.ok("db:migrate:primary");

        CliRun run = project.run("db:migrate:primary", "VERSION=" + USERS);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("=="))
                .extracting(l -> l.substring(0, l.indexOf(':')))
                .containsExactly(
                        "== " + POSTS + " CreatePosts",
                        "== " + POSTS + " CreatePosts",
                        "== " + EMAIL + " AddEmailToUsers",
                        "== " + EMAIL + " AddEmailToUsers");
        assertThat(run.outLines()).filteredOn(l -> l.contains(": reverted (")).allMatch(l -> l.length() == 79);
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS);
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("posts");
    }

    @Test
    void migrate_versionOverSeveralDatabases_runsOnlyThatPendingVersionAndRevertsNothing() {
        project.ok("db:migrate:primary");

        CliRun run = project.run("db:migrate", "VERSION=" + DOGS);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("=="))
                .allMatch(l -> l.startsWith("== " + DOGS + " CreateDogs: "))
                .hasSize(2);
        assertThat(project.appliedVersions("storage/development_animals.sqlite3"))
                .containsExactly(DOGS);
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
    }

    @Test
    void status_shortVersions_areZeroPaddedToThree() {
        SqliteProject small = SqliteProject.withConfig(dir.resolve("small"), SqliteProject.SINGLE_DB_YML)
                .write("db/migrate/V1__init.sql", "CREATE TABLE a (id INT);\n")
                .write("db/migrate/V12__more.sql", "CREATE TABLE b (id INT);\n");
        small.ok("db:create:primary", "db:migrate:primary", "VERSION=1");

        CliRun run = small.run("db:migrate:status");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsSubsequence("   up     001             Init", "  down    012             More");
    }

    @Test
    void migrate_targetVersionOption_sameAsVersionArgument() {
        CliRun run = project.run("--target-version", USERS, "db:migrate:primary");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS);
    }

    @Test
    void status_afterPartialMigrate_printsRailsTable() {
        project.ok("db:migrate:primary", "VERSION=" + EMAIL);
        project.ok("db:migrate:animals");

        CliRun run = project.run("db:migrate:status");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines())
                .containsExactly(
                        "",
                        "database: storage/development.sqlite3",
                        "",
                        " Status   Migration ID    Migration Name",
                        "-".repeat(50),
                        "   up     " + USERS + "  Create users",
                        "   up     " + EMAIL + "  Add email to users",
                        "  down    " + POSTS + "  Create posts",
                        "",
                        "",
                        "database: storage/development_animals.sqlite3",
                        "",
                        " Status   Migration ID    Migration Name",
                        "-".repeat(50),
                        "   up     " + DOGS + "  Create dogs",
                        "   up     " + CATS + "  Create cats",
                        "");
    }

    @Test
    void statusNamed_appliedMigrationWithoutFile_showsNoFile() {
        project.ok("db:migrate:primary");
        project.delete("db/migrate/V" + POSTS + "__create_posts.sql");

        CliRun run = project.run("db:migrate:status:primary");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).contains("   up     " + POSTS + "  ********** NO FILE **********");
        assertThat(run.outLines()).filteredOn(l -> l.startsWith("database:")).hasSize(1);
    }

    @Test
    void status_noHistoryTable_failsWithRailsMessage() {
        CliRun run = project.run("db:migrate:status");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        // Both databases are reported (in config order), then a summary: one failure hides no other.
        assertThat(run.errLines()).hasSize(3);
        assertThat(run.errLines().get(0))
                .startsWith("mdb: Schema migrations table does not exist yet (development/primary)");
        assertThat(run.errLines().get(1))
                .startsWith("mdb: Schema migrations table does not exist yet (development/animals)");
        assertThat(run.errLines().get(2)).startsWith("mdb: 2 of 2 databases failed: primary, animals.");
    }

    @Test
    void status_noHistoryTableWithOneJob_stopsAtFirstDatabaseLikeRails() {
        CliRun run = project.run("--jobs", "1", "db:migrate:status");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("mdb: Schema migrations table does not exist yet (development/primary)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void status_jsonFormat_listsRowsPerDatabase() throws IOException {
        project.ok("db:migrate");

        CliRun run = project.run("db:migrate:status:animals", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        assertThat(doc).containsEntry("environment", "development");
        List<?> databases = (List<?>) doc.get("databases");
        assertThat(databases).hasSize(1);
        Map<?, ?> animals = (Map<?, ?>) databases.get(0);
        assertThat(animals.get("name")).isEqualTo("animals");
        assertThat((List<Object>) animals.get("migrations"))
                .containsExactly(
                        Map.of("status", "up", "version", DOGS, "name", "Create dogs"),
                        Map.of("status", "up", "version", CATS, "name", "Create cats"));
    }

    @Test
    void version_allDatabases_printsBlankDatabaseVersionBlankPerDatabase() {
        project.ok("db:migrate:primary");

        CliRun run = project.run("db:version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "",
                        "database: storage/development.sqlite3",
                        "Current version: " + POSTS,
                        "",
                        "",
                        "database: storage/development_animals.sqlite3",
                        "Current version: 0",
                        "");
    }

    @Test
    void versionNamed_printsOnlyCurrentVersion() {
        project.ok("db:migrate:animals");

        CliRun run = project.run("db:version:animals");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Current version: " + CATS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void version_jsonFormat_hasEnvironmentAndDatabases() throws IOException {
        project.ok("db:migrate:primary");

        CliRun run = project.run("db:version", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        assertThat(doc).containsEntry("environment", "development");
        assertThat((List<Object>) doc.get("databases"))
                .containsExactly(
                        Map.of("name", "primary", "database", "storage/development.sqlite3", "version", POSTS),
                        Map.of("name", "animals", "database", "storage/development_animals.sqlite3", "version", "0"));
    }

    @Test
    void version_missingDatabase_failsNamingIt() {
        project.ok("db:drop:animals");

        CliRun run = project.run("db:version:animals");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("mdb: database 'storage/development_animals.sqlite3' does not exist")
                .contains("mdb db:create");
    }

    @Test
    void migrate_missingDatabase_failsAndDoesNotCreateIt() {
        project.ok("db:drop:primary");

        CliRun run = project.run("db:migrate:primary");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).startsWith("mdb: database 'storage/development.sqlite3' does not exist");
        assertThat(project.exists("storage/development.sqlite3")).isFalse();
    }

    @Test
    void migrate_failingMigration_exitsOneNamingFileAndLine() {
        project.write(
                "db/migrate/V20261105090000__broken.sql", "CREATE TABLE ok_table (id INTEGER);\nSELEC nonsense;\n");

        CliRun run = project.run("db:migrate:primary");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: migration ")
                .contains("V20261105090000__broken.sql")
                .contains("line 2")
                .doesNotContain("\tat ");
        assertThat(project.appliedVersions("storage/development.sqlite3")).containsExactly(USERS, EMAIL, POSTS);
        assertThat(project.tables("storage/development.sqlite3")).doesNotContain("ok_table");
    }
}
