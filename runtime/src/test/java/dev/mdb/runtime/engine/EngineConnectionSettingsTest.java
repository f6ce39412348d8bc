package dev.mdb.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each engine makes of database.yml's timeouts and {@code variables:}: driver properties and session SQL. */
class EngineConnectionSettingsTest {
    @TempDir
    Path dir;

    private Properties properties(String adapter, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("adapter", adapter);
        all.putIfAbsent("database", "app");
        DatabaseConfig config = new DatabaseConfig("development", "primary", all);
        return Engines.installed().forConfig(config).target(config, dir).properties();
    }

    @Test
    void postgresql_defaults_boundConnectAndLoginAtTenSecondsButNotReads() {
        Properties props = properties("postgresql", Map.of());

        assertThat(props).containsEntry("connectTimeout", "10").containsEntry("loginTimeout", "10");
        assertThat(props).doesNotContainKey("socketTimeout");
    }

    @Test
    void postgresql_keys_mapToDriverPropertiesAndStartupOptions() {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("statement_timeout", "5s");
        variables.put("application_name", "my app");
        Properties props =
                properties("postgresql", Map.of("connect_timeout", 2.5, "read_timeout", 30, "variables", variables));

        assertThat(props)
                .containsEntry("connectTimeout", "3")
                .containsEntry("loginTimeout", "3")
                .containsEntry("socketTimeout", "30")
                .containsEntry("options", "-c statement_timeout=5s -c application_name=my\\ app");
    }

    @Test
    void mysql_keys_mapToMillisecondsAndSessionVariables() {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("lock_wait_timeout", 5);
        variables.put("max_statement_time", 60);
        Properties props =
                properties("mysql2", Map.of("connect_timeout", 3, "read_timeout", 0.5, "variables", variables));

        assertThat(props)
                .containsEntry("connectTimeout", "3000")
                .containsEntry("socketTimeout", "500")
                .containsEntry("sessionVariables", "lock_wait_timeout=5,max_statement_time=60");
        assertThat(properties("mysql2", Map.of())).containsEntry("connectTimeout", "10000");
    }

    @Test
    void sqlite_railsTimeout_isTheBusyTimeout() {
        Properties props = properties("sqlite3", Map.of("database", "db.sqlite3", "timeout", 5000));

        assertThat(props).containsEntry("busy_timeout", "5000");
        assertThat(properties("sqlite3", Map.of("database", "db.sqlite3"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"postgresql, connect_timeout, 0", "postgresql, read_timeout, soon", "mysql2, connect_timeout, -1"})
    void badTimeout_isAConfigErrorNamingKeyAndDatabase(String adapter, String key, String value) {
        assertThatThrownBy(() -> properties(adapter, Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid " + key + " '" + value + "'")
                .hasMessageContaining("development/primary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql2"})
    void variables_notAHashOrBadName_isAConfigError(String adapter) {
        assertThatThrownBy(() -> properties(adapter, Map.of("variables", "statement_timeout=5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a hash");
        assertThatThrownBy(() -> properties(adapter, Map.of("variables", Map.of("a;b", 1))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid session setting name 'a;b'");
    }

    @Test
    void sessionTimeouts_statementAndLockWait_perEngine() {
        Timeouts timeouts = new Timeouts(null, null, Duration.ofSeconds(30), Duration.ofMillis(1500));
        Engines engines = Engines.installed();

        assertThat(engine(engines, "postgresql").sessionTimeouts(timeouts))
                .containsExactly("SET statement_timeout = 30000", "SET lock_timeout = 1500");
        assertThat(engine(engines, "mysql2").sessionTimeouts(timeouts))
                .containsExactly(
                        "SET SESSION max_statement_time = 30.0",
                        "SET SESSION lock_wait_timeout = 2",
                        "SET SESSION innodb_lock_wait_timeout = 2");
        assertThat(engine(engines, "sqlite3").sessionTimeouts(timeouts)).containsExactly("PRAGMA busy_timeout = 1500");
    }

    private static Engine engine(Engines engines, String adapter) {
        return engines.forConfig(new DatabaseConfig("development", "primary", Map.of("adapter", adapter)));
    }
}
