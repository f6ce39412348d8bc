package dev.mdb.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A project directory with a SQLite database.yml: {@code primary} and its replica {@code primary_replica} on one file
 * (as in the runtime's RoutingDataSourceTest), plus an {@code animals} group with {@code animals_replica}, and a table
 * {@code trips}.
 */
final class SqliteProject {
    static final String YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/primary.sqlite3
              primary_replica:
                adapter: sqlite3
                database: storage/primary.sqlite3
                replica: true
              animals:
                adapter: sqlite3
                database: storage/animals.sqlite3
              animals_replica:
                adapter: sqlite3
                database: storage/animals.sqlite3
                replica: true
            staging:
              primary:
                adapter: sqlite3
                database: storage/staging.sqlite3
            """;

    private SqliteProject() {}

    /** Writes config/database.yml under {@code dir}, creates the trips table; returns the {@code mdb.database-yml}. */
    static String create(Path dir) {
        return create(dir, YML);
    }

    static String create(Path dir, String yml) {
        try {
            Files.createDirectories(dir.resolve("config"));
            Files.createDirectories(dir.resolve("storage"));
            Files.writeString(dir.resolve("config/database.yml"), yml, StandardCharsets.UTF_8);
            createTrips(dir.resolve("storage/primary.sqlite3"));
            return "file:" + dir.resolve("config/database.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createTrips(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS trips (id INTEGER PRIMARY KEY, name TEXT)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry a routed connection is on, from its {@code RoutedConnection[group -> entry]} description. */
    static String entryOf(Connection connection) {
        String text = connection.toString();
        int arrow = text.indexOf(" -> ");
        return arrow < 0 ? "none" : text.substring(arrow + 4, text.length() - 1);
    }
}
