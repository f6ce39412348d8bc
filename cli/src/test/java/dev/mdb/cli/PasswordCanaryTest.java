package dev.mdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password that must never be printed: every failing case on a database.yml that carries it (in {@code password:}
 * keys and in URLs), with and without {@code --trace}, keeps it out of stdout and stderr. Port 1 on the loopback
 * refuses connections at once.
 */
class PasswordCanaryTest {
    private static final String CANARY = "s3cr3t-canary-9f2";

    private static final String UNREACHABLE = """
            development:
              primary:
                adapter: postgresql
                host: 127.0.0.1
                port: 1
                database: app_dev
                username: app
                password: %1$s
              animals:
                url: postgresql://app:%1$s@127.0.0.1:1/animals_dev
                migrations_paths: db/animals_migrate
              cats:
                url: mysql2://app:%1$s@127.0.0.1:1/cats_dev
              mariadb:
                adapter: mysql2
                host: 127.0.0.1
                port: 1
                database: maria_dev
                username: root
                password: %1$s
              jdbc:
                url: jdbc:postgresql://127.0.0.1:1/jdbc_dev?user=app&password=%1$s
            """.formatted(CANARY);

    private static final String BAD_YAML_NEAR_PASSWORD = """
            development:
              primary:
                adapter: postgresql
                password: "%1$s
                database: app_dev
            """.formatted(CANARY);

    private static final String BAD_YAML_AFTER_PASSWORD = """
            development:
              primary:
                adapter: postgresql
                password: %1$s [
               broken: {
            """.formatted(CANARY);

    private static final String BAD_URL = """
            development:
              primary:
                url: postgresql://app:%1$s@127.0.0.1:notaport/x
            """.formatted(CANARY);

    private static final String UNKNOWN_ADAPTER = """
            development:
              primary:
                url: oracle://app:%1$s@127.0.0.1:1/x
            """.formatted(CANARY);

    private static final String UNSUPPORTED_ERB = """
            development:
              primary:
                adapter: postgresql
                database: x
                password: <%%= '%1$s'.reverse %%>
            """.formatted(CANARY);

    /** Drivers echo a JDBC URL they cannot parse; a {@code jdbc:} url carries the password in it. */
    private static final String JDBC_URL_BAD_PORT = """
            development:
              primary:
                url: jdbc:postgresql://127.0.0.1:99999/x?user=app&password=%1$s
            """.formatted(CANARY);

    private static final String JDBC_URL_BAD_OPTION = """
            development:
              primary:
                url: jdbc:postgresql://127.0.0.1:1/x?user=app&password=%1$s&sslmode=bogus
            """.formatted(CANARY);

    private static final Map<String, String> NO_CHECK = Map.of("DISABLE_DATABASE_ENVIRONMENT_CHECK", "1");

    static Stream<Arguments> unreachable() {
        return Stream.of(
                Arguments.of("db:migrate", Map.of()),
                Arguments.of("db:version", Map.of()),
                Arguments.of("db:create", Map.of()),
                Arguments.of("db:drop", Map.of()),
                Arguments.of("db:drop", NO_CHECK),
                Arguments.of("db:purge", NO_CHECK),
                Arguments.of("db:migrate:status", Map.of()),
                Arguments.of("db:abort_if_pending_migrations", Map.of()),
                Arguments.of("db:environment:set", Map.of()),
                Arguments.of("db:migrate:animals", Map.of()),
                Arguments.of("db:create:animals", Map.of()),
                Arguments.of("db:rollback:animals", Map.of()),
                Arguments.of("db:version:cats", Map.of()),
                Arguments.of("db:create:cats", Map.of()),
                Arguments.of("db:drop:cats", NO_CHECK),
                Arguments.of("db:migrate:mariadb", Map.of()),
                Arguments.of("db:create:mariadb", Map.of()),
                Arguments.of("db:migrate:jdbc", Map.of()));
    }

    @TempDir
    Path dir;

    private CliRun run(String yml, Map<String, String> environment, boolean trace, String... args) {
        SqliteProject project = SqliteProject.withConfig(dir, yml);
        List<String> all = new ArrayList<>(List.of(args));
        if (trace) {
            all.add("--trace");
        }
        return project.run(environment, all.toArray(String[]::new));
    }

