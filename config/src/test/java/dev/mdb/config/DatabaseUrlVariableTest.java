package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code DATABASE_URL} and {@code NAME_DATABASE_URL} must hold URLs: what Rails accepts still loads, anything else is
 * refused naming the variable, and its value (a password, often) appears in no message of the exception chain.
 */
class DatabaseUrlVariableTest {
    private static final String THREE_TIER = """
            development:
              primary:
                adapter: sqlite3
                database: db/dev.sqlite3
                pool: 5
              animals:
                adapter: sqlite3
                database: db/animals.sqlite3
              own_url:
                url: mysql2://own-host/own_db
            test:
              primary:
                adapter: sqlite3
                database: db/test.sqlite3
            """;

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource
    void load_variableThatIsNotAUrl_isRefusedNamingItWithoutItsValue(
            String variable, String value, String env, String config, String problem) {
        Throwable thrown = catchThrowable(() -> parse(THREE_TIER, env, Map.of(variable, value)));

        assertThat(thrown)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable + " (" + env + "/" + config + "): ")
                .hasMessageContaining(problem);
        assertThat(((ConfigException) thrown).category()).isEqualTo(MdbException.Category.CONFIG);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(ConfigFixtures.CANARY, "db.example.com", value.strip());
        }
    }

    static Stream<Arguments> load_variableThatIsNotAUrl_isRefusedNamingItWithoutItsValue() {
        String canary = ConfigFixtures.CANARY;
        String noScheme = "not a database URL: it does not start with a scheme";
        String blank = "not a database URL: it contains a space, a line break or another control character";
        List<List<String>> values = List.of(
                List.of("this is not a url " + canary, noScheme),
                List.of("postgres//app:" + canary + "@db.example.com/app", noScheme),
                List.of(canary, noScheme),
                List.of("/var/db/" + canary + ".sqlite3", noScheme),
                List.of(" postgres://app:" + canary + "@db.example.com/app", blank),
                List.of("postgres://app:" + canary + "@db.example.com/app\n", blank),
                List.of("postgres://app:" + canary + "@db.example.com/app two", blank),
                List.of("postgres://app:" + canary + "@db.example.com:port/app", "invalid database URL: the port is"),
                List.of("mysql2://app:" + canary + "@[::1/db.example.com", "invalid database URL: the IPv6 host"));
        List<List<String>> variables = List.of(
                List.of("DATABASE_URL", "development", "primary"),
                List.of("PRIMARY_DATABASE_URL", "development", "primary"),
                List.of("ANIMALS_DATABASE_URL", "development", "animals"),
                List.of("DATABASE_URL", "production", "primary"));
        return variables.stream()
                .flatMap(v -> values.stream().map(u -> Arguments.of(v.get(0), u.get(0), v.get(1), v.get(2), u.get(1))));
    }

    @Test
    void load_missingFileAndDatabaseUrlThatIsNotAUrl_isRefusedWithoutItsValue(@TempDir Path dir) {
        Path file = dir.resolve("config/database.yml");
        Map<String, String> environment = Map.of("DATABASE_URL", "user:" + ConfigFixtures.CANARY + " @host/db");

        assertThatThrownBy(() -> DatabaseConfigurations.load(file, "development", environment))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_URL (development/primary): not a database URL: it contains a space, a line break"
                        + " or another control character (percent-encode a space as %20). Set DATABASE_URL to a URL"
                        + " such as postgresql://user:password@host/database; its value is not shown here.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void load_variableWithUrl_isAccepted(String url, String adapter, String database) {
        DatabaseConfig primary = parse(THREE_TIER, "development", Map.of("DATABASE_URL", url))
                .find("development", "primary")
                .orElseThrow();

        assertThat(primary.adapter()).isEqualTo(adapter);
        assertThat(primary.database()).isEqualTo(database);
    }

    static Stream<Arguments> load_variableWithUrl_isAccepted() {
        return Stream.of(
                Arguments.of("postgres://app:pw@db.example.com:5433/app?pool=5", "postgresql", "app"),
                Arguments.of("postgresql://[::1]/app", "postgresql", "app"),
                Arguments.of("postgres:///app", "postgresql", "app"),
                Arguments.of("postgres://app:p%20w@h/my%20db", "postgresql", "my db"),
                Arguments.of("mysql://h/app", "mysql2", "app"),
                Arguments.of("trilogy://h/app", "trilogy", "app"),
                Arguments.of("oracle-enhanced://h/app", "oracle_enhanced", "app"),
                Arguments.of("sqlite3:db/other.sqlite3", "sqlite3", "db/other.sqlite3"),
                Arguments.of("sqlite3::memory:", "sqlite3", ":memory:"),
                Arguments.of("sqlite3:///abs/dev.sqlite3", "sqlite3", "/abs/dev.sqlite3"),
                Arguments.of("jdbc:sqlite:db/other.sqlite3", "sqlite3", "db/dev.sqlite3"),
                Arguments.of("https://db.example.com/x", "sqlite3", "db/dev.sqlite3"));
    }
}
