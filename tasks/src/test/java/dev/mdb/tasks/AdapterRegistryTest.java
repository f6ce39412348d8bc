package dev.mdb.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.spi.AdapterTasks;
import dev.mdb.tasks.spi.AdapterTasksProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adapter lookup by {@code adapter:} name, through the ServiceLoader registrations. */
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
    void constructor_twoProvidersClaimOneName_fails() {
        AdapterTasksProvider first = new FakeProvider(Set.of("sqlite3", "h2"));
        AdapterTasksProvider second = new FakeProvider(Set.of("h2"));

        assertThatThrownBy(() -> new AdapterRegistry(List.of(first, second)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("adapter 'h2' is claimed by both");
    }

    private record FakeProvider(Set<String> adapterNames) implements AdapterTasksProvider {
        @Override
        public AdapterTasks forConfig(DatabaseConfig config, Path projectDir) {
            throw new UnsupportedOperationException();
        }
    }
}
