package dev.mdb.config;

import static dev.mdb.config.ConfigFixtures.CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure whose input holds a password must fail without the password in any message of the cause chain. */
class SecretRedactionTest {
    private static final String HASH_PASSWORD = "  password: " + CANARY + "\n";
    private static final String URL = "postgres://app:" + CANARY + "@db.example.com";

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_failingInputWithPassword_neverShowsIt(String description, String yaml, Map<String, String> environment) {
        Throwable thrown = catchThrowable(() -> ConfigFixtures.parse(yaml, "development", environment));

        assertThat(thrown).as(description).isInstanceOf(ConfigException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).as(description).doesNotContain(CANARY);
            assertThat(t.toString()).as(description).doesNotContain(CANARY);
        }
    }

    static Stream<Arguments> parse_failingInputWithPassword_neverShowsIt() {
        Map<String, String> none = Map.of();
        return Stream.of(
                Arguments.of("env string without scheme", "development: //app:" + CANARY + "@host/db\n", none),
                Arguments.of("url with bad port", "development:\n  url: " + URL + ":abc/db\n", none),
                Arguments.of(
                        "url with open IPv6", "development:\n  url: postgres://app:" + CANARY + "@[::1/db\n", none),
                Arguments.of("env string with bad port", "development: " + URL + ":port/db\n", none),
                Arguments.of("url list", "development:\n  url: [" + URL + "/db]\n", none),
                Arguments.of("url map", "development:\n  adapter: x\n  url: {password: " + CANARY + "}\n", none),
                Arguments.of(
                        "DATABASE_URL with bad port",
                        "development:\n  adapter: sqlite3\n" + HASH_PASSWORD,
                        Map.of("DATABASE_URL", URL + ":x/db")),
                Arguments.of(
                        "NAME_DATABASE_URL with open IPv6",
                        "development:\n  animals:\n    adapter: sqlite3\n" + "  " + HASH_PASSWORD,
                        Map.of("ANIMALS_DATABASE_URL", "mysql://app:" + CANARY + "@[::1")),
                Arguments.of("malformed YAML on password line", "development:\n  password: " + CANARY + ": x\n", none),
                Arguments.of(
                        "malformed YAML after password", "development:\n" + HASH_PASSWORD + "  database: a: b\n", none),
                Arguments.of("tab after password", "development:\n" + HASH_PASSWORD + "\tdatabase: x\n", none),
                Arguments.of("type tag", "development:\n" + HASH_PASSWORD + "  x: !!java.io.File /etc\n", none),
                Arguments.of(
                        "unsupported ERB with literal password",
                        "development:\n  password: <%= ENV.fetch('DB_PASSWORD', '" + CANARY + "').strip %>\n",
                        none),
                Arguments.of(
                        "unsupported ERB with URL literal",
                        "development:\n  url: <%= \"" + URL + "/db\" + suffix %>\n",
                        none),
                Arguments.of(
                        "ERB failure with literal password",
                        "development:\n  db_password: <%= ENV['UNSET'] || '" + CANARY + "' && nil.empty? %>\n",
                        none),
                Arguments.of(
                        "missing variable near password",
                        "development:\n" + HASH_PASSWORD + "  host: <%= ENV.fetch('DB_HOST') %>\n",
                        none),
                Arguments.of(
                        "missing placeholder near password",
                        "development:\n" + HASH_PASSWORD + "  host: ${DB_HOST}\n",
                        none),
                Arguments.of(
                        "unbalanced if near password", "development:\n" + HASH_PASSWORD + "<% if ENV['X'] %>\n", none),
                Arguments.of("alias bomb with password", "development:\n" + HASH_PASSWORD + bomb(), none),
                Arguments.of("empty url", "development:\n" + HASH_PASSWORD + "  url: ''\n", none));
    }

    private static String bomb() {
        StringBuilder yaml = new StringBuilder("  a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 8; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }
}
