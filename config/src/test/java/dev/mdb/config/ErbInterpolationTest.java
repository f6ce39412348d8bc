package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ERB subset and {@code ${X}} placeholders: values, control flow, trim tags and their errors. */
class ErbInterpolationTest {
    private static final Map<String, String> ENV = Map.of(
            "DB_NAME", "from_env",
            "EMPTY", "",
            "FLAG", "true",
            "OTHER", "other",
            "THREADS", "7");

    /** Parses {@code development: {database: <value>}} and returns the database. */
    private static String database(String value) {
        String yaml = "development:\n  adapter: sqlite3\n  database: " + value + "\n";
        return String.valueOf(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                .settings()
                .get("database"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void interpolate_outputTag_yieldsValue(String template, String expected) {
        assertThat(database(template)).isEqualTo(expected);
    }

    static Stream<Arguments> interpolate_outputTag_yieldsValue() {
        return Stream.of(
                Arguments.of("<%= ENV['DB_NAME'] %>", "from_env"),
                Arguments.of("<%= ENV[\"DB_NAME\"] %>", "from_env"),
                Arguments.of("x<%= ENV['UNSET'] %>y", "xy"),
                Arguments.of("<%= ENV.fetch('DB_NAME') %>", "from_env"),
                Arguments.of("<%= ENV.fetch(\"UNSET\", \"fallback\") %>", "fallback"),
                Arguments.of("<%= ENV.fetch('DB_NAME', 'fallback') %>", "from_env"),
                Arguments.of("<%= ENV.fetch(\"UNSET\") { 5 } %>", "5"),
                Arguments.of("<%= ENV.fetch(\"THREADS\") { 5 } %>", "7"),
                Arguments.of("<%= ENV.fetch('UNSET', ENV['DB_NAME']) %>", "from_env"),
                Arguments.of("<%= ENV['UNSET'] || 'd' %>", "d"),
                Arguments.of("<%= ENV['UNSET'] || ENV['OTHER'] || 'c' %>", "other"),
                Arguments.of("<%= ENV['UNSET'] || ENV['ALSO_UNSET'] || 'c' %>", "c"),
                Arguments.of("x<%= ENV['EMPTY'] || 'd' %>x", "xx"),
                Arguments.of("<%= ENV['EMPTY'].presence || 'd' %>", "d"),
                Arguments.of("app_<%= Rails.env %>", "app_development"),
                Arguments.of("<%= 42 %>", "42"),
                Arguments.of("<%= 'single' %>", "single"),
                Arguments.of("<%= 'a\\'b' %>", "a'b"),
                Arguments.of("<%= \"a\\sb\" %>", "a b"),
                Arguments.of("<%= nil %>x", "x"),
                Arguments.of("<%= ENV['FLAG'] == 'true' %>", "true"),
                Arguments.of("<%= ENV['FLAG'] != 'true' %>", "false"),
                Arguments.of("<%= !ENV['UNSET'] %>", "true"),
                Arguments.of("<%= ENV['THREADS'].to_i %>", "7"),
                Arguments.of("<%= ENV.fetch('UNSET', 3).to_s %>", "3"),
                Arguments.of("<%= Rails.env.development? %>", "true"),
                Arguments.of("<%= ENV.key?('EMPTY') %>", "true"),
                Arguments.of("<%=ENV['DB_NAME']-%>", "from_env"),
                Arguments.of("${DB_NAME}", "from_env"),
                Arguments.of("${UNSET:-dflt}", "dflt"),
                Arguments.of("x${EMPTY:-dflt}", "xdflt"),
                Arguments.of("pre_${DB_NAME}_post", "pre_from_env_post"),
                Arguments.of("'${not a var}'", "${not a var}"),
                Arguments.of("<%# a comment %>plain", "plain"),
                Arguments.of("'<%% literal'", "<% literal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_conditional_picksBranch(String condition, String expected) {
        String yaml = """
                development:
                <% if %s %>
                  database: if_branch
                <% elsif ENV['OTHER'] == 'pick-elsif' %>
                  database: elsif_branch
                <% else %>
                  database: else_branch
                <% end %>
                """.replace("%s", condition);

        DatabaseConfig config = ConfigFixtures.only(parse(yaml, "development", ENV), "development");

        assertThat(config.database()).isEqualTo(expected);
    }

    static Stream<Arguments> interpolate_conditional_picksBranch() {
        return Stream.of(
                Arguments.of("ENV['DB_NAME']", "if_branch"),
                Arguments.of("ENV['EMPTY']", "if_branch"),
                Arguments.of("ENV['UNSET']", "else_branch"),
                Arguments.of("!ENV['UNSET']", "if_branch"),
                Arguments.of("ENV['FLAG'] == \"true\"", "if_branch"),
                Arguments.of("ENV['FLAG'] != 'true'", "else_branch"),
                Arguments.of("ENV['FLAG'] && ENV['UNSET']", "else_branch"),
                Arguments.of("ENV['UNSET'] || ENV['FLAG']", "if_branch"),
                Arguments.of("(ENV['UNSET'] || ENV['FLAG']) && !(ENV['OTHER'] == 'x')", "if_branch"),
                Arguments.of("Rails.env == 'development'", "if_branch"),
                Arguments.of("Rails.env.production?", "else_branch"),
                Arguments.of("false", "else_branch"),
                Arguments.of("nil", "else_branch"),
                Arguments.of("0", "if_branch"));
    }

    @Test
    void interpolate_elsif_isTakenWhenIfFails() {
        String yaml = """
                development:
                <% if ENV['UNSET'] %>
                  database: a
                <% elsif ENV['OTHER'] %>
                  database: b
                <% else %>
                  database: c
                <% end %>
                """;

        assertThat(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                        .database())
                .isEqualTo("b");
    }

    @Test
    void interpolate_nestedConditionals_evaluateInnerOnlyWhenOuterHolds() {
        String yaml = """
                development:
                  adapter: sqlite3
                <% if ENV['FLAG'] %>
                <%   if ENV['UNSET'] %>
                  database: inner_if
                <%   else %>
                  database: inner_else
                <%   end %>
                <% else %>
                <%   if ENV['DB_NAME'] %>
                  database: <%= ENV.fetch('NEVER_EVALUATED') %>
                <%   end %>
                <% end %>
                """;

        assertThat(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                        .database())
                .isEqualTo("inner_else");
    }

    @Test
    void interpolate_unless_negatesCondition() {
        String yaml = "development:\n<% unless ENV['UNSET'] %>\n  database: yes_db\n<% end %>\n";

        assertThat(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                        .database())
                .isEqualTo("yes_db");
    }

    @Test
    void interpolate_trimTags_removeIndentationAndNewline() {
        String yaml = """
                development:
                  <%- if ENV['FLAG'] -%>
                  database: trimmed
                  <%- end -%>
                  adapter: sqlite3
                """;

        DatabaseConfig config = ConfigFixtures.only(parse(yaml, "development", ENV), "development");

        assertThat(config.database()).isEqualTo("trimmed");
        assertThat(config.adapter()).isEqualTo("sqlite3");
    }

    @Test
    void interpolate_railsEnv_isTheCurrentEnvironment() {
        DatabaseConfigurations configs =
                parse("production:\n  database: app_<%= Rails.env %>\n", "production", Map.of());

        assertThat(configs.find("production", "primary").orElseThrow().database())
                .isEqualTo("app_production");
    }

    @Test
    void interpolate_commentedOutUnsupportedTag_isIgnored() {
        String yaml = """
                development:
                  database: d
                #  password: <%= Rails.application.credentials.db_password %>
                #  url: ${UNSET_URL}
                """;

        assertThat(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                        .database())
                .isEqualTo("d");
    }

    @Test
    void interpolate_portFromEnv_isTypedByYaml() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  port: <%= ENV.fetch('PORT', 5432) %>\n", "development", Map.of()),
                "development");

        assertThat(config.settings().get("port")).isEqualTo(5432);
        assertThat(config.port()).isEqualTo(5432);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_unsupportedExpression_namesFileLineAndExpression(String tag, String expression) {
        String yaml = "development:\n  adapter: sqlite3\n  database: d\n  host: " + tag + "\n";

        assertThatThrownBy(() -> parse(yaml, "development", ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/database.yml:4: unsupported ERB expression '" + expression
                        + "' (mdb does not run Ruby). Use <%= ENV['X'] %> or ${X} instead.");
    }

    static Stream<Arguments> interpolate_unsupportedExpression_namesFileLineAndExpression() {
        return Stream.of(
                Arguments.of(
                        "<%= Rails.application.credentials.db_password %>",
                        "Rails.application.credentials.db_password"),
                Arguments.of("<%= password %>", "password"),
                Arguments.of("<%= \"#{ENV['A']}\" %>", "\"#{ENV['A']}\""),
                Arguments.of("<%= ENV['A'] + 'b' %>", "ENV['A'] + 'b'"),
                Arguments.of("<%= ENV.fetch('A') { |k| k } %>", "ENV.fetch('A') { |k| k }"),
                Arguments.of("<%= ENV['A'].upcase %>", "ENV['A'].upcase"),
                Arguments.of("<%= ENV[name] %>", "ENV[name]"),
                Arguments.of("<% x = 1 %>", "x = 1"),
                Arguments.of("<% if %><% end %>", "if"),
                Arguments.of("<% else if x %>", "else if x"),
                Arguments.of("<%= %>", ""));
    }

    @Test
    void interpolate_unsupportedExpressionInUntakenBranch_isStillRefused() {
        String yaml = "development:\n<% if false %>\n  password: <%= Rails.application.secret %>\n<% end %>\n";

        assertThatThrownBy(() -> parse(yaml, "development", ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/database.yml:3: unsupported ERB expression 'Rails.application.secret'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_missingVariable_namesVariableLineAndFix(String value, String hint) {
        String yaml = "development:\n  adapter: sqlite3\n  database: " + value + "\n";

        assertThatThrownBy(() -> parse(yaml, "development", ENV))
                .isInstanceOfSatisfying(
                        MissingEnvironmentVariableException.class,
                        e -> assertThat(e.variable()).isEqualTo("DB_HOST"))
                .hasMessageStartingWith("config/database.yml:3: environment variable DB_HOST is not set")
                .hasMessageContaining("Set DB_HOST, or give a default: " + hint);
    }

    static Stream<Arguments> interpolate_missingVariable_namesVariableLineAndFix() {
        return Stream.of(
                Arguments.of("<%= ENV.fetch('DB_HOST') %>", "ENV.fetch('DB_HOST', 'value')"),
                Arguments.of("<%= ENV.fetch(\"DB_HOST\") %>", "ENV.fetch('DB_HOST', 'value')"),
                Arguments.of("${DB_HOST}", "${DB_HOST:-value}"));
    }

    @Test
    void interpolate_missingVariableInUntakenBranch_isNotEvaluated() {
        String yaml =
                "development:\n  database: d\n<% if ENV['UNSET'] %>\n  host: <%= ENV.fetch('DB_HOST') %> ${DB_HOST}\n<% end %>\n";

        assertThat(ConfigFixtures.only(parse(yaml, "development", ENV), "development")
                        .host())
                .isNull();
    }

    @Test
    void interpolate_missingVariableInOtherEnvironment_failsAsInRails() {
        String yaml = "development:\n  database: d\nproduction:\n  password: <%= ENV.fetch('PROD_PASSWORD') %>\n";

        assertThatThrownBy(() -> parse(yaml, "development", ENV))
                .isInstanceOf(MissingEnvironmentVariableException.class)
                .hasMessageStartingWith("config/database.yml:4:");
    }

    @Test
    void interpolate_emptyVariableWithPlainPlaceholder_isEmpty() {
        DatabaseConfig config = ConfigFixtures.only(
                parse("development:\n  database: d\n  host: x${EMPTY}\n", "development", ENV), "development");

        assertThat(config.host()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void interpolate_unbalancedControlFlow_isRejectedWithLine(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml, "development", ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> interpolate_unbalancedControlFlow_isRejectedWithLine() {
        return Stream.of(
                Arguments.of(
                        "development:\n<% if ENV['A'] %>\n  database: d\n",
                        "config/database.yml:2: '<% if %>' is never closed by '<% end %>'."),
                Arguments.of(
                        "development:\n  database: d\n<% end %>\n",
                        "config/database.yml:3: '<% end %>' has no matching '<% if %>'."),
                Arguments.of(
                        "development:\n<% else %>\n",
                        "config/database.yml:2: '<% else %>' has no matching '<% if %>'."),
                Arguments.of(
                        "x:\n<% if true %>\n<% else %>\n<% elsif true %>\n<% end %>\n",
                        "config/database.yml:4: '<% elsif %>' comes after '<% else %>'."),
                Arguments.of(
                        "development:\n  database: <%= ENV['A']\n",
                        "config/database.yml:2: ERB tag '<%' is not closed by '%>'."));
    }
}
