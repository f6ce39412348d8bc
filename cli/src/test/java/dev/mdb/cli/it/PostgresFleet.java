package dev.mdb.cli.it;

import dev.mdb.cli.it.Fleet.Span;
import dev.mdb.cli.it.Fleet.Step;
import dev.mdb.testsupport.DatabaseServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * A {@link Fleet} on fresh PostgreSQL databases of the extension (dropped after the class): {@code
 * config/database.yml} (development, one entry per database, {@code migrations_paths} for all but {@code
 * db/migrate}) and the migration files, whose SQL the test chooses per path and version.
 *
 * <p>{@link #LOGGED} migrations record themselves in a table {@code fleet_log} of their own database, which {@link
 * #create} makes in every database beforehand: a start row, a pause, a table, an end row, each row stamped with {@code
 * clock_timestamp()}. All databases live on one server, so the stamps of different databases compare.
 */
final class PostgresFleet {
    /** The pause of a logged migration of the shards (long enough that parallel shards visibly overlap). */
    static final String SHARD_PAUSE = "0.4";

    private static final String OTHER_PAUSE = "0.15";

    /** A logged migration: start row, pause, {@code CREATE TABLE t_VERSION}, end row. */
    static final BinaryOperator<String> LOGGED = (path, version) -> "INSERT INTO fleet_log (version, event, at)"
            + " VALUES ('" + version + "', 'start', clock_timestamp());\n"
            + "SELECT pg_sleep(" + (path.equals(Fleet.SHARDS_PATH) ? SHARD_PAUSE : OTHER_PAUSE) + ");\n"
            + "CREATE TABLE t_" + version + " (id BIGINT PRIMARY KEY);\n"
            + "INSERT INTO fleet_log (version, event, at) VALUES ('" + version + "', 'end', clock_timestamp());\n";

    private final Fleet fleet;
    private final DatabaseServerExtension server;
    private final Path root;
    private final Map<String, String> databaseOf;

    private PostgresFleet(Fleet fleet, DatabaseServerExtension server, Path root, Map<String, String> databaseOf) {
        this.fleet = fleet;
        this.server = server;
        this.root = root;
        this.databaseOf = databaseOf;
    }

    /**
     * Creates one database per entry of {@code fleet} and writes the project into {@code root}; with {@code logged},
     * also the {@code fleet_log} table in each database.
     */
    static PostgresFleet create(
            DatabaseServerExtension server, Path root, Fleet fleet, BinaryOperator<String> sql, boolean logged)
            throws IOException, SQLException {
        Map<String, String> databaseOf = new LinkedHashMap<>();
        for (Fleet.Database database : fleet.databases()) {
            databaseOf.put(database.name(), server.createDatabase());
        }
        PostgresFleet created = new PostgresFleet(fleet, server, root, databaseOf);
        StringBuilder yml = new StringBuilder("development:\n");
        for (Fleet.Database database : fleet.databases()) {
            yml.append("  ").append(database.name()).append(":\n");
            yml.append(server.databaseYmlEntry(databaseOf.get(database.name())));
            if (!database.migrationsPath().equals(Fleet.PRIMARY_PATH)) {
                yml.append("    migrations_paths: ")
                        .append(database.migrationsPath())
                        .append('\n');
            }
        }
        created.write("config/database.yml", yml.toString());
        for (String path : fleet.paths()) {
            Files.createDirectories(root.resolve(path));
            for (String version : fleet.versions(path)) {
                created.write(path + "/" + Fleet.fileName(path, version), sql.apply(path, version));
            }
        }
        if (logged) {
            for (String name : databaseOf.keySet()) {
                created.execute(
                        name, "CREATE TABLE fleet_log (version TEXT NOT NULL, event TEXT NOT NULL, at TIMESTAMPTZ)");
            }
        }
        return created;
    }

    Fleet fleet() {
        return fleet;
    }

    Path root() {
        return root;
    }

    MdbRunner mdb() {
        return new MdbRunner(root, SampleProject.ENVIRONMENT);
    }

    /** The server's name of the database of entry {@code name}. */
    String database(String name) {
        return databaseOf.get(name);
    }

    /** Entry name to server database name, in config order. */
    Map<String, String> databases() {
        return databaseOf;
    }

    MigratedDatabase db(String name) {
        return MigratedDatabase.postgres(server, databaseOf.get(name));
    }

    void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    void execute(String name, String sql) throws SQLException {
        db(name).execute(sql);
    }

    /**
     * The versions {@code flyway_schema_history} of {@code name} records as applied successfully, in order, without a
     * baseline row (written when a database that already has tables, here {@code fleet_log}, gets its history table).
     * Empty without a history table.
     */
    List<String> applied(String name) throws SQLException {
        List<String> versions = new ArrayList<>();
        if (!db(name).tableExists("flyway_schema_history")) {
            return versions;
        }
        try (Connection c = db(name).connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL AND success AND type <> 'BASELINE' ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /** The tables in {@code public} of {@code name}, sorted. */
    List<String> tables(String name) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db(name).connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * Every logged migration's span, in microseconds of the server clock. Fails when a migration logged an event
     * twice (it ran twice) or started without ending.
     */
    Map<Step, Span> spans() throws SQLException {
        Map<Step, Span> spans = new HashMap<>();
        for (Map.Entry<String, String> entry : databaseOf.entrySet()) {
            Map<String, Long> starts = new HashMap<>();
            Map<String, Long> ends = new HashMap<>();
            try (Connection c = server.connect(entry.getValue());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT version, event," + " (extract(epoch FROM at) * 1000000)::bigint FROM fleet_log")) {
                while (rs.next()) {
                    Map<String, Long> events = rs.getString(2).equals("start") ? starts : ends;
                    if (events.put(rs.getString(1), rs.getLong(3)) != null) {
                        throw new AssertionError(
                                entry.getKey() + " logged " + rs.getString(2) + " of " + rs.getString(1) + " twice");
                    }
                }
            }
            if (!starts.keySet().equals(ends.keySet())) {
                throw new AssertionError(
                        entry.getKey() + " logged starts " + starts.keySet() + " but ends " + ends.keySet());
            }
            starts.forEach((version, start) ->
                    spans.put(new Step(entry.getKey(), version), new Span(start, ends.get(version))));
        }
        return spans;
    }
}
