package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the template scanner works out without rescanning lines (statements, placeholders, comment and secret lines),
 * on the forms that used to go through regular expressions.
 */
class TemplateScanningTest {
    private static final Map<String, String> ENV = Map.of("DB_NAME", "from_env", "FLAG", "true");

    private static String database(String template) {
        String yaml = "development:\n  adapter: sqlite3\n" + template;
        return ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                .database();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_statementForms_areUnderstood(String statement, String expected) {
        String template = statement + "\n  database: taken\n<% else %>\n  database: other\n<% end %>\n";

        assertThat(database(template)).isEqualTo(expected);
    }

    static Stream<Arguments> interpolate_statementForms_areUnderstood() {
        return Stream.of(
                Arguments.of("<% if ENV['FLAG'] == 'true' then %>", "taken"),
                Arguments.of("<% if(ENV['FLAG']) %>", "taken"),
                Arguments.of("<%   unless ENV['FLAG']   %>", "other"),
                Arguments.of("<% if ENV['FLAG']" + " ".repeat(50_000) + "== 'true'\t then %>", "taken"),
                Arguments.of("<%- if ENV['UNSET'] -%>", "other"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void interpolate_placeholderForms_areReadAsBefore(String value, String expected) {
        assertThat(database("  database: \"" + value + "\"\n")).isEqualTo(expected);
    }

    static Stream<Arguments> interpolate_placeholderForms_areReadAsBefore() {
        return Stream.of(
                Arguments.of("${UNSET:-a}${DB_NAME}", "afrom_env"),
                Arguments.of("${UNSET:-a:-b}", "a:-b"),
                Arguments.of("${UNSET:-x}}", "x}"),
                Arguments.of("$${DB_NAME}", "$from_env"),
                Arguments.of("${1X}", "${1X}"),
                Arguments.of("${UNSET:-no brace", "${UNSET:-no brace"),
                Arguments.of(
                        "${UNSET:-" + "${UNSET:-".repeat(5_000) + "x", "${UNSET:-" + "${UNSET:-".repeat(5_000) + "x"),
                Arguments.of("${UNSET:-${DB_NAME}", "${DB_NAME"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_failingExpression_isShownMaskedOnSecretLines(String line, String shown) {
        assertThatThrownBy(() -> parse("development:\n  database: d\n" + line + "\n", "development", ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/database.yml:3: unsupported ERB expression '" + shown + "'");
    }

    static Stream<Arguments> interpolate_failingExpression_isShownMaskedOnSecretLines() {
        return Stream.of(
                Arguments.of("  password: <%= ENV.fetch('P', 'lit').strip %>", "ENV.fetch('***', '***').strip"),
                Arguments.of("  db_secret_key : <%= 'lit'.strip %>", "'***'.strip"),
                Arguments.of("  API_TOKEN:<%= 'lit'.strip %>", "'***'.strip"),
                Arguments.of("  host: <%= 'lit'.strip %>", "'lit'.strip"),
                Arguments.of("  host: <%= ENV['P'] %><%= 'lit'.strip %>", "'lit'.strip"),
                Arguments.of("  x: <%= '" + "a".repeat(300) + "'.strip %>", "(308 characters, not shown)"),
                Arguments.of("  password: <%= '" + "a".repeat(20_000) + "'.strip %>", "(20008 characters, not shown)"));
    }
}