    private static void assertNoCanary(CliRun run) {
        assertThat(run.out()).as(run.describe()).doesNotContain(CANARY);
        assertThat(run.err()).as(run.describe()).doesNotContain(CANARY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unreachable")
    void task_unreachableServer_exitsFourNamingHostPortWithoutPassword(String task, Map<String, String> env) {
        CliRun run = run(UNREACHABLE, env, false, task);

        assertNoCanary(run);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        // One mdb: line per failing database (they run in parallel and none hides another), then a summary.
        List<String> lines = run.errLines();
        assertThat(lines).as(run.describe()).allMatch(l -> l.startsWith("mdb: "));
        assertThat(lines.get(0)).contains("127.0.0.1:1 for development/");
        if (lines.size() > 1) {
            assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.contains("development/"));
            assertThat(lines.get(lines.size() - 1)).matches("mdb: \\d+ of \\d+ databases failed: .*");
        }
    }

    @ParameterizedTest(name = "{0} {1} --trace")
    @MethodSource("unreachable")
    void task_unreachableServerWithTrace_stackTraceHasNoPassword(String task, Map<String, String> env) {
        CliRun run = run(UNREACHABLE, env, true, task);

        assertNoCanary(run);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
        assertThat(run.err()).contains("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driverErrors")
    void task_driverRejectsJdbcUrl_messageAndTraceHaveNoPassword(String name, String yml) {
        for (boolean trace : new boolean[] {false, true}) {
            CliRun run = run(yml, Map.of(), trace, "db:migrate");

            assertNoCanary(run);
            assertThat(run.exitCode()).as(run.describe()).isNotZero();
            assertThat(run.errLines().get(0)).startsWith("mdb: ");
        }
    }

    static Stream<Arguments> driverErrors() {
        return Stream.of(
                Arguments.of("port out of range", JDBC_URL_BAD_PORT), Arguments.of("bad sslmode", JDBC_URL_BAD_OPTION));
    }

    static Stream<Arguments> configErrors() {
        return Stream.of(
                Arguments.of("unterminated quote", BAD_YAML_NEAR_PASSWORD),
                Arguments.of("broken mapping", BAD_YAML_AFTER_PASSWORD),
                Arguments.of("bad port in URL", BAD_URL),
                Arguments.of("unknown adapter", UNKNOWN_ADAPTER),
                Arguments.of("unsupported ERB", UNSUPPORTED_ERB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configErrors")
    void load_brokenConfigurationAroundPassword_exitsThreeWithoutPassword(String name, String yml) {
        for (boolean trace : new boolean[] {false, true}) {
            CliRun run = run(yml, Map.of(), trace, "db:migrate");

            assertNoCanary(run);
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.errLines().get(0)).startsWith("mdb: ");
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("databaseUrlsThatAreNotUrls")
    void load_databaseUrlThatIsNotAUrl_exitsThreeNamingTheVariableWithoutItsValue(String variable, String value) {
        for (boolean trace : new boolean[] {false, true}) {
            CliRun run = run(UNREACHABLE, Map.of(variable, value), trace, "db:migrate");

            assertNoCanary(run);
            assertThat(run.err()).as(run.describe()).doesNotContain("db.example.com");
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
            assertThat(run.errLines().get(0))
                    .as(run.describe())
                    .startsWith("mdb: " + variable + " (development/")
                    .contains("not a database URL")
                    .endsWith("its value is not shown here.");
        }
    }

    static Stream<Arguments> databaseUrlsThatAreNotUrls() {
        return Stream.of(
                Arguments.of("DATABASE_URL", "this is not a url " + CANARY + "@db.example.com"),
                Arguments.of("DATABASE_URL", "postgres//app:" + CANARY + "@db.example.com/app"),
                Arguments.of("MARIADB_DATABASE_URL", CANARY + "@db.example.com/maria_dev"),
                Arguments.of("MARIADB_DATABASE_URL", "mysql2://root:" + CANARY + "@db.example.com/maria_dev\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownNames")
    void task_unknownNameOrEnvironment_exitsThreeWithoutPassword(String command) {
        CliRun run = run(UNREACHABLE, Map.of(), true, command.split(" ", -1));

        assertNoCanary(run);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    }

    static Stream<String> unknownNames() {
        return Stream.of("db:migrate:nope", "db:version:nope", "-e staging db:migrate", "--database nope db:drop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdbcUrlOnly")
    void createOrDrop_jdbcUrlWithoutDatabaseName_isConfigErrorWithoutPassword(String task) {
        CliRun run = run(UNREACHABLE, NO_CHECK, true, task.split(" ", -1));

        assertNoCanary(run);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
        assertThat(run.errLines().get(0))
                .startsWith("mdb: ")
                .contains("development/jdbc")
                .contains("database:");
    }

    static Stream<String> jdbcUrlOnly() {
        return Stream.of("db:create:jdbc", "db:drop:jdbc", "--database jdbc db:purge");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listingTasks")
    void listTasks_configurationWithPasswords_printsNoPassword(String option) {
        CliRun run = run(UNREACHABLE, Map.of(), false, option);

        assertNoCanary(run);
        assertThat(run.exitCode()).isZero();
    }

    static Stream<String> listingTasks() {
        return Stream.of("-T", "--help");
    }

    /**
     * A migration whose failing statement holds the entry's password (a role created in it): the message quotes the
     * statement masked, with and without {@code --trace}; the lock file and the schema file hold no password either.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void migrate_failingStatementHoldingThePassword_isMaskedEverywhere(boolean trace) throws Exception {
        String yml = """
                development:
                  primary:
                    adapter: sqlite3
                    database: storage/development.sqlite3
                    password: %1$s
                """.formatted(CANARY);
        SqliteProject project = SqliteProject.withConfig(dir, yml);
        project.write("db/migrate/V1__create_users.sql", "CREATE TABLE users (id INT);\n");
        project.write(
                "db/migrate/V2__broken.sql", "INSERT INTO no_such_table (secret) VALUES ('%1$s');\n".formatted(CANARY));
        project.ok("db:create");

        CliRun run = run(yml, Map.of(), trace, "db:migrate");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("V2__broken.sql").contains("INSERT INTO no_such_table");
        assertNoCanary(run);
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".mdb-lock") || name.endsWith("schema.sql")) {
                    assertThat(java.nio.file.Files.readString(file))
                            .as(file.toString())
                            .doesNotContain(CANARY);
                }
            }
        }
    }
}
