package dev.mdb.tasks.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.tasks.DatabaseTasks;
import dev.mdb.tasks.FleetOptions;
import dev.mdb.tasks.MigrateResult;
import dev.mdb.tasks.Reporter;
import dev.mdb.tasks.TaskOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases migrated by earlier mdb versions (which ran Flyway) go on unchanged: mdb computes Flyway's checksums (BOM,
 * line endings), reads its history and continues it, and creates the same table Flyway does.
 */
class FlywayCompatibilityTest {
    private static final String YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/dev.sqlite3
            """;

    @TempDir
    Path dir;

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private DatabaseTasks tasks() {
        Reporter quiet = Reporter.silent();
        return new DatabaseTasks(
                DatabaseConfigurations.parse(YML, "config/database.yml", "development", Map.of()),
                new TaskOptions(dir, "development", Map.of(), false, quiet),
                "config/database.yml");
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("storage/dev.sqlite3");
    }

    @Test
    void migrate_historyWrittenByFlyway_validatesAndContinues() throws Exception {
        write("db/migrate/V1__create_items.sql", "\uFEFFCREATE TABLE items (id INTEGER PRIMARY KEY);\r\n-- crlf\r\n");
        write("db/migrate/sub/V2__add_rows.sql", "INSERT INTO items (id) VALUES (1);\rINSERT INTO items VALUES (2);");
        Files.createDirectories(dir.resolve("storage"));
        Flyway.configure()
                .dataSource(url(), null, null)
                .locations("filesystem:" + dir.resolve("db/migrate"))
                .load()
                .migrate();
        List<String> flywayChecksums = checksums();
        write("db/migrate/V3__create_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");

        MigrateResult result = tasks().migrations()
                .migrate(tasks().select().visible(), null, FleetOptions.stopOnError())
                .raise()
                .values()
                .get(0);

        assertThat(result.applied()).extracting(MigrationVersion::text).containsExactly("3");
        assertThat(checksums()).startsWith(flywayChecksums.toArray(String[]::new));
        assertThat(rows())
                .containsExactly(
                        "1|1|create items|SQL|V1__create_items.sql|true",
                        "2|2|add rows|SQL|sub/V2__add_rows.sql|true",
                        "3|3|create tags|SQL|V3__create_tags.sql|true");
    }

    @Test
    void checksums_sameAsFlywaysForEveryFile() throws Exception {
        write("db/migrate/V1__a.sql", "\uFEFFSELECT 1;\r\nSELECT 'é';\n\n");
        write("db/migrate/V2__b.sql", "SELECT 2;\rSELECT 3;");
        write("db/migrate/V3__c.sql", "");
        Files.createDirectories(dir.resolve("storage"));
        Flyway.configure()
                .dataSource(url(), null, null)
                .locations("filesystem:" + dir.resolve("db/migrate"))
                .load()
                .migrate();

        List<String> mine = new ArrayList<>();
        for (String name : List.of("V1__a.sql", "V2__b.sql", "V3__c.sql")) {
            mine.add(Integer.toString(
                    Checksums.of(Files.readString(dir.resolve("db/migrate/" + name), StandardCharsets.UTF_8))));
        }
        assertThat(checksums()).containsExactlyElementsOf(mine);
    }

    @Test
    void historyTable_createdByMdb_isFlywaysTable() throws Exception {
        write("db/migrate/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        tasks().create(tasks().select().visible());
        tasks().migrations()
                .migrate(tasks().select().visible(), null, FleetOptions.stopOnError())
                .raise();
        String mdbTable = tableSql();
        Files.delete(dir.resolve("storage/dev.sqlite3"));
        Flyway.configure()
                .dataSource(url(), null, null)
                .locations("filesystem:" + dir.resolve("db/migrate"))
                .load()
                .migrate();

        assertThat(mdbTable).isEqualTo(tableSql());
    }

    private List<String> checksums() throws Exception {
        List<String> sums = new ArrayList<>();
        query("SELECT checksum FROM flyway_schema_history ORDER BY installed_rank", rs -> sums.add(rs.getString(1)));
        return sums;
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        query(
                "SELECT installed_rank, version, description, type, script, success FROM flyway_schema_history"
                        + " ORDER BY installed_rank",
                rs -> rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5) + "|" + rs.getBoolean(6)));
        return rows;
    }

    private String tableSql() throws Exception {
        List<String> sql = new ArrayList<>();
        query(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'flyway_schema_history' ORDER BY type DESC, name",
                rs -> sql.add(rs.getString(1)));
        return String.join(";\n", sql);
    }

    private interface Row {
        void accept(ResultSet rs) throws Exception;
    }

    private void query(String sql, Row row) throws Exception {
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
