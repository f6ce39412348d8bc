package dev.mdb.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.postgresql.PostgresqlEngine;
import dev.mdb.runtime.engine.sqlite.SqliteEngine;
import dev.mdb.runtime.sql.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine lookup by {@code adapter:} name, through the ServiceLoader registrations. */
class EnginesTest {
    private static final String KNOWN =
            "mariadb, mysql, mysql2, postgis, postgres, postgresql, sqlite, sqlite3, trilogy";

    @TempDir
    Path dir;

    private static DatabaseConfig config(Map<String, Object> settings) {
        return new DatabaseConfig("development", "primary", settings);
    }

    @Test
    void known_serviceLoader_listsEveryAdapterNameSorted() {
        assertThat(Engines.installed().known()).isEqualTo(KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite3", "sqlite", "SQLite3", "postgresql", "postgres", "postgis", "mysql2", "trilogy"})
    void forConfig_knownAdapter_returnsTargetForThatConfig(String adapter) {
        DatabaseConfig config = config(Map.of("adapter", adapter, "database", "storage/x.sqlite3"));

        JdbcTarget target = Engines.installed().forConfig(config).target(config, dir);

        assertThat(target.config()).isSameAs(config);
        assertThat(target.engine().adapterNames()).contains(config.adapter());
    }

    @Test
    void forConfig_unknownAdapter_listsKnownAdapters() {
        DatabaseConfig config = config(Map.of("adapter", "oracle_enhanced", "database", "x"));

        assertThatThrownBy(() -> Engines.installed().forConfig(config))
                .isInstanceOf(UnsupportedAdapterException.class)
                .isInstanceOf(ConfigException.class)
                .hasMessage("database 'primary' (development/primary) uses unknown adapter 'oracle_enhanced'."
                        + " Known adapters: " + KNOWN + ".");
    }

    @Test
    void forConfig_noAdapter_asksForAdapterOrUrl() {
        DatabaseConfig config = config(Map.of("database", "x"));

        assertThatThrownBy(() -> Engines.installed().forConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no adapter")
                .hasMessageContaining(KNOWN);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "postgresql, org.postgresql:postgresql, org.postgresql.Driver",
        "postgis, org.postgresql:postgresql, org.postgresql.Driver",
        "mysql2, org.mariadb.jdbc:mariadb-java-client, org.mariadb.jdbc.Driver",
        "trilogy, org.mariadb.jdbc:mariadb-java-client, org.mariadb.jdbc.Driver",
        "mariadb, org.mariadb.jdbc:mariadb-java-client, org.mariadb.jdbc.Driver",
        "sqlite3, org.xerial:sqlite-jdbc, org.sqlite.JDBC"
    })
    void driver_installedEngine_namesItsArtifactAndALoadableDriverClass(
            String adapter, String coordinates, String className) throws Exception {
        JdbcDriver driver = Engines.installed()
                .forConfig(config(Map.of("adapter", adapter, "database", "x")))
                .driver();

        assertThat(driver.coordinates()).isEqualTo(coordinates);
        assertThat(driver.className()).isEqualTo(className);
        // This module's tests have every driver: the named class must be the driver that artifact ships.
        assertThat(java.sql.Driver.class.isAssignableFrom(Class.forName(className)))
                .isTrue();
        assertThat(driver.isPresent(EnginesTest.class.getClassLoader())).isTrue();
    }

    @Test
    void target_driverClassMissing_namesEntryAdapterAndArtifactToAdd() {
        Engine engine = new DriverlessEngine();
        Engines engines = new Engines(List.of(engine));
        // A URL no driver on this class path accepts (this module's tests have PostgreSQL's driver, which would).
        DatabaseConfig config = new DatabaseConfig(
                "production",
                "animals",
                Map.of("adapter", "postgresql", "url", "jdbc:example://db/animals_production"));

        assertThatThrownBy(() -> engines.target(config, dir))
                .isInstanceOf(MissingDriverException.class)
                .isInstanceOf(ConfigException.class)
                .hasMessage("database 'animals' (production/animals) uses adapter 'postgresql', which needs the"
                        + " Example JDBC driver (com.example:example-jdbc) on the class path;"
                        + " com.example.jdbc.NoSuchDriver is not there."
                        + " Add com.example:example-jdbc to the application's dependencies.");
    }

    @Test
    void target_driverClassMissing_anotherDriverAcceptsTheUrl_returnsTheTarget() {
        // As an app with MySQL Connector/J and a jdbc:mysql: URL, where the engine names MariaDB's driver: here the
        // engine's driver is missing and PostgreSQL's driver accepts the URL.
        Engines engines = new Engines(List.of(new DriverlessEngine()));
        DatabaseConfig config = new DatabaseConfig(
                "production",
                "animals",
                Map.of("adapter", "postgresql", "url", "jdbc:postgresql://db/animals_production"));

        assertThat(engines.target(config, dir).url()).isEqualTo("jdbc:postgresql://db/animals_production");
    }

    @Test
    void target_driverPresent_returnsTheEnginesTarget() {
        DatabaseConfig config = config(Map.of("adapter", "sqlite3", "database", "storage/x.sqlite3"));

        JdbcTarget target = Engines.installed().target(config, dir);

        assertThat(target.config()).isSameAs(config);
        assertThat(target.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("storage/x.sqlite3"));
    }

    @Test
    void constructor_twoEnginesClaimOneName_fails() {
        Engine first = new NamedEngine("sqlite-a", Set.of("sqlite3", "h2"));
        Engine second = new NamedEngine("h2", Set.of("h2"));

        assertThatThrownBy(() -> new Engines(List.of(first, second)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("adapter 'h2' is claimed by both");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "postgresql, POSTGRESQL",
        "postgres, POSTGRESQL",
        "PostGIS, POSTGRESQL",
        "mysql2, MYSQL",
        "mysql, MYSQL",
        "trilogy, MYSQL",
        "mariadb, MYSQL",
        "sqlite3, SQLITE",
        "SQLite, SQLITE",
        "oracle_enhanced, GENERIC",
        "sqlserver, GENERIC",
        "'', GENERIC"
    })
    void dialectFor_adapterName_mapsToDialect(String adapter, Dialect expected) {
        assertThat(Engines.installed().dialectFor(adapter)).isEqualTo(expected);
    }

    @Test
    void dialectFor_null_isGeneric() {
        assertThat(Engines.installed().dialectFor(null)).isEqualTo(Dialect.GENERIC);
    }

    @Test
    void engines_eachInstalledEngineOnce_byName() {
        assertThat(Engines.installed().engines())
                .extracting(Engine::name)
                .containsExactly("mysql", "postgresql", "sqlite");
    }

    /** A PostgreSQL engine whose JDBC driver class exists nowhere. */
    private static final class DriverlessEngine extends PostgresqlEngine {
        @Override
        public JdbcDriver driver() {
            return new JdbcDriver(
                    "the Example JDBC driver", "com.example.jdbc.NoSuchDriver", "com.example:example-jdbc");
        }
    }

    /** An SQLite engine under other names, for registry tests. */
    private static final class NamedEngine extends SqliteEngine {
        private final String name;
        private final Set<String> adapters;

        NamedEngine(String name, Set<String> adapters) {
            this.name = name;
            this.adapters = adapters;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> adapterNames() {
            return adapters;
        }
    }
}
