package dev.mdb.cli.console;

import dev.mdb.cli.MdbCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.Map;

/**
 * A SQLite project for console tests: {@code primary} with its replica (same file), shard {@code shard_one} of
 * {@code primary} with its replica, and {@code animals}; {@code dogs} rows in each primary database.
 */
final class ConsoleProject {
    static final String YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/primary.sqlite3
              primary_replica:
                adapter: sqlite3
                database: storage/primary.sqlite3
                replica: true
              primary_shard_one:
                adapter: sqlite3
                database: storage/shard_one.sqlite3
              primary_shard_one_replica:
                adapter: sqlite3
                database: storage/shard_one.sqlite3
                replica: true
              animals:
                adapter: sqlite3
                database: storage/animals.sqlite3
            """;

    private final Path root;

    private ConsoleProject(Path root) {
        this.root = root;
    }

    /** Writes config/database.yml and seeds the databases. */
    static ConsoleProject create(Path root) {
        ConsoleProject project = new ConsoleProject(root);
        try {
            Files.createDirectories(root.resolve("config"));
            Files.createDirectories(root.resolve("storage"));
            Files.writeString(root.resolve("config/database.yml"), YML, StandardCharsets.UTF_8);
            project.execute("primary.sqlite3", """
                    CREATE TABLE dogs (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, age INTEGER DEFAULT 1);
                    INSERT INTO dogs VALUES (1, 'Fido', 3);
                    INSERT INTO dogs VALUES (2, 'Rex', NULL);
                    INSERT INTO dogs VALUES (3, 'Laika', 11)""");
            project.execute("shard_one.sqlite3", """
                    CREATE TABLE dogs (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, age INTEGER DEFAULT 1);
                    INSERT INTO dogs VALUES (10, 'Shardy', 5)""");
            project.execute("animals.sqlite3", "CREATE TABLE cats (id INTEGER PRIMARY KEY, name TEXT)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    Path root() {
        return root;
    }

    /** Runs {@code ;}-separated statements directly on a database file (outside mdb). */
    void execute(String file, String sql) {
        try (Connection c = connect(file);
                Statement s = c.createStatement()) {
            for (String statement : sql.split(";", -1)) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@code query}'s first column, as strings. */
    List<String> column(String file, String query) {
        try (Connection c = connect(file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect(String file) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:sqlite:" + root.resolve("storage").resolve(file));
    }

    /** Runs {@code mdb console -C root args...} with {@code stdin} as input. */
    Run console(String stdin, String... args) {
        return console(stdin, Map.of(), args);
    }

    Run console(String stdin, Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of("console", "-C", root.toString()));
        all.addAll(List.of(args));
        return mdb(stdin, environment, all.toArray(String[]::new));
    }

    /** Runs {@code mdb args...}; the history file defaults to one inside the project. */
    Run mdb(String stdin, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("MDB_HISTORY", root.resolve("history").toString());
        ConsoleStreams streams =
                ConsoleStreams.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = MdbCli.newCommandLine(o, e, env, streams).execute(args);
        }
        return new Run(code, out.toString(), err.toString(), terminal.toString(StandardCharsets.UTF_8));
    }

    /** Exit code, stdout, stderr and what the (dumb) terminal showed. */
    record Run(int exitCode, String out, String err, String terminal) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- terminal\n" + terminal;
        }
    }
}
