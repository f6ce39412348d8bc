package dev.mdb.cli.it;

import dev.mdb.cli.it.Fleet.Span;
import dev.mdb.cli.it.Fleet.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Fleet} of SQLite databases in a temporary project: {@code config/database.yml} (development, {@code
 * storage/NAME.sqlite3} per entry, {@code migrations_paths} for all but {@code db/migrate}), the migration files whose
 * SQL the test chooses per path and version, and the database files, made by {@code db:create}.
 *
 * <p>{@link #logged} migrations record themselves in one log shared by all databases, {@code fleet_log} of a file
 * outside the project: they run without a transaction ({@value #DIRECTIVE}), since SQLite cannot ATTACH inside one,
 * attach the log, insert a start row naming their database file, detach; create a table; attach, insert an end row,
 * detach. The log's autoincrement ids order every event of every database.
 */
final class SqliteFleet {
    static final String DIRECTIVE = "-- mdb:disable_ddl_transaction";

    private final Fleet fleet;
    private final Path root;
    private final Path log;

    private SqliteFleet(Fleet fleet, Path root, Path log) {
        this.fleet = fleet;
        this.root = root;
        this.log = log;
    }

    /**
     * Writes the project into {@code root}, creates the log {@code logDir/fleet_log.sqlite3} and runs {@code
     * db:create}. {@code sql} gets the fleet, the path and the version.
     */
    static SqliteFleet create(Path root, Path logDir, Fleet fleet, Sql sql) throws IOException, SQLException {
        Path log = logDir.resolve("fleet_log.sqlite3");
        SqliteFleet created = new SqliteFleet(fleet, root, log);
        StringBuilder yml = new StringBuilder("development:\n");
        for (Fleet.Database database : fleet.databases()) {
            yml.append("  ").append(database.name()).append(":\n");
            yml.append("    adapter: sqlite3\n");
            yml.append("    database: ").append(created.file(database.name())).append('\n');
            yml.append("    timeout: 10000\n");
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
                created.write(path + "/" + Fleet.fileName(path, version), sql.of(created, path, version));
            }
        }
        Files.createDirectories(logDir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + log);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fleet_log (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " db TEXT NOT NULL, version TEXT NOT NULL, event TEXT NOT NULL)");
        }
        MdbResult create = created.mdb().run("db:create");
        if (create.exitCode() != 0) {
            throw new AssertionError("set-up: db:create failed: " + create);
        }
        return created;
    }

    /** The SQL of one migration file. */
    @FunctionalInterface
    interface Sql {
        String of(SqliteFleet fleet, String path, String version);
    }

    /** A logged migration (see the class comment), creating {@code t_VERSION}. */
    static String logged(SqliteFleet fleet, String path, String version) {
        return DIRECTIVE + "\n"
                + fleet.logEvent(version, "start")
                + "CREATE TABLE t_" + version + " (id INTEGER PRIMARY KEY);\n"
                + fleet.logEvent(version, "end");
    }

    /**
     * {@link #logged}, and for animals' first migration a real dependency on primary: it inserts into a table whose
     * CHECK fails unless the log already holds the end of primary's {@link Fleet#V01}.
     */
    static String loggedWithDependency(SqliteFleet fleet, String path, String version) {
        if (!path.equals(Fleet.ANIMALS_PATH)
                || !version.equals(fleet.fleet().versions(path).get(0))) {
            return logged(fleet, path, version);
        }
        return DIRECTIVE + "\n"
                + fleet.logEvent(version, "start")
                + "CREATE TABLE t_" + version + " (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE primary_01_seen (n INTEGER NOT NULL CHECK (n = 1));\n"
                + "ATTACH DATABASE '" + fleet.logLiteral() + "' AS o;\n"
                + "INSERT INTO main.primary_01_seen (n) SELECT count(*) FROM o.fleet_log"
                + " WHERE version = '" + Fleet.V01 + "' AND event = 'end';\n"
                + "DETACH DATABASE o;\n"
                + fleet.logEvent(version, "end");
    }

    private String logEvent(String version, String event) {
        return "ATTACH DATABASE '" + logLiteral() + "' AS o;\n"
                + "INSERT INTO o.fleet_log (db, version, event) SELECT file, '" + version + "', '" + event + "'"
                + " FROM pragma_database_list WHERE name = 'main';\n"
                + "DETACH DATABASE o;\n";
    }

    private String logLiteral() {
        return log.toAbsolutePath().toString().replace("'", "''");
    }

    Fleet fleet() {
        return fleet;
    }

    Path root() {
        return root;
    }

    MdbResult run(String... args) {
        return mdb().run(args);
    }

    MdbRunner mdb() {
        return new MdbRunner(root, SampleProject.ENVIRONMENT);
    }

    /** The database of entry {@code name}, as database.yml says: {@code storage/NAME.sqlite3}. */
    String file(String name) {
        return "storage/" + name + ".sqlite3";
    }

    /** Entry name to its {@code database:} value, in config order (what the headers show). */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        fleet.names().forEach(name -> files.put(name, file(name)));
        return files;
    }

    boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }

    void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve(file(name)));
    }

    void execute(String name, String sql) throws SQLException {
        try (Connection c = connect(name);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The tables of {@code name}, SQLite's own aside, sorted. */
    List<String> tables(String name) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(name);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The versions the history of {@code name} records as applied, in order; empty without a history table. */
    List<String> applied(String name) throws SQLException {
        List<String> versions = new ArrayList<>();
        if (!tables(name).contains("flyway_schema_history")) {
            return versions;
        }
        try (Connection c = connect(name);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                        + " AND version IS NOT NULL AND type <> 'BASELINE' ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /** Every logged migration's span in log ids; fails when one logged an event twice or did not end. */
    Map<Step, Span> spans() throws SQLException {
        Map<String, String> nameOfFile = new HashMap<>();
        fleet.names().forEach(name -> nameOfFile.put(name + ".sqlite3", name));
        Map<Step, Long> starts = new HashMap<>();
        Map<Step, Long> ends = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + log);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, db, version, event FROM fleet_log ORDER BY id")) {
            while (rs.next()) {
                String database =
                        nameOfFile.get(Path.of(rs.getString(2)).getFileName().toString());
                if (database == null) {
                    throw new AssertionError("log row of an unknown database file: " + rs.getString(2));
                }
                Step step = new Step(database, rs.getString(3));
                Map<Step, Long> events = rs.getString(4).equals("start") ? starts : ends;
                if (events.put(step, rs.getLong(1)) != null) {
                    throw new AssertionError(step + " logged " + rs.getString(4) + " twice");
                }
            }
        }
        if (!starts.keySet().equals(ends.keySet())) {
            throw new AssertionError("starts " + starts.keySet() + " but ends " + ends.keySet());
        }
        Map<Step, Span> spans = new HashMap<>();
        starts.forEach((step, start) -> spans.put(step, new Span(start, ends.get(step))));
        return spans;
    }
}
