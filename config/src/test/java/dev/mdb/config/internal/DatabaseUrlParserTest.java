package dev.mdb.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Rails-compatible URL parsing: schemes, components, query parameters, decoding and errors. */
class DatabaseUrlParserTest {
    private static final String CANARY = "s3cr3t-canary";

    private static Map<String, Object> parse(String url) {
        return DatabaseUrlParser.parse(url, "test");
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource({
        "postgres://h/d, postgresql",
        "postgresql://h/d, postgresql",
        "postgis://h/d, postgis",
        "mysql://h/d, mysql2",
        "mysql2://h/d, mysql2",
        "trilogy://h/d, trilogy",
        "mariadb://h/d, mariadb",
        "sqlite:db/x.sqlite3, sqlite3",
        "sqlite3:db/x.sqlite3, sqlite3",
        "POSTGRES://h/d, postgresql",
        "oracle-enhanced://h/d, oracle_enhanced",
        "sqlserver://h/d, sqlserver"
    })
    void parse_scheme_mapsToAdapter(String url, String adapter) {
        assertThat(parse(url)).containsEntry("adapter", adapter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parse_url_yieldsKeys(String url, Map<String, Object> expected) {
        assertThat(parse(url)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    static Stream<Arguments> parse_url_yieldsKeys() {
        return Stream.of(
                Arguments.of(
                        "postgres://app:pw@db.example.com:5433/app_prod",
                        keys(
                                "adapter",
                                "postgresql",
                                "username",
                                "app",
                                "password",
                                "pw",
                                "port",
                                5433,
                                "database",
                                "app_prod",
                                "host",
                                "db.example.com")),
                Arguments.of(
                        "postgres://localhost/app",
                        keys("adapter", "postgresql", "host", "localhost", "database", "app")),
                Arguments.of("postgres:///app", keys("adapter", "postgresql", "database", "app")),
                Arguments.of("postgres://localhost", keys("adapter", "postgresql", "host", "localhost")),
                Arguments.of(
                        "postgres://[::1]:5432/app",
                        keys("adapter", "postgresql", "host", "::1", "port", 5432, "database", "app")),
                Arguments.of(
                        "mysql2://[2001:db8::1]/app",
                        keys("adapter", "mysql2", "host", "2001:db8::1", "database", "app")),
                Arguments.of(
                        "postgres://user@host/db",
                        keys("adapter", "postgresql", "username", "user", "host", "host", "database", "db")),
                Arguments.of(
                        "postgres://u%40corp:p%3Aw%2F%25+x@h%2Dx/my%20db?application_name=a%20b",
                        keys(
                                "adapter",
                                "postgresql",
                                "username",
                                "u@corp",
                                "password",
                                "p:w/%+x",
                                "host",
                                "h-x",
                                "database",
                                "my db",
                                "application_name",
                                "a b")),
                Arguments.of(
                        "postgres://u:p@ss@host/db",
                        keys(
                                "adapter",
                                "postgresql",
                                "username",
                                "u",
                                "password",
                                "p@ss",
                                "host",
                                "host",
                                "database",
                                "db")),
                Arguments.of(
                        "postgres://localhost/app?pool=5&database=other&host=h2&port=6543",
                        keys("adapter", "postgresql", "host", "h2", "database", "other", "pool", "5", "port", 6543)),
                Arguments.of(
                        "postgres://localhost/app?sslmode=&flag&pool=5",
                        keys("adapter", "postgresql", "host", "localhost", "database", "app", "pool", "5")),
                Arguments.of(
                        "postgres://localhost/app#fragment",
                        keys("adapter", "postgresql", "host", "localhost", "database", "app")),
                Arguments.of(
                        "sqlite3:db/development.sqlite3",
                        keys("adapter", "sqlite3", "database", "db/development.sqlite3")),
                Arguments.of("sqlite3::memory:", keys("adapter", "sqlite3", "database", ":memory:")),
                Arguments.of(
                        "sqlite3:///abs/path.sqlite3", keys("adapter", "sqlite3", "database", "/abs/path.sqlite3")),
                Arguments.of("sqlite3:/abs/path.sqlite3", keys("adapter", "sqlite3", "database", "/abs/path.sqlite3")),
                Arguments.of(
                        "sqlite3:db/x.sqlite3?timeout=500&database=ignored",
                        keys("adapter", "sqlite3", "database", "db/x.sqlite3", "timeout", "500")),
                Arguments.of("localhost/app", keys("database", "localhost/app")),
                Arguments.of(
                        "jdbc:postgresql://h:5432/db?user=u&password=p",
                        keys("adapter", "postgresql", "url", "jdbc:postgresql://h:5432/db?user=u&password=p")),
                Arguments.of("jdbc:mysql://h/db", keys("adapter", "mysql2", "url", "jdbc:mysql://h/db")),
                Arguments.of("jdbc:mariadb://h/db", keys("adapter", "mariadb", "url", "jdbc:mariadb://h/db")),
                Arguments.of("jdbc:sqlite:db/x.sqlite3", keys("adapter", "sqlite3", "url", "jdbc:sqlite:db/x.sqlite3")),
                Arguments.of("jdbc:oracle:thin:@h:1521/x", keys("url", "jdbc:oracle:thin:@h:1521/x")),
                Arguments.of("https://db.example.com/x", keys("url", "https://db.example.com/x")),
                Arguments.of("http://db.example.com/x", keys("url", "http://db.example.com/x")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://app:s3cr3t-canary@h:abc/db | the port is not a number",
                "postgres://app:s3cr3t-canary@[::1/db | the IPv6 host is not closed",
                "postgres://app:s3cr3t-canary@h:99999999/db | the port is not a number"
            })
    void parse_malformedUrl_isRejectedWithoutPassword(String url, String problem) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("//app:***@")
                .hasMessageNotContaining(CANARY);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void parse_blankUrl_isRejected(String url) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test: Database URL cannot be empty.");
    }

    @ParameterizedTest
    @CsvSource({"a%zzb, a%zzb", "%E2%9C%93, ✓", "a+b, a+b", "100%, 100%"})
    void percentDecode_escapes_areDecodedAsUtf8(String raw, String decoded) {
        assertThat(DatabaseUrlParser.percentDecode(raw)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://h/d, true",
        "postgres://h/d, true",
        "db/x.sqlite3, false",
        "'', false",
        "1abc:x, false"
    })
    void hasScheme_values_areClassified(String value, boolean expected) {
        assertThat(DatabaseUrlParser.hasScheme(value)).isEqualTo(expected);
    }

    private static Map<String, Object> keys(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
