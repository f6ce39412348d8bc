package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Safe YAML: anchors and merge keys, alias caps, refused type tags, error lines, {@code shared:} and {@code url:}. */
class YamlLoadingTest {

    @Test
    void parse_anchorsAndMergeKeys_areResolved() {
        DatabaseConfigurations configs = parse("""
                default: &default
                  adapter: postgresql
                  pool: 5
                  variables: &vars
                    statement_timeout: 1000
                development:
                  <<: *default
                  database: app_dev
                  pool: 10
                  variables: *vars
                """);

        DatabaseConfig config = configs.find("development", "primary").orElseThrow();
        assertThat(config.adapter()).isEqualTo("postgresql");
        assertThat(config.database()).isEqualTo("app_dev");
        assertThat(config.settings()).containsEntry("pool", 10);
        assertThat(config.settings().get("variables")).isEqualTo(Map.of("statement_timeout", 1000));
    }

    @Test
    void parse_duplicateKeys_lastWins() {
        DatabaseConfig config =
                ConfigFixtures.only(parse("development:\n  database: a\n  database: b\n"), "development");

        assertThat(config.database()).isEqualTo("b");
    }

    @Test
    void parse_dateLikeScalar_staysString() {
        DatabaseConfig config = ConfigFixtures.only(parse("development:\n  database: 2026-01-01\n"), "development");

        assertThat(config.settings().get("database")).isEqualTo("2026-01-01");
    }

