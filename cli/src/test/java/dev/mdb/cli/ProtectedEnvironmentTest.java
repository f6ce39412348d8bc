package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protected-environment check before db:drop/db:purge, and db:environment:set. */
class ProtectedEnvironmentTest {
    /** production and test share one file, so a database migrated in one environment is seen by the other. */
    private static final String YML = """
            production:
              primary:
                adapter: sqlite3
                database: storage/shared.sqlite3
            test:
              primary:
                adapter: sqlite3
                database: storage/shared.sqlite3
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
            """;

    @TempDir
    Path dir;

    private SqliteProject productionDatabase() {
        SqliteProject project = SqliteProject.withConfig(dir, YML).withPrimaryMigrations();
        project.ok("-e", "production", "db:create", "db:migrate");
        return project;
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:drop", "db:purge", "db:drop:primary"})
    void destructiveTask_productionDatabase_refusesWithRailsMessage(String task) {
        SqliteProject project = productionDatabase();

        CliRun run = project.run("-e", "production", task);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: You are attempting to run a destructive action against your 'production' database")
                .contains("DISABLE_DATABASE_ENVIRONMENT_CHECK=1");
        assertThat(project.exists("storage/shared.sqlite3")).isTrue();
        assertThat(project.appliedVersions("storage/shared.sqlite3")).hasSize(3);
    }

    @Test
    void drop_productionWithCheckDisabledByEnvironment_drops() {
        SqliteProject project = productionDatabase();

        CliRun run = project.run(Map.of("DISABLE_DATABASE_ENVIRONMENT_CHECK", "1"), "-e", "production", "db:drop");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.outLines()).containsExactly("Dropped database 'storage/shared.sqlite3'");
        assertThat(project.exists("storage/shared.sqlite3")).isFalse();
    }

    @Test
    void drop_productionWithCheckDisabledByArgument_drops() {
        SqliteProject project = productionDatabase();

        CliRun run = project.run("-e", "production", "db:drop", "DISABLE_DATABASE_ENVIRONMENT_CHECK=1");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(project.exists("storage/shared.sqlite3")).isFalse();
    }

    @Test
    void drop_databaseLastRunInOtherEnvironment_reportsMismatchUntilEnvironmentSet() {
        String yml = """
                development:
                  primary:
                    adapter: sqlite3
                    database: storage/shared.sqlite3
                test:
                  primary:
                    adapter: sqlite3
                    database: storage/shared.sqlite3
                """;
        SqliteProject project = SqliteProject.withConfig(dir, yml).withPrimaryMigrations();
        project.ok("db:create:primary", "db:migrate");

        CliRun run = project.run("-e", "test", "db:drop");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err())
                .startsWith("mdb: You are attempting to modify a database that was last run in `development`"
                        + " environment")
                .contains("You are running in `test` environment")
                .contains("db:environment:set");

        project.ok("-e", "test", "db:environment:set");
        CliRun afterSet = project.run("-e", "test", "db:drop");

        assertThat(afterSet.exitCode()).as(afterSet.describe()).isZero();
        assertThat(afterSet.outLines()).containsExactly("Dropped database 'storage/shared.sqlite3'");
    }

    @Test
    void drop_afterFirstMigrateFailedHalfway_dropsWithoutEnvironmentError() {
        SqliteProject project = SqliteProject.withConfig(dir, YML)
                .withPrimaryMigrations()
                .write("db/migrate/V20261110000000__broken.sql", "SELEC nonsense;\n");
        project.ok("-e", "test", "db:create");
        CliRun failed = project.run("-e", "test", "db:migrate");
        assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(1);
        assertThat(project.appliedVersions("storage/shared.sqlite3")).hasSize(3);

        CliRun drop = project.run("-e", "test", "db:drop");

        assertThat(drop.exitCode()).as(drop.describe()).isZero();
        assertThat(project.exists("storage/shared.sqlite3")).isFalse();
    }

    @Test
    void environmentSet_storesCurrentEnvironmentInPrimaryMetadata() {
        SqliteProject project = productionDatabase();

        CliRun run = project.run("-e", "test", "db:environment:set");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).isEmpty();
        StringBuilder stored = new StringBuilder();
        project.query(
                "storage/shared.sqlite3",
                "SELECT \"value\" FROM mdb_internal_metadata WHERE \"key\" = 'environment'",
                rs -> stored.append(rs.getString(1)));
        assertThat(stored).hasToString("test");
    }
}
