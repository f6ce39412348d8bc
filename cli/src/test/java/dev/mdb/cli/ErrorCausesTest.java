package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the error paths a user can reach without a server (the SQLite sample layout), the ones of {@link
 * ErrorReportingTest} and those of migrations, and requires of every {@code mdb:} line a real cause: not empty, not
 * {@code null}, not a bare exception type, and the sentence not cut off at a colon.
 */
class ErrorCausesTest {
    private static final Pattern EMPTY_CAUSE = Pattern.compile(":\\s*($|\\.|;|,)");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Pattern BARE_TYPE = Pattern.compile("(java|javax|org)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)");

    @TempDir
    Path dir;

    static Stream<ErrorReportingTest.Case> cases() {
        Consumer<SqliteProject> created = p -> p.ok("db:create");
        Consumer<SqliteProject> migrated = p -> p.ok("db:create", "db:migrate");
        return Stream.concat(
                ErrorReportingTest.cases(),
                Stream.of(
                        new ErrorReportingTest.Case(
                                "failing migration",
                                created.andThen(p -> p.write(
                                        "db/migrate/V20261201000000__broken.sql",
                                        "CREATE TABLE a (id INT);\nINSERT INTO no_such_table VALUES (1);\n")),
                                List.of("db:migrate:primary"),
                                1,
                                List.of("V20261201000000__broken.sql", "line 2", "no_such_table", "rolled back")),
                        new ErrorReportingTest.Case(
                                "file not named like a migration",
                                created.andThen(p -> p.write("db/migrate/V3_x.sql", "SELECT 1;\n")),
                                List.of("db:migrate:primary"),
                                1,
                                List.of("V3_x.sql", "is not a migration file", "V<version>__<name>.sql")),
                        new ErrorReportingTest.Case(
                                "VACUUM mixed with other statements",
                                created.andThen(p -> p.write(
                                        "db/migrate/V20261201000000__mixed.sql",
                                        "CREATE TABLE a (id INT);\nVACUUM;\n")),
                                List.of("db:migrate:primary"),
                                1,
                                List.of("V20261201000000__mixed.sql line 2", "cannot run inside a transaction")),
                        new ErrorReportingTest.Case(
                                "applied migration edited",
                                migrated.andThen(p -> p.write(
                                        "db/migrate/V" + SqliteProject.USERS + "__create_users.sql",
                                        "CREATE TABLE users (id BIGINT PRIMARY KEY);\n")),
                                List.of("db:migrate:primary"),
                                1,
                                List.of("does not match the files", "create_users.sql", "db:migrate:repair")),
                        new ErrorReportingTest.Case(
                                "failing down migration",
                                migrated.andThen(p -> p.write(
                                        "db/migrate/U" + SqliteProject.POSTS + "__create_posts.sql",
                                        "DROP TABLE no_such_table;\n")),
                                List.of("db:rollback:primary"),
                                1,
                                List.of("U" + SqliteProject.POSTS + "__create_posts.sql", "no such table")),
                        new ErrorReportingTest.Case(
                                "bad connect_timeout",
                                p -> p.write(
                                        "config/database.yml",
                                        "development:\n  primary:\n    adapter: postgresql\n    database: app\n"
                                                + "    connect_timeout: soon\n"),
                                List.of("db:version"),
                                3,
                                List.of("invalid connect_timeout 'soon'", "development/primary")),
                        new ErrorReportingTest.Case(
                                "server refusing connections",
                                p -> p.write(
                                        "config/database.yml",
                                        "development:\n  primary:\n    adapter: postgresql\n    host: 127.0.0.1\n"
                                                + "    port: 1\n    database: app\n"),
                                List.of("db:migrate"),
                                4,
                                List.of("127.0.0.1:1", "development/primary")),
                        new ErrorReportingTest.Case(
                                "seeds with pending migrations", created, List.of("db:seed"), 1, List.of("db:migrate")),
                        new ErrorReportingTest.Case(
                                "schema file missing",
                                created,
                                List.of("db:schema:load:primary"),
                                1,
                                List.of("db/schema.sql", "doesn't exist yet"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void task_failing_everyMdbLineNamesItsCause(ErrorReportingTest.Case c) {
        SqliteProject project = SqliteProject.multiDb(dir);
        c.setUp().accept(project);

        CliRun run = project.run(c.args().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(c.exitCode());
        List<String> lines =
                run.errLines().stream().filter(l -> l.startsWith("mdb: ")).toList();
        assertThat(lines).as(run.describe()).isNotEmpty();
        for (String line : lines) {
            assertThat(line.length()).as(line).isGreaterThan(30);
            assertThat(EMPTY_CAUSE.matcher(line).find())
                    .as("empty cause: " + line)
                    .isFalse();
            assertThat(NULL.matcher(line).find()).as("null in: " + line).isFalse();
            assertThat(BARE_TYPE.matcher(line).find())
                    .as("bare exception type in: " + line)
                    .isFalse();
        }
        assertThat(String.join("\n", lines)).contains(c.fragments());
    }
}