    @Test
    void parse_billionLaughs_failsFastWithClearMessage() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            // 10 levels of 120 aliases: past the 1,000-alias cap before anything is expanded.
            for (int j = 0; j < 120; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> parse(yaml.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "config/database.yml: cannot load database configuration: more than 1000 YAML aliases");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void parse_aliasChainUnderTheCap_failsOnExpansionBudget() {
        // 24 levels of two aliases each stay under the alias cap but expand to 2^24 values.
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            yaml.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }

        assertThatThrownBy(() -> parse(yaml.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expands to more than");
    }

    @Test
    void parse_recursiveAlias_isRejected() {
        assertThatThrownBy(() -> parse("development: &loop\n  self: *loop\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/database.yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_typeTag_isRefusedNamingLineAndTag(String yaml, int line, String tag) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/database.yml:" + line + ": cannot load database configuration: the YAML"
                        + " tag " + tag + " is not allowed (")
                .hasMessageEndingWith("mdb loads YAML safely: remove the type tag.");
    }

    static Stream<Arguments> parse_typeTag_isRefusedNamingLineAndTag() {
        return Stream.of(
                Arguments.of("development:\n  database: !!binary ZGV2\n", 2, "!!binary"),
                Arguments.of("development:\n  database: d\n  since: !!timestamp 2001-12-14\n", 3, "!!timestamp"),
                Arguments.of("development:\n  database: d\n  hosts: !!set {a, b}\n", 3, "!!set"),
                Arguments.of("development:\n  database: d\n  order: !!omap [a: 1, b: 2]\n", 3, "!!omap"),
                Arguments.of("development:\n  database: d\n  pairs: !!pairs [a: 1]\n", 3, "!!pairs"),
                Arguments.of("development:\n  database: d\n  file: !!java.io.File /etc/passwd\n", 3, "!!java.io.File"),
                Arguments.of(
                        "development:\n  x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n",
                        2,
                        "!!javax.script.ScriptEngineManager"),
                Arguments.of("development:\n  y: !custom {a: 1}\n", 2, "!custom"),
                Arguments.of("development:\n  y: !<tag:example.com,2026:db> x\n", 2, "tag:example.com,2026:db"),
                Arguments.of("development:\n  !!binary ZGF0YWJhc2U=: d\n", 2, "!!binary"),
                Arguments.of("development:\n  hosts:\n    - a\n    - !!binary Yg==\n", 4, "!!binary"),
                Arguments.of("default: &d\n  pool: !custom 5\ndevelopment:\n  <<: *d\n", 2, "!custom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_coreTagNotSuitingItsValue_isRefusedWithoutTheValue(String value, String tag, String kind) {
        assertThatThrownBy(() -> parse("development:\n  database: d\n  password: " + value + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/database.yml:3: cannot load database configuration: the value tagged " + tag
                        + " is not " + kind + ". Remove the tag.");
    }

    static Stream<Arguments> parse_coreTagNotSuitingItsValue_isRefusedWithoutTheValue() {
        return Stream.of(
                Arguments.of("!!int s3cr3t", "!!int", "an integer"),
                Arguments.of("!!float s3cr3t", "!!float", "a number"),
                Arguments.of("!!bool s3cr3t", "!!bool", "a boolean"),
                Arguments.of("!!null s3cr3t", "!!null", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_standardValues_areLoaded(String value, Object expected) {
        DatabaseConfig config =
                ConfigFixtures.only(parse("development:\n  database: d\n  x: " + value + "\n"), "development");

        assertThat(config.settings().get("x")).isEqualTo(expected);
    }

    static Stream<Arguments> parse_standardValues_areLoaded() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("'single quoted'", "single quoted"),
                Arguments.of("\"double \\u00e9\"", "double é"),
                Arguments.of("5", 5),
                Arguments.of("1.5", 1.5),
                Arguments.of("true", true),
                Arguments.of("~", null),
                Arguments.of("!!str 5", "5"),
                Arguments.of("!<tag:yaml.org,2002:str> x", "x"),
                Arguments.of("!!int 0x1F", 31),
                Arguments.of("!!float 2", 2.0),
                Arguments.of("!!bool yes", true),
                Arguments.of("!!null ''", null),
                Arguments.of("!!seq [a, b]", List.of("a", "b")),
                Arguments.of("!!map {a: 1}", Map.of("a", 1)),
                Arguments.of("|\n    two\n    lines", "two\nlines\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_malformedYaml_reportsSourceLine(String yaml, int line) {
        assertThatThrownBy(() -> parse(yaml, "development", Map.of("X", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/database.yml:" + line + ": cannot load database configuration: ")
                .hasMessageNotContaining("\n");
    }

    static Stream<Arguments> parse_malformedYaml_reportsSourceLine() {
        return Stream.of(
                Arguments.of("development:\n  adapter: sqlite3\n  database: a: b\n", 3),
                Arguments.of("development:\n  adapter: sqlite3\n\tdatabase: x\n", 3),
                Arguments.of("development:\n  database: \"unterminated\n", 3),
                Arguments.of("a: 1\n---\nb: 2\n", 2),
                Arguments.of("""
                        development:
                          <%- if ENV['X'] -%>
                          adapter: sqlite3
                          <%- end -%>
                          <%# comment -%>
                          database: a: b
                        """, 6),
                Arguments.of("development:\n<% if ENV['X'] %>\n\n<% end %>\n  x: *undefined\n", 5));
    }

    @Test
    void parse_sharedSection_isDeepMergedUnderEveryConfig() {
        DatabaseConfigurations configs = parse("""
                shared:
                  adapter: postgresql
                  host: shared-host
                  variables:
                    statement_timeout: 1000
                    lock_timeout: 10
                development:
                  database: dev
                  host: dev-host
                  variables:
                    lock_timeout: 20
                test:
                  primary:
                    database: t
                  animals:
                    database: a
                    adapter: sqlite3
                production: postgres://prod-host/prod
                """, "development", Map.of());

        DatabaseConfig dev = configs.find("development", "primary").orElseThrow();
        assertThat(dev.adapter()).isEqualTo("postgresql");
        assertThat(dev.host()).isEqualTo("dev-host");
        assertThat(dev.settings().get("variables")).isEqualTo(Map.of("statement_timeout", 1000, "lock_timeout", 20));
        assertThat(configs.find("test", "primary").orElseThrow().host()).isEqualTo("shared-host");
        assertThat(configs.find("test", "animals").orElseThrow().adapter()).isEqualTo("sqlite3");
        assertThat(configs.find("production", "primary").orElseThrow().host()).isEqualTo("prod-host");
        assertThat(configs.find("production", "primary").orElseThrow().settings())
                .doesNotContainKey("variables");
        assertThat(configs.environments()).containsExactly("development", "test", "production");
    }

    @Test
    void parse_sharedNotAMapping_isRejected() {
        assertThatThrownBy(() -> parse("shared: oops\ndevelopment:\n  database: d\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'shared' must be a mapping");
    }

    @Test
    void parse_urlKey_overridesSiblingsAndKeepsOthers() {
        DatabaseConfig config = ConfigFixtures.only(parse("""
                        development:
                          adapter: sqlite3
                          database: ignored
                          pool: 7
                          url: postgres://u@h/from_url
                        """), "development");

        assertThat(config.adapter()).isEqualTo("postgresql");
        assertThat(config.database()).isEqualTo("from_url");
        assertThat(config.settings()).containsEntry("pool", 7).doesNotContainKey("url");
    }

    @Test
    void parse_jdbcUrlKey_isKeptVerbatimWithSiblings() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  adapter: postgis\n  url: jdbc:postgresql://h/db\n  pool: 3\n"), "development");

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(config.adapter()).isEqualTo("postgis");
        assertThat(config.settings()).containsEntry("pool", 3);
    }

    @Test
    void parse_nullUrlKey_isDroppedButExemptsFromDatabaseUrl() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  database: d\n  url:\n", "development", Map.of("DATABASE_URL", "postgres://h/x")),
                "development");

        assertThat(config.database()).isEqualTo("d");
        assertThat(config.settings()).doesNotContainKey("url");
    }

    @Test
    void parse_emptyUrlKey_isRejected() {
        assertThatThrownBy(() -> parse("development:\n  url: ''\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/database.yml (development/primary): Database URL cannot be empty.");
    }

    @Test
    void parse_nonStringUrlKey_isRejected() {
        assertThatThrownBy(() -> parse("development:\n  url: [a]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'url' must be a string");
    }
}
