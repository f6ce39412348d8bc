package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tiers, primary choice, hidden configs, task keys and environments of a loaded database.yml. */
class DatabaseConfigurationsTest {

    private static final String THREE_TIER = """
            default: &default
              adapter: sqlite3
              pool: 5
            development:
              primary:
                <<: *default
                database: db/development.sqlite3
              primary_replica:
                <<: *default
                database: db/development.sqlite3
                replica: true
              animals:
                <<: *default
                database: db/animals.sqlite3
                migrations_paths: db/animals_migrate
              cache:
                <<: *default
                database: db/cache.sqlite3
                database_tasks: false
            test:
              animals:
                adapter: sqlite3
                database: db/animals_test.sqlite3
              default:
                adapter: sqlite3
                database: db/test.sqlite3
            production:
            """;

    @Test
    void configsFor_threeTier_keepsYamlOrderAndSkipsHidden() {
        DatabaseConfigurations configs = parse(THREE_TIER);

        assertThat(configs.configsFor("development"))
                .extracting(DatabaseConfig::name)
                .containsExactly("primary", "animals");
        assertThat(configs.configsFor("development", true))
                .extracting(DatabaseConfig::name)
                .containsExactly("primary", "primary_replica", "animals", "cache");
    }

    @ParameterizedTest
    @CsvSource({"primary_replica, true, true", "cache, false, true", "primary, false, false", "animals, false, false"})
    void configsFor_hiddenEntries_areReportedByAccessors(String name, boolean replica, boolean hidden) {
        DatabaseConfig config = parse(THREE_TIER).find("development", name).orElseThrow();

        assertThat(config.replica()).isEqualTo(replica);
        assertThat(config.hidden()).isEqualTo(hidden);
    }

    @Test
    void configsFor_replicaEntry_isSkipped() {
        assertThat(parse(THREE_TIER).configsFor("development"))
                .extracting(DatabaseConfig::name)
                .doesNotContain("primary_replica");
    }

    @Test
    void parse_twoTier_isNamedPrimary() {
        DatabaseConfigurations configs = parse("""
                development:
                  adapter: postgresql
                  database: app_dev
                  host: localhost
                """);

        DatabaseConfig config = ConfigFixtures.only(configs, "development");
        assertThat(config.name()).isEqualTo("primary");
        assertThat(config.adapter()).isEqualTo("postgresql");
        assertThat(config.database()).isEqualTo("app_dev");
        assertThat(config.label()).isEqualTo("development/primary");
    }

    @Test
    void parse_hashWithOneScalarAmongHashes_isTwoTier() {
        DatabaseConfigurations configs = parse("""
                development:
                  adapter: postgresql
                  variables:
                    statement_timeout: 5000
                """);

        DatabaseConfig config = ConfigFixtures.only(configs, "development");
        assertThat(config.name()).isEqualTo("primary");
        assertThat(config.settings().get("variables")).isEqualTo(Map.of("statement_timeout", 5000));
    }

