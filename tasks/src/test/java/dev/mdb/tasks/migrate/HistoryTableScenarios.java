package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.tasks.AdapterRegistry;
import dev.mdb.tasks.DatabaseTasks;
import dev.mdb.tasks.FleetOptions;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskOptions;
import dev.mdb.tasks.schema.SchemaDumper;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real server, the history table mdb creates is the one Flyway creates (same dump), and a history Flyway wrote is
 * continued by mdb without complaint.
 */
abstract class HistoryTableScenarios {
    @TempDir
    Path dir;

    abstract DatabaseServerExtension server();

    private DatabaseConfigurations configs(String database) {
        String yml = "development:\n  primary:\n" + server().databaseYmlEntry(database);
        return DatabaseConfigurations.parse(yml, "config/database.yml", "development", Map.of());
    }

    private DatabaseTasks tasks(String database) {
        return new DatabaseTasks(
                configs(database),
                new TaskOptions(dir, "development", Map.of(), false, Reporter.silent()),
                "config/database.yml");
    }

    /** mdb's own dumper for the server's engine. */
    private SchemaDumper dumper(String database) {
        return AdapterRegistry.load()
                .forConfig(configs(database).find("development", "primary").orElseThrow(), dir)
                .schemaDumper();
    }

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void flywayMigrate(String database) {
        Flyway.configure()
                .dataSource(server().jdbcUrl(database), server().username(), server().password())
                .locations("filesystem:" + dir.resolve("db/migrate"))
                .load()
                .migrate();
    }

    private String dump(String database) throws Exception {
        try (Connection c = server().connect(database)) {
            return dumper(database).dump(c);
        }
    }

    @Test
    void historyTable_createdByMdb_dumpsLikeFlywaysOwn() throws Exception {
        write("db/migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        String byFlyway = server().createDatabase();
        flywayMigrate(byFlyway);
        String byMdb = server().createDatabase();

        DatabaseTasks tasks = tasks(byMdb);
        tasks.migrations()
                .migrate(tasks.select().visible(), null, FleetOptions.stopOnError())
                .raise();

        assertThat(dump(byMdb)).isEqualTo(dump(byFlyway)).contains("flyway_schema_history");
    }

    @Test
    void migrate_historyWrittenByFlyway_continuesIt() throws Exception {
        write("db/migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\r\n");
        String database = server().createDatabase();
        flywayMigrate(database);
        write("db/migrate/V2__create_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");

        DatabaseTasks tasks = tasks(database);
        var result = tasks.migrations()
                .migrate(tasks.select().visible(), null, FleetOptions.stopOnError())
                .raise();

        assertThat(result.values().get(0).applied())
                .extracting(MigrationVersion::text)
                .containsExactly("2");
        assertThat(tasks.migrations().version(tasks.select().visible()).raise().values())
                .containsExactly("2");
    }
}
