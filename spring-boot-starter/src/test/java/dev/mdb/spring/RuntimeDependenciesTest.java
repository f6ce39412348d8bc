package dev.mdb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.engine.MissingDriverException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The starter is used as applications use it, and declares sqlite-jdbc (for its tests) and no other driver. mdb-runtime's drivers are optional, so the PostgreSQL and MariaDB ones must not reach this class path, and a
 * PostgreSQL entry must fail with one line saying which artifact to add, while the SQLite entry beside it works.
 */
class RuntimeDependenciesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"org.postgresql.Driver", "org.mariadb.jdbc.Driver"})
    void classPath_driverThisModuleDoesNotDeclare_isNotThere(String driverClass) {
        assertThatThrownBy(() -> Class.forName(driverClass)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void dataSource_postgresqlEntryWithoutItsDriver_failsNamingEntryAdapterAndArtifact() throws Exception {
        Path yml = dir.resolve("database.yml");
        Files.writeString(yml, """
                production:
                  primary:
                    adapter: sqlite3
                    database: primary.sqlite3
                  animals:
                    adapter: postgresql
                    host: 127.0.0.1
                    database: animals_production
                """, StandardCharsets.UTF_8);

        try (Mdb mdb = Mdb.fromDatabaseYml(yml, "production", Map.of())) {
            try (Connection c = mdb.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }

            assertThatThrownBy(() -> {
                        try (Connection c = mdb.dataSource("animals").getConnection();
                                Statement s = c.createStatement()) {
                            s.executeQuery("SELECT 1").close();
                        }
                    })
                    .isInstanceOf(MissingDriverException.class)
                    .hasMessage("database 'animals' (production/animals) uses adapter 'postgresql', which needs the"
                            + " PostgreSQL JDBC driver (org.postgresql:postgresql) on the class path;"
                            + " org.postgresql.Driver is not there."
                            + " Add org.postgresql:postgresql to the application's dependencies.");
        }
    }
}
