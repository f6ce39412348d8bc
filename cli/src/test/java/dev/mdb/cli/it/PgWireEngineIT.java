package dev.mdb.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.cli.engine.WireTestEngine;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test-only PostgreSQL-wire engine ({@link WireTestEngine}, CockroachDB's gaps) against the real PostgreSQL server:
 * its family's task adapters serve it, and they follow its capabilities rather than the server they talk to.
 */
@Tag("postgresql")
class PgWireEngineIT {
    @RegisterExtension
    static final DatabaseServerExtension POSTGRES = DatabaseServerExtension.postgres();

    @TempDir
    Path dir;

    private MdbRunner project(String adapter, String database) throws IOException {
        String entry = POSTGRES.databaseYmlEntry(database).replace("adapter: postgresql", "adapter: " + adapter);
        write("config/database.yml", "development:\n  primary:\n" + entry);
        write("db/migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        write("db/migrate/U1__create_items.sql", "DROP TABLE items;\n");
        return new MdbRunner(dir, Map.of());
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void tasks_wireEngine_createMigrateStatusRollbackDrop() throws Exception {
        MdbRunner mdb = project(WireTestEngine.ADAPTER, POSTGRES.newDatabaseName());

        MdbResult result =
                mdb.run("db:create", "db:migrate", "db:migrate:status", "db:rollback", "db:migrate", "db:drop");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("CreateItems: migrated").contains("CreateItems: reverted");
        assertThat(result.out()).contains("   up     001             Create items");
    }

    /**
     * Another session is connected: the PostgreSQL engine drops WITH (FORCE); the wire engine, without that
     * capability, sends a plain DROP DATABASE, which the server refuses while the session is there.
     */
    @ParameterizedTest
    @ValueSource(strings = {WireTestEngine.ADAPTER, "postgresql"})
    void drop_otherSessionConnected_forcesOnlyWhereTheEngineCan(String adapter) throws Exception {
        String database = POSTGRES.newDatabaseName();
        MdbRunner mdb = project(adapter, database);
        assertThat(mdb.run("db:create").exitCode()).isZero();

        MdbResult drop;
        try (Connection other = POSTGRES.connect(database)) {
            drop = mdb.run("db:drop");
            if (adapter.equals(WireTestEngine.ADAPTER)) {
                assertThat(other.isValid(2)).isTrue();
            }
        }

        if (adapter.equals(WireTestEngine.ADAPTER)) {
            assertThat(drop.exitCode()).as(drop.toString()).isEqualTo(1);
            assertThat(drop.err()).contains("is being accessed by other users");
            assertThat(mdb.run("db:drop").exitCode()).isZero();
        } else {
            assertThat(drop.exitCode()).as(drop.toString()).isZero();
        }
    }

    /** Without transactional DDL the failure message warns that earlier statements may have been applied. */
    @Test
    void migrate_failingMigration_messageFollowsTheEnginesCapability() throws Exception {
        MdbRunner mdb = project(WireTestEngine.ADAPTER, POSTGRES.newDatabaseName());
        write("db/migrate/V2__broken.sql", "CREATE TABLE a (id INTEGER);\nSELECT * FROM no_such_table;\n");

        MdbResult result = mdb.run("db:create", "db:migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("This engine commits DDL at once").doesNotContain("rolled back");
    }
}
