package dev.mdb.tasks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.adapter.mysql.MysqlAdapterTasksProvider;
import dev.mdb.tasks.adapter.postgresql.PostgresqlAdapterTasksProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server adapters report and refuse before any connection is made. */
class ServerAdapterTasksTest {
    @TempDir
    Path dir;

    private AdapterTasks adapter(String adapter, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("adapter", adapter);
        DatabaseConfig config = new DatabaseConfig("development", "primary", all);
        AdapterTasksProvider provider =
                adapter.startsWith("postgres") ? new PostgresqlAdapterTasksProvider() : new MysqlAdapterTasksProvider();
        return provider.forConfig(config, dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql | jdbc:postgresql://127.0.0.1:1/x?user=app&password=pw | 127.0.0.1:1",
                "postgresql | jdbc:postgresql://db.example.com/x                   | db.example.com:5432",
                "postgresql | jdbc:postgresql://[::1]:6543/x                       | [::1]:6543",
                "mysql2     | jdbc:mariadb://127.0.0.1:1/x?password=pw             | 127.0.0.1:1",
                "mysql2     | jdbc:mariadb://app:pw@10.0.0.5/x                     | 10.0.0.5:3306"
            })
    void location_jdbcUrl_isHostAndPortOfTheUrl(String adapter, String url, String expected) {
        assertThat(adapter(adapter, Map.of("url", url)).location()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"postgresql, 5432", "mysql2, 3306"})
    void location_hostWithoutPort_usesDefaultPort(String adapter, int port) {
        assertThat(adapter(adapter, Map.of("host", "127.0.0.1", "database", "x"))
                        .location())
                .isEqualTo("127.0.0.1:" + port);
        assertThat(adapter(adapter, Map.of("database", "x")).location()).isEqualTo("localhost:" + port);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 99999})
    void location_portOutOfRange_isConfigError(int port) {
        AdapterTasks tasks = adapter("mysql2", Map.of("host", "127.0.0.1", "port", port, "database", "x"));

        assertThatThrownBy(tasks::location)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid port " + port)
                .hasMessageContaining("development/primary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql2"})
    void createAndDrop_jdbcUrlWithoutDatabaseName_areConfigErrorsNotCrashes(String adapter) {
        AdapterTasks tasks = adapter(adapter, Map.of("url", "jdbc:postgresql://127.0.0.1:1/x?password=pw"));

        assertThatThrownBy(tasks::create)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'database:'")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(tasks::drop).isInstanceOf(ConfigException.class);
        assertThatThrownBy(tasks::purge).isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql2"})
    void constructor_noDatabaseAndNoUrl_isConfigError(String adapter) {
        assertThatThrownBy(() -> adapter(adapter, Map.of("host", "127.0.0.1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no 'database:' name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql2"})
    void jdbcUrl_withCredentials_keepsThemOutOfTheBuiltUrl(String adapter) {
        AdapterTasks tasks = adapter(
                adapter, Map.of("host", "127.0.0.1", "database", "x", "username", "app", "password", "pw-secret"));

        assertThat(tasks.jdbcUrl()).doesNotContain("pw-secret").doesNotContain("app");
    }
}
