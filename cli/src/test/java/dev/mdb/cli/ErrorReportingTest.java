package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind ends in exactly one {@code mdb:} line on stderr and the documented exit code. */
class ErrorReportingTest {
    @TempDir
    Path dir;

    /** A failure scenario: how to set up the project, what to run, and what must come out. */
    record Case(String name, Consumer<SqliteProject> setUp, List<String> args, int exitCode, List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String BAD_YAML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
               broken: [
            """;

    private static final String UNKNOWN_ADAPTER = """
            development:
              primary:
                adapter: oracle_enhanced
                database: storage/development.sqlite3
            """;

    private static final String MISSING_ENV = """
            development:
              primary:
                adapter: sqlite3
                database: <%= ENV.fetch('MDB_MISSING_X') %>
            """;

    private static final String PORT_OUT_OF_RANGE = """
            development:
              primary:
                adapter: %s
                host: 127.0.0.1
                port: 99999
                database: app
            """;

    static Stream<Case> cases() {
        Consumer<SqliteProject> none = p -> {};
        return Stream.of(
                new Case(
                        "malformed YAML",
                        p -> p.write("config/database.yml", BAD_YAML),
                        List.of("db:migrate"),
                        3,
                        List.of("config/database.yml:5:")),
                new Case(
                        "unknown environment",
                        none,
                        List.of("-e", "staging", "db:migrate"),
                        3,
                        List.of("'staging'", "development, test")),
                new Case(
                        "unknown database name",
                        none,
                        List.of("db:migrate:nope"),
                        3,
                        List.of("'nope'", "primary, animals")),
                new Case(
                        "unknown --database",
                        none,
                        List.of("--database", "nope", "db:version"),
                        3,
                        List.of("'nope'", "primary, animals")),
                new Case(
                        "replica name",
                        none,
                        List.of("db:migrate:primary_replica"),
                        3,
                        List.of("'primary_replica'", "replica: true")),
                new Case(
                        "database_tasks: false name",
                        none,
                        List.of("db:create:legacy"),
                        3,
                        List.of("'legacy'", "database_tasks: false")),
                new Case(
                        "unknown adapter",
                        p -> p.write("config/database.yml", UNKNOWN_ADAPTER),
                        List.of("db:create"),
                        3,
                        List.of("'oracle_enhanced'", "sqlite3", "postgresql", "mysql2")),
                new Case(
                        "port out of range (mysql2)",
                        p -> p.write("config/database.yml", PORT_OUT_OF_RANGE.formatted("mysql2")),
                        List.of("db:migrate"),
                        3,
                        List.of("99999", "development/primary")),
                new Case(
                        "port out of range (postgresql)",
                        p -> p.write("config/database.yml", PORT_OUT_OF_RANGE.formatted("postgresql")),
                        List.of("db:version"),
                        3,
                        List.of("99999", "development/primary")),
                new Case(
                        "missing environment variable",
                        p -> p.write("config/database.yml", MISSING_ENV),
                        List.of("db:migrate"),
                        3,
                        List.of("MDB_MISSING_X", "config/database.yml:4")),
                new Case(
                        "missing database.yml",
                        p -> p.delete("config/database.yml"),
                        List.of("db:migrate"),
                        3,
                        List.of("config/database.yml")),
                new Case(
                        "VERSION=abc",
                        none,
                        List.of("db:migrate", "VERSION=abc"),
                        2,
                        List.of("Invalid format of target version: `VERSION=abc`")),
                new Case("STEP=0", none, List.of("db:rollback:primary", "STEP=0"), 2, List.of("STEP")),
                new Case(
                        "missing down migration",
                        p -> {
                            p.ok("db:create:primary", "db:migrate:primary");
                            p.delete("db/migrate/U" + SqliteProject.POSTS + "__create_posts.sql");
                        },
                        List.of("db:rollback:primary"),
                        1,
                        List.of("U" + SqliteProject.POSTS + "__create_posts.sql")),
                new Case(
                        "database not created",
                        none,
                        List.of("db:migrate:primary"),
                        1,
                        List.of("storage/development.sqlite3", "mdb db:create")));
    }

    private CliRun runCase(Case c, boolean trace) {
        SqliteProject project = SqliteProject.multiDb(dir);
        c.setUp().accept(project);
        List<String> args = new ArrayList<>(c.args());
        if (trace) {
            args.add("--trace");
        }
        return project.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void task_badInput_printsOneMdbLineAndExitCode(Case c) {
        CliRun run = runCase(c, false);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(c.exitCode());
        assertThat(run.out()).as(run.describe()).isEmpty();
        assertThat(run.errLines()).as(run.describe()).hasSize(1);
        assertThat(run.err()).startsWith("mdb: ").doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : c.fragments()) {
            assertThat(run.err()).as(run.describe()).contains(fragment);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void task_badInputWithTrace_printsStackTraceAfterMdbLine(Case c) {
        CliRun run = runCase(c, true);

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(c.exitCode());
        assertThat(run.errLines().get(0)).startsWith("mdb: ");
        assertThat(run.err()).as(run.describe()).contains("\tat ");
    }
}
