package dev.mdb.web;

import dev.mdb.runtime.Mdb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQLite databases for the web tests, one file per database.yml entry, each with a {@code source} row naming its
 * file (so a response shows which database served it) and an empty {@code items} table.
 */
final class WebFixture {
    /** {@code primary} and its replica {@code primary_replica}, in separate files. */
    static final Map<String, String> PRIMARY_AND_REPLICA = entries(
            "primary", "database: primary.sqlite3",
            "primary_replica", "database: replica.sqlite3\n    replica: true");

    /**
     * The group {@code primary}: shard {@code default} with a replica, {@code shard_one} with a replica, and {@code
     * shard_two} without one.
     */
    static final Map<String, String> SHARDED = entries(
            "primary", "database: primary.sqlite3",
            "primary_replica", "database: replica.sqlite3\n    replica: true",
            "primary_shard_one", "database: shard_one.sqlite3",
            "primary_shard_one_replica", "database: shard_one_replica.sqlite3\n    replica: true",
            "primary_shard_two", "database: shard_two.sqlite3");

    private final Path dir;
    private final Mdb mdb;

    private WebFixture(Path dir, Mdb mdb) {
        this.dir = dir;
        this.mdb = mdb;
    }

    /** Writes database.yml for {@code entries} (name to settings) into {@code dir}, creates the files, opens mdb. */
    static WebFixture create(Path dir, Map<String, String> entries) throws Exception {
        StringBuilder yaml = new StringBuilder("development:\n");
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            yaml.append("  ")
                    .append(entry.getKey())
                    .append(":\n    adapter: sqlite3\n    ")
                    .append(entry.getValue())
                    .append('\n');
            String file = entry.getValue().lines().findFirst().orElseThrow().substring("database: ".length());
            String marker = file.substring(0, file.indexOf('.'));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE source (marker TEXT)");
                s.execute("INSERT INTO source VALUES ('" + marker + "')");
                s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
            }
        }
        Path yml = dir.resolve("database.yml");
        Files.writeString(yml, yaml, StandardCharsets.UTF_8);
        return new WebFixture(dir, Mdb.fromDatabaseYml(yml, "development", Map.of()));
    }

    Mdb mdb() {
        return mdb;
    }

    /** Rows in {@code items} of {@code file} ({@code primary}, {@code replica}, {@code shard_one}, ...). */
    int items(String file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file + ".sqlite3"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void close() {
        mdb.close();
    }

    private static Map<String, String> entries(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