    @Test
    void parse_urlStringEnvironment_isPrimaryUrlConfig() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("production: postgres://app@db.example.com:5433/app_prod\n", "production", Map.of()),
                "production");

        assertThat(config.name()).isEqualTo("primary");
        assertThat(config.adapter()).isEqualTo("postgresql");
        assertThat(config.host()).isEqualTo("db.example.com");
        assertThat(config.port()).isEqualTo(5433);
        assertThat(config.username()).isEqualTo("app");
        assertThat(config.database()).isEqualTo("app_prod");
    }

    @ParameterizedTest
    @MethodSource
    void parse_environmentNeitherUrlNorHash_isRejected(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(ConfigFixtures.SOURCE + ": ")
                .hasMessageContaining(message);
    }

    static Stream<Arguments> parse_environmentNeitherUrlNorHash_isRejected() {
        return Stream.of(
                Arguments.of(
                        "development: db/development.sqlite3",
                        "'{ development => db/development.sqlite3 }' is not a valid configuration. Expected"
                                + " 'db/development.sqlite3' to be a URL string or a Hash."),
                Arguments.of(
                        "development: 5",
                        "'{ development => 5 }' is not a valid configuration. Expected '5' to be a URL string or a"
                                + " Hash."),
                Arguments.of("development: [a, b]", "'{ development => [a, b] }' is not a valid configuration."));
    }

    @ParameterizedTest
    @MethodSource
    void parse_emptyEnvironmentOrDocument_hasNoConfigs(String yaml) {
        assertThat(parse(yaml).configsFor("development", true)).isEmpty();
    }

    static Stream<String> parse_emptyEnvironmentOrDocument_hasNoConfigs() {
        return Stream.of("development:\n", "development: {}\n", "", "# only a comment\n", "development: ~\n");
    }

    @Test
    void parse_topLevelList_isRejected() {
        assertThatThrownBy(() -> parse("- development\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a mapping of environment names");
    }

    @ParameterizedTest
    @MethodSource
    void primary_namedOrFirst_isChosen(String yaml, String expected) {
        assertThat(parse(yaml).primary("development")).map(DatabaseConfig::name).contains(expected);
    }

    static Stream<Arguments> primary_namedOrFirst_isChosen() {
        return Stream.of(
                Arguments.of("development:\n  animals: {database: a}\n  primary: {database: p}\n", "primary"),
                Arguments.of("development:\n  default: {database: d}\n  animals: {database: a}\n", "default"),
                Arguments.of("development:\n  database: d\n", "primary"));
    }

    @Test
    void primary_unknownEnvironment_isEmpty() {
        assertThat(parse(THREE_TIER).primary("staging")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"development, true", "test, true", "production, true", "staging, false", "default, true"})
    void hasEnvironment_declaredEnvironments_areKnown(String env, boolean known) {
        // "default" is a top-level key too: Rails treats every top-level key but shared as an environment.
        assertThat(parse(THREE_TIER).hasEnvironment(env)).isEqualTo(known);
    }

    @Test
    void environments_inFileOrder_includeEmptyOnesButNotShared() {
        DatabaseConfigurations configs = parse("shared:\n  pool: 5\ndevelopment:\n  database: d\nproduction:\n");

        assertThat(configs.environments()).containsExactly("development", "production");
        assertThat(configs.hasEnvironment("shared")).isFalse();
    }

    @Test
    void parse_unknownCurrentEnvironment_isNotAnError() {
        DatabaseConfigurations configs = parse(THREE_TIER, "staging", Map.of());

        assertThat(configs.currentEnv()).isEqualTo("staging");
        assertThat(configs.configsFor("staging")).isEmpty();
    }

    @Test
    void find_unknownName_isEmpty() {
        assertThat(parse(THREE_TIER).find("development", "nope")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource
    void migrationsPaths_stringListOrAbsent_isAList(String value, List<String> expected) {
        String yaml =
                "development:\n  adapter: sqlite3\n" + (value == null ? "" : "  migrations_paths: " + value + "\n");

        assertThat(ConfigFixtures.only(parse(yaml), "development").migrationsPaths())
                .isEqualTo(expected);
    }

    static Stream<Arguments> migrationsPaths_stringListOrAbsent_isAList() {
        return Stream.of(
                Arguments.of(null, List.of("db/migrate")),
                Arguments.of("db/animals_migrate", List.of("db/animals_migrate")),
                Arguments.of("[db/a, db/b]", List.of("db/a", "db/b")));
    }

    @Test
    void migrationsPaths_onReplica_isKeptAsGiven() {
        DatabaseConfig replica = parse("development:\n  r:\n    replica: true\n    migrations_paths: db/r\n")
                .find("development", "r")
                .orElseThrow();

        assertThat(replica.migrationsPaths()).containsExactly("db/r");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "NONE                          | true  | NONE",
                "schema_dump: false            | false | NONE",
                "schema_dump:                  | false | NONE",
                "schema_dump: ~                | false | NONE",
                "schema_dump: true             | true  | NONE",
                "schema_dump: animals.sql      | true  | animals.sql",
                "database_tasks: false         | false | NONE",
                "database_tasks:               | false | NONE",
                "replica: true                 | false | NONE",
                "'schema_dump: x.sql, database_tasks: false' | false | x.sql"
            })
    void schemaDump_variants_decideWhetherAndWhere(String line, boolean enabled, String file) {
        String yaml = "development: {adapter: sqlite3" + (line == null ? "" : ", " + line) + "}\n";

        DatabaseConfig config = ConfigFixtures.only(parse(yaml), "development");

        assertThat(config.schemaDumpEnabled()).isEqualTo(enabled);
        assertThat(config.schemaDumpFile()).isEqualTo(java.util.Optional.ofNullable(file));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {"NONE | NONE", "schema_dump: false | false", "schema_dump: | false", "schema_dump: a.sql | a.sql"})
    void schemaDump_raw_isEmptyOnlyWhenAbsent(String line, String expected) {
        String yaml = "development:\n  adapter: sqlite3\n" + (line == null ? "" : "  " + line + "\n");

        assertThat(ConfigFixtures.only(parse(yaml), "development").schemaDump())
                .map(String::valueOf)
                .isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"schema_format, sql", "seeds, true", "schema_cache_path, db/cache.yml", "use_metadata_table, false"})
    void parse_taskKeys_areKeptInSettings(String key, String value) {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  adapter: sqlite3\n  " + key + ": " + value + "\n"), "development");

        assertThat(config.settings()).containsKey(key);
        assertThat(String.valueOf(config.settings().get(key))).isEqualTo(value);
    }

    @Test
    void useMetadataTable_false_isReported() {
        DatabaseConfig config =
                ConfigFixtures.only(parse("development:\n  use_metadata_table: false\n"), "development");

        assertThat(config.useMetadataTable()).isFalse();
    }

    @Test
    void settings_ofLoadedConfig_areImmutable() {
        DatabaseConfig config =
                ConfigFixtures.only(parse("development:\n  variables:\n    a: 1\n  list: [1]\n"), "development");

        assertThatThrownBy(() -> config.settings().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) config.settings().get("variables");
        assertThatThrownBy(() -> variables.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toString_withPassword_neverPrintsSettings() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  database: d\n  password: " + ConfigFixtures.CANARY + "\n"), "development");

        assertThat(config.toString()).doesNotContain(ConfigFixtures.CANARY);
    }
}
