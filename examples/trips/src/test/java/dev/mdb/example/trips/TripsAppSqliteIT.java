package dev.mdb.example.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's development mode: the project's own database.yml, SQLite, no server. */
@Tag("sqlite")
class TripsAppSqliteIT {
    @TempDir
    Path project;

    @Test
    void developmentMode_postThenGet_readsOwnWriteOnPrimaryThenReplica() throws Exception {
        Path yml = project.resolve("config/database.yml");
        Files.createDirectories(yml.getParent());
        Files.createDirectories(project.resolve("storage"));
        Files.copy(Path.of("config/database.yml"), yml);
        try (Connection connection =
                        DriverManager.getConnection("jdbc:sqlite:" + project.resolve("storage/development.sqlite3"));
                Statement statement = connection.createStatement()) {
            for (String sql : Files.readString(Path.of("db/migrate/V1__create_trips.sql"), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^--.*$", "")
                    .split(";", -1)) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        TripsOptions options = TripsOptions.parse("--config", yml.toString(), "--port", "0", "--delay-ms", "500");
        try (TripsApp app = new TripsApp(options, Map.of())) {
            TripsClient client = new TripsClient(app.start());

            TripsResponse created = client.post("Évora", "dev-post");
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.body()).as("%s", created).contains("\"engine\": \"sqlite\"");
            assertThat(created.routes()).containsExactly("primary/default writing primary route");

            TripsResponse own = client.get(created.cookie(), "dev-own");
            assertThat(own.routes()).as("%s", own).containsExactly("primary/default reading primary window_primary");
            assertThat(own.lists("Évora")).as("%s", own).isTrue();

            Thread.sleep(600);
            TripsResponse later = client.get(created.cookie(), "dev-later");
            assertThat(later.routes())
                    .as("%s", later)
                    .containsExactly("primary/default reading primary_replica replica");
            assertThat(later.lists("Évora")).as("%s", later).isTrue();
        }
    }
}
