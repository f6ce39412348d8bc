package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code DATABASE_URL} / {@code NAME_DATABASE_URL} merging, synthesised primaries and missing files. */
class EnvironmentUrlTest {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void load_environmentVariables_applyToTheRightConfigs(
            String description, Map<String, String> environment, String name, String expectedDatabase) {
        DatabaseConfigurations configs = parse(THREE_TIER, "development", environment);

        assertThat(configs.find("development", name).orElseThrow().database()).isEqualTo(expectedDatabase);
    }

    static Stream<Arguments> load_environmentVariables_applyToTheRightConfigs() {
        return Stream.of(
                Arguments.of(
                        "DATABASE_URL ⇒ primary",
                        Map.of("DATABASE_URL", "postgres://h/from_url"),
                        "primary",
                        "from_url"),
                Arguments.of(
                        "DATABASE_URL ⇏ animals",
                        Map.of("DATABASE_URL", "postgres://h/from_url"),
                        "animals",
                        "db/animals.sqlite3"),
                Arguments.of(
                        "ANIMALS_DATABASE_URL ⇒ animals",
                        Map.of("ANIMALS_DATABASE_URL", "postgres://h/animals_url"),
                        "animals",
                        "animals_url"),
                Arguments.of(
                        "PRIMARY_DATABASE_URL beats DATABASE_URL",
                        Map.of("DATABASE_URL", "postgres://h/plain", "PRIMARY_DATABASE_URL", "postgres://h/named"),
                        "primary",
                        "named"),
                Arguments.of(
                        "own url: ignores OWN_URL_DATABASE_URL",
                        Map.of("OWN_URL_DATABASE_URL", "postgres://h/env"),
                        "own_url",
                        "own_db"));
    }

    @Test
    void load_databaseUrl_mergesOverFileKeys() {
        DatabaseConfig primary = parse(
                        THREE_TIER, "development", Map.of("DATABASE_URL", "postgres://u@h:5433/db?pool=9"))
                .find("development", "primary")
                .orElseThrow();

        assertThat(primary.adapter()).isEqualTo("postgresql");
        assertThat(primary.host()).isEqualTo("h");
        assertThat(primary.port()).isEqualTo(5433);
        assertThat(primary.settings()).containsEntry("pool", "9");
    }

    @Test
    void load_databaseUrl_keepsNonConflictingFileKeys() {
        DatabaseConfig primary = parse(THREE_TIER, "development", Map.of("DATABASE_URL", "postgres://h/db"))
                .find("development", "primary")
                .orElseThrow();

        assertThat(primary.settings()).containsEntry("pool", 5);
    }

    @Test
    void load_databaseUrl_leavesOtherEnvironmentsAlone() {
        DatabaseConfigurations configs = parse(THREE_TIER, "development", Map.of("DATABASE_URL", "postgres://h/db"));

        assertThat(configs.find("test", "primary").orElseThrow().database()).isEqualTo("db/test.sqlite3");
    }

    @Test
    void load_databaseUrl_appliesToTwoTierConfig() {
        DatabaseConfigurations configs = parse(
                "development:\n  adapter: sqlite3\n  database: x\n",
                "development",
                Map.of("DATABASE_URL", "postgres://h/db"));

        assertThat(ConfigFixtures.only(configs, "development").database()).isEqualTo("db");
    }

    @Test
    void load_databaseUrl_isIgnoredWithoutAConfigNamedPrimary() {
        DatabaseConfigurations configs = parse(
                "development:\n  main:\n    database: x\n", "development", Map.of("DATABASE_URL", "postgres://h/db"));

        assertThat(ConfigFixtures.only(configs, "development").database()).isEqualTo("x");
    }

