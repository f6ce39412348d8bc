package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.config.UnknownDatabaseNameException;
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

/** Which configurations tasks act on: Rails' visible, current, local and named rules (RAILS-SEMANTICS §0). */
class DatabaseSelectionTest {
    private static final String YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
              primary_replica:
                adapter: sqlite3
                database: storage/development.sqlite3
                replica: true
              animals:
                adapter: sqlite3
                database: storage/development_animals.sqlite3
              legacy:
                adapter: sqlite3
                database: storage/legacy.sqlite3
                database_tasks: false
            test:
              primary:
                adapter: sqlite3
                database: storage/test.sqlite3
              animals:
                adapter: sqlite3
                database: storage/test_animals.sqlite3
            production:
              primary:
                adapter: postgresql
                host: db.example.com
                database: app_production
              animals:
                adapter: postgresql
                host: localhost
                database: animals_production
            """;

    @TempDir
    Path dir;

    private final List<String> errLines = new ArrayList<>();

    private DatabaseSelection selection(String env, Map<String, String> environment) {
        DatabaseConfigurations configs = DatabaseConfigurations.parse(YML, "config/database.yml", env, environment);
        Reporter reporter = new Reporter() {
            @Override
            public void out(String line) {}

            @Override
            public void err(String line) {
                errLines.add(line);
            }
        };
        return new DatabaseSelection(
                configs, new TaskOptions(dir, env, environment, true, reporter), "config/database.yml");
    }

    private static List<String> labels(List<DatabaseConfig> configs) {
        return configs.stream().map(DatabaseConfig::label).toList();
    }

    @Test
    void visible_development_skipsReplicaAndDatabaseTasksFalse() {
        assertThat(labels(selection("development", Map.of()).visible()))
                .containsExactly("development/primary", "development/animals");
    }

    static Stream<Arguments> currentConfigurations() {
        return Stream.of(
                Arguments.of(
                        "development",
                        Map.of(),
                        List.of("development/primary", "development/animals", "test/primary", "test/animals")),
                Arguments.of(
                        "development",
                        Map.of("SKIP_TEST_DATABASE", "1"),
                        List.of("development/primary", "development/animals")),
                Arguments.of(
                        "development",
                        Map.of("SKIP_TEST_DATABASE", "true"),
                        List.of("development/primary", "development/animals")),
                Arguments.of(
                        "development",
                        Map.of("DATABASE_URL", "sqlite3:storage/url.sqlite3"),
                        List.of("development/primary", "development/animals")),
                Arguments.of("test", Map.of(), List.of("test/primary", "test/animals")),
                Arguments.of("production", Map.of(), List.of("production/primary", "production/animals")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("currentConfigurations")
    void current_environment_addsTestOnlyInDevelopmentWithoutOverrides(
            String env, Map<String, String> environment, List<String> expected) {
        assertThat(labels(selection(env, environment).current())).containsExactlyElementsOf(expected);
    }

    @Test
    void current_databaseUrl_replacesPrimaryDatabase() {
        List<DatabaseConfig> current = selection("development", Map.of("DATABASE_URL", "sqlite3:storage/url.sqlite3"))
                .current();

        assertThat(current.get(0).database()).isEqualTo("storage/url.sqlite3");
        assertThat(current.get(1).database()).isEqualTo("storage/development_animals.sqlite3");
    }

    @Test
    void local_everyEnvironment_skipsRemoteHostsWithMessage() {
        List<DatabaseConfig> local = selection("development", Map.of()).local();

        assertThat(labels(local))
                .containsExactly(
                        "development/primary",
                        "development/animals",
                        "test/primary",
                        "test/animals",
                        "production/animals");
        assertThat(errLines)
                .containsExactly("This task only modifies local databases. app_production is on a remote host.");
    }

    @Test
    void named_visibleName_returnsIt() {
        DatabaseConfig animals = selection("development", Map.of()).named("animals");

        assertThat(animals.label()).isEqualTo("development/animals");
    }

    @Test
    void named_replica_explainsReplicasAreSkipped() {
        assertThatThrownBy(() -> selection("development", Map.of()).named("primary_replica"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'primary_replica'")
                .hasMessageContaining("replica: true");
    }

    @Test
    void named_databaseTasksFalse_explainsItIsNotManaged() {
        assertThatThrownBy(() -> selection("development", Map.of()).named("legacy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'legacy'")
                .hasMessageContaining("database_tasks: false");
    }

    @Test
    void named_unknown_listsVisibleNamesOnly() {
        assertThatThrownBy(() -> selection("development", Map.of()).named("nope"))
                .isInstanceOf(UnknownDatabaseNameException.class)
                .hasMessage("unknown database 'nope' in environment 'development'. Known databases: primary, animals.");
    }

    @Test
    void named_nameOfAnotherEnvironmentOnly_isUnknownHere() {
        assertThatThrownBy(() -> selection("test", Map.of()).named("legacy"))
                .isInstanceOf(UnknownDatabaseNameException.class)
                .hasMessageContaining("environment 'test'");
    }

    @Test
    void visible_unknownEnvironment_listsKnownEnvironments() {
        assertThatThrownBy(() -> selection("staging", Map.of()).visible())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'staging'")
                .hasMessageContaining("config/database.yml")
                .hasMessageContaining("Known environments: development, test, production");
    }

    @Test
    void named_unknownEnvironment_reportsEnvironmentFirst() {
        assertThatThrownBy(() -> selection("staging", Map.of()).named("primary"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment 'staging' is not configured");
    }

    @Test
    void primary_isConfigNamedPrimary() {
        assertThat(selection("test", Map.of()).primary().label()).isEqualTo("test/primary");
    }
}
