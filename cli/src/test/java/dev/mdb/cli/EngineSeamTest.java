package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.cli.engine.FileTestEngine;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadOnlyViolationException;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.engine.Engines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test-only engine ({@link FileTestEngine}: the SQLite family without transactional DDL and read-only sessions),
 * registered only by this module's test resources, through the tasks, the runtime and the console: one engine class
 * plus its service entry is all an engine needs, and mdb follows its capabilities.
 */
class EngineSeamTest {
    private static final String YML = """
            development:
              primary:
                adapter: %1$s
                database: storage/development.sqlite3
              primary_replica:
                adapter: %1$s
                database: storage/development.sqlite3
                replica: true
            """;
    private static final String TWO_STATEMENT_DOWN = "DROP TABLE posts;\nDROP TABLE no_such_table;\n";

    @TempDir
    Path dir;

    private SqliteProject project(String adapter) {
        return SqliteProject.withConfig(dir, YML.formatted(adapter)).withPrimaryMigrations();
    }

    @Test
    void engines_testResourceEntry_isRegisteredBesideTheBuiltInOnes() {
        assertThat(Engines.installed().known()).contains(FileTestEngine.ADAPTER, "sqlite3", "postgresql");
    }

    @Test
    void tasks_testEngine_createMigrateStatusAndRollbackThroughItsFamilysAdapter() {
        SqliteProject project = project(FileTestEngine.ADAPTER);

        CliRun run = project.run("db:create", "db:migrate", "db:migrate:status", "db:rollback");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("CreatePosts: reverted").contains("   up     " + SqliteProject.EMAIL);
        assertThat(project.appliedVersions("storage/development.sqlite3"))
                .containsExactly(SqliteProject.USERS, SqliteProject.EMAIL);
    }

    /**
     * The down migration fails at its second statement: in one transaction with transactional DDL (nothing changed),
     * statement by statement without it (what was applied is said).
     */
    @ParameterizedTest
    @ValueSource(strings = {FileTestEngine.ADAPTER, "sqlite3"})
    void rollback_failingDownMigration_reportsByTransactionalDdlCapability(String adapter) {
        SqliteProject project =
                project(adapter).write("db/migrate/U" + SqliteProject.POSTS + "__create_posts.sql", TWO_STATEMENT_DOWN);
        project.ok("db:create", "db:migrate");

        CliRun run = project.run("db:rollback");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        if (adapter.equals("sqlite3")) {
            assertThat(run.err()).contains("Nothing was changed; version " + SqliteProject.POSTS + " is still applied");
            assertThat(project.tables("storage/development.sqlite3")).contains("posts");
        } else {
            assertThat(run.err()).contains("1 of 2 statements were applied before it and cannot be undone");
            assertThat(project.tables("storage/development.sqlite3")).doesNotContain("posts");
        }
    }

    /** A reading route: the classifier refuses writes on both; only an engine with read-only sessions sets one. */
    @ParameterizedTest
    @ValueSource(strings = {FileTestEngine.ADAPTER, "sqlite3"})
    void runtime_readingRoute_readOnlySessionOnlyWhereTheEngineHasIt(String adapter) throws Exception {
        SqliteProject project = project(adapter);
        project.ok("db:create", "db:migrate");

        try (Mdb mdb = Mdb.fromDatabaseYml(project.path("config/database.yml"), "development", Map.of())) {
            DataSource ds = mdb.dataSource();
            mdb.router().connectedTo(Route.reading()).use(() -> {
                try (Connection c = ds.getConnection();
                        Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("INSERT INTO users (id, name) VALUES (1, 'x')"))
                            .isInstanceOf(ReadOnlyViolationException.class);
                    try (ResultSet rs = s.executeQuery("PRAGMA query_only")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(adapter.equals("sqlite3") ? 1 : 0);
                    }
                }
            });
        }
    }

    @Test
    void console_testEngine_runsOnItsRoute() {
        SqliteProject project = project(FileTestEngine.ADAPTER);
        project.ok("db:create", "db:migrate");

        CliRun run = project.run("console", "--role", "reading", "-c", "\\dt");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("users").contains("posts").contains("flyway_schema_history");
    }
}
