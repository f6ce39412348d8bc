package dev.mdb.cli;

import static dev.mdb.cli.SqliteProject.CATS;
import static dev.mdb.cli.SqliteProject.DOGS;
import static dev.mdb.cli.SqliteProject.EMAIL;
import static dev.mdb.cli.SqliteProject.POSTS;
import static dev.mdb.cli.SqliteProject.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented JSON shapes (README "JSON output") of migrate, rollback and abort_if_pending_migrations. */
class JsonOutputTest {
    @TempDir
    Path dir;

    SqliteProject project;

    @BeforeEach
    void setUp() {
        project = SqliteProject.multiDb(dir);
        project.ok("db:create");
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrate_jsonFormat_documentsAppliedVersionsPerDatabaseWithoutBanners() throws IOException {
        CliRun run = project.run("db:migrate", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        assertThat(doc.keySet()).containsExactly("environment", "databases", "summary");
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases).extracting(d -> d.get("name")).containsExactly("primary", "animals");
        assertThat(databases.get(0).keySet())
                .containsExactly("name", "database", "status", "outcome", "reverted", "applied", "not_run");
        assertThat(databases.get(0)).containsEntry("status", "ok").containsEntry("outcome", "migrated");
        assertThat((Map<String, Object>) doc.get("summary"))
                .containsEntry("databases", 2)
                .containsEntry("migrated", 2)
                .containsEntry("up_to_date", 0)
                .containsEntry("not_run", 0)
                .containsEntry("failed", 0);
        assertThat((List<Object>) databases.get(0).get("applied")).containsExactly(USERS, EMAIL, POSTS);
        assertThat((List<Object>) databases.get(1).get("applied")).containsExactly(DOGS, CATS);
        assertThat(run.out()).doesNotContain("==");
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrate_jsonFormatWithFailingDatabase_marksItFailedAndExitsNonZero() throws IOException {
        Path broken = dir.resolve("db/animals_migrate/V20261201000000__broken.sql");
        Files.writeString(broken, "INSERT INTO no_such_table VALUES (1);\n");

        CliRun run = project.run("db:migrate", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases.get(0)).containsEntry("status", "ok");
        assertThat(databases.get(1)).containsEntry("status", "failed");
        assertThat((String) databases.get(1).get("error")).contains("V20261201000000__broken.sql");
        assertThat(run.err()).startsWith("mdb: ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rollback_jsonFormat_listsRevertedVersions() throws IOException {
        project.ok("db:migrate");

        CliRun run = project.run("db:rollback:primary", "STEP=2", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        List<Map<String, Object>> databases = (List<Map<String, Object>>) doc.get("databases");
        assertThat(databases).hasSize(1);
        assertThat((List<Object>) databases.get(0).get("reverted")).containsExactly(POSTS, EMAIL);
    }

    @Test
    @SuppressWarnings("unchecked")
    void abortIfPending_jsonFormat_listsPendingAndExitsOne() throws IOException {
        project.ok("db:migrate:primary");

        CliRun run = project.run("db:abort_if_pending_migrations", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        Map<String, Object> doc = JSON.std.mapFrom(run.out());
        assertThat((List<Object>) doc.get("pending"))
                .containsExactly(
                        Map.of("database", "animals", "version", DOGS, "name", "CreateDogs"),
                        Map.of("database", "animals", "version", CATS, "name", "CreateCats"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void abortIfPending_jsonFormatNothingPending_printsEmptyListAndExitsZero() throws IOException {
        project.ok("db:migrate");

        CliRun run = project.run("db:abort_if_pending_migrations", "--format", "json");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat((List<Object>) JSON.std.mapFrom(run.out()).get("pending")).isEmpty();
    }
}