    @Test
    void load_databaseUrl_isIgnoredByPrimaryWithOwnUrl() {
        DatabaseConfigurations configs = parse(
                "development:\n  url: postgres://h/own\n", "development", Map.of("DATABASE_URL", "postgres://h/env"));

        assertThat(ConfigFixtures.only(configs, "development").database()).isEqualTo("own");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void load_environmentWithoutConfigs_synthesisesPrimary(
            String description, Map<String, String> environment, String db) {
        DatabaseConfigurations configs = parse(THREE_TIER, "production", environment);

        DatabaseConfig primary = ConfigFixtures.only(configs, "production");
        assertThat(primary.name()).isEqualTo("primary");
        assertThat(primary.database()).isEqualTo(db);
        assertThat(configs.hasEnvironment("production")).isTrue();
    }

    static Stream<Arguments> load_environmentWithoutConfigs_synthesisesPrimary() {
        return Stream.of(
                Arguments.of("DATABASE_URL", Map.of("DATABASE_URL", "postgres://h/prod"), "prod"),
                Arguments.of("PRIMARY_DATABASE_URL", Map.of("PRIMARY_DATABASE_URL", "postgres://h/prim"), "prim"));
    }

    @Test
    void load_environmentWithoutConfigsOrUrl_hasNoConfigs() {
        DatabaseConfigurations configs =
                parse(THREE_TIER, "production", Map.of("ANIMALS_DATABASE_URL", "postgres://h/a"));

        assertThat(configs.configsFor("production", true)).isEmpty();
        assertThat(configs.hasEnvironment("production")).isFalse();
    }

    @Test
    void load_emptyDatabaseUrl_isRejectedNamingTheVariable() {
        assertThatThrownBy(() -> parse(THREE_TIER, "development", Map.of("DATABASE_URL", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_URL (development/primary): Database URL cannot be empty.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void load_jdbcDatabaseUrl_isKeptVerbatim(String fileAdapter, String expectedAdapter) {
        String url = "jdbc:postgresql://h/db?user=u";
        String yaml = "development:\n  database: x\n" + (fileAdapter == null ? "" : "  adapter: " + fileAdapter + "\n");

        DatabaseConfig primary =
                ConfigFixtures.only(parse(yaml, "development", Map.of("DATABASE_URL", url)), "development");

        assertThat(primary.jdbcUrl()).isEqualTo(url);
        assertThat(primary.adapter()).isEqualTo(expectedAdapter);
        assertThat(primary.database()).isEqualTo("x");
    }

    static Stream<Arguments> load_jdbcDatabaseUrl_isKeptVerbatim() {
        return Stream.of(Arguments.of(null, "postgresql"), Arguments.of("postgis", "postgis"));
    }

    @Test
    void load_missingFileWithDatabaseUrl_synthesisesOnlyPrimary(@TempDir Path dir) {
        DatabaseConfigurations configs = DatabaseConfigurations.load(
                dir.resolve("config/database.yml"), "development", Map.of("DATABASE_URL", "postgres://h/only"));

        assertThat(configs.all()).hasSize(1);
        assertThat(configs.primary("development").orElseThrow().database()).isEqualTo("only");
    }

    @Test
    void load_missingFileWithoutDatabaseUrl_isRejected(@TempDir Path dir) {
        Path file = dir.resolve("config/database.yml");

        assertThatThrownBy(() -> DatabaseConfigurations.load(file, "development", Map.of("PRIMARY_DATABASE_URL", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Could not load database configuration. No such file - [" + file + "]");
    }

    @Test
    void load_existingFile_isParsedWithItsPathInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("database.yml");
        Files.writeString(
                file, "development:\n  database: <%= ENV['DB'] %>\n  x: <%= nope %>\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatabaseConfigurations.load(file, "development", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: unsupported ERB expression 'nope'");
    }

    @Test
    void load_existingFile_returnsConfigs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("database.yml");
        Files.writeString(file, "\uFEFFdevelopment:\n  database: <%= ENV['DB'] %>\n", StandardCharsets.UTF_8);

        DatabaseConfigurations configs = DatabaseConfigurations.load(file, "development", Map.of("DB", "from_env"));

        assertThat(configs.primary("development").orElseThrow().database()).isEqualTo("from_env");
    }

    @Test
    void load_invalidUtf8_isRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("database.yml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> DatabaseConfigurations.load(file, "development", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
