package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Engines;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.engine.UnsupportedAdapterException;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Task adapters by engine family: the engine comes from the adapter name, the tasks from its family's provider. */
class AdapterRegistryTest {
    private static final String KNOWN =
            "mariadb, mysql, mysql2, postgis, postgres, postgresql, sqlite, sqlite3, trilogy";

    @TempDir
    Path dir;

    private static DatabaseConfig config(Map<String, Object> settings) {
        return new DatabaseConfig("development", "primary", settings);
    }

    @Test
    void known_serviceLoader_listsEveryAdapterNameSorted() {
        assertThat(AdapterRegistry.load().known()).isEqualTo(KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite3", "sqlite", "SQLite3", "postgresql", "postgres", "postgis", "mysql2", "trilogy"})
    void forConfig_knownAdapter_returnsAdapterForThatConfig(String adapter) {
        DatabaseConfig config = config(Map.of("adapter", adapter, "database", "storage/x.sqlite3"));

        AdapterTasks tasks = AdapterRegistry.load().forConfig(config, dir);

        assertThat(tasks.config()).isSameAs(config);
    }

    @Test
    void forConfig_unknownAdapter_listsKnownAdapters() {
        DatabaseConfig config = config(Map.of("adapter", "oracle_enhanced", "database", "x"));

        assertThatThrownBy(() -> AdapterRegistry.load().forConfig(config, dir))
                .isInstanceOf(UnsupportedAdapterException.class)
                .isInstanceOf(ConfigException.class)
                .hasMessage("database 'primary' (development/primary) uses unknown adapter 'oracle_enhanced'."
                        + " Known adapters: " + KNOWN + ".");
    }

    @Test
    void forConfig_noAdapter_asksForAdapterOrUrl() {
        DatabaseConfig config = config(Map.of("database", "x"));

        assertThatThrownBy(() -> AdapterRegistry.load().forConfig(config, dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no adapter")
                .hasMessageContaining(KNOWN);
    }

    @Test
    void constructor_twoProvidersForOneEngine_fails() {
        AdapterTasksProvider first = new FakeProvider("sqlite");
        AdapterTasksProvider second = new FakeProvider("sqlite");

        assertThatThrownBy(() -> new AdapterRegistry(Engines.installed(), List.of(first, second)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine 'sqlite' has task adapters from both");
    }

    @Test
    void forConfig_engineWithoutTaskAdapters_isConfigErrorNamingTheEngine() {
        AdapterRegistry registry = new AdapterRegistry(Engines.installed(), List.of(new FakeProvider("mysql")));
        DatabaseConfig config = config(Map.of("adapter", "sqlite3", "database", "x.sqlite3"));

        assertThatThrownBy(() -> registry.forConfig(config, dir))
                .isInstanceOf(UnsupportedAdapterException.class)
                .hasMessageContaining("engine 'sqlite'")
                .hasMessageContaining("Engines with tasks: mysql.");
    }

    private record FakeProvider(String engine) implements AdapterTasksProvider {
        @Override
        public AdapterTasks forTarget(JdbcTarget target) {
            throw new UnsupportedOperationException();
        }
    }
}
