package dev.mdb.dist;

import dev.mdb.cli.Main;
import dev.mdb.cli.MdbCli;
import dev.mdb.cli.console.ConsoleStreams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload {@code bin/mdb} records its class-data-sharing archive from ({@code -XX:ArchiveClassesAtExit}): the
 * classes these commands load are then mapped from {@code lib/mdb.jsa} instead of being read, parsed and verified from
 * the jars on every start. It runs the everyday commands in process on a throw-away SQLite project with two databases:
 * the command tree and help, create, migrate, status and version in text and JSON, rollback, routes and a
 * console statement; on the loopback servers, when they answer, also a script piped into the console. Output is
 * discarded; a failing command fails the training (exit 1), since the archive would then miss what real runs load.
 */
public final class CdsTraining {
    private static final Writer DISCARD = Writer.nullWriter();

    /**
     * A script piped into the console ({@code mdb console < file}, the scripted use): result tables, an empty one and
     * command tags. It writes to a temporary table only, which goes with the session.
     */
    private static final String CONSOLE_SCRIPT = """
            SELECT 1;
            CREATE TEMPORARY TABLE mdb_training (id integer PRIMARY KEY, name varchar(20));
            INSERT INTO mdb_training (id, name) VALUES (1, 'one'), (2, NULL);
            SELECT id, name FROM mdb_training WHERE id = 1;
            SELECT id, name FROM mdb_training ORDER BY id;
            UPDATE mdb_training SET name = 'two' WHERE id = 2;
            SELECT count(*) AS n FROM mdb_training WHERE id > 2;
            DELETE FROM mdb_training;
            DROP TABLE mdb_training;
            """;

    private final Path project;
    private final List<String> failures = new ArrayList<>();

    private CdsTraining(Path project) {
        this.project = project;
    }

    public static void main(String[] args) throws IOException {
        // What bin/mdb runs before the CLI: its entry points (Main only loaded, as it exits) and library choice.
        Launcher.useBundledSqliteLibrary(Launcher.libDirectory());
        Class<?> entryPoint = Main.class;
        Path project = Files.createTempDirectory("mdb-cds-training");
        List<String> failures;
        try {
            CdsTraining training = new CdsTraining(project);
            training.writeProject();
            training.run();
            failures = training.failures;
        } finally {
            deleteRecursively(project);
        }
        if (!failures.isEmpty()) {
            // A build-time tool: an uncaught exception exits non-zero and fails the package step.
            throw new IllegalStateException("mdb: class-data-sharing training (" + entryPoint.getName()
                    + " ...) failed: " + String.join("; ", failures));
        }
    }

    private void run() {
        String dir = project.toString();
        mdb("--version");
        mdb("--help");
        mdb("-C", dir, "--tasks");
        mdb("-C", dir, "db:create");
        mdb("-C", dir, "db:migrate");
        mdb("-C", dir, "db:migrate:status");
        mdb("-C", dir, "db:version");
        mdb("-C", dir, "--format", "json", "db:migrate:status", "db:version");
        mdb("-C", dir, "db:rollback:primary");
        mdb("-C", dir, "db:migrate:primary", "db:abort_if_pending_migrations");
        mdb("-C", dir, "routes");
        mdb("-C", dir, "routes", "--format", "json");
        mdb("console", "--help");
        mdb("generate", "migration", "--help");
        mdb("-C", dir, "console", "-c", "SELECT count(*) FROM things");
        mdb("-C", dir, "no:such:task");
        servers(dir);
    }

    /**
     * Best effort, for the server engines' classes (JDBC drivers, the PostgreSQL dumper, the console's result path):
     * version, schema dump and a piped console script on the servers' own maintenance databases on loopback, when they
     * answer. A server that is not running only means fewer classes in the archive, never a failed training; nothing
     * but a temporary table is written to those databases.
     */
    private void servers(String dir) {
        String config = project.resolve("config/servers.yml").toString();
        for (String name : List.of("pg", "maria")) {
            tolerant("-C", dir, "--config", config, "--database", name, "db:version", "db:schema:dump");
            tolerant("-C", dir, "--config", config, "--database", name, "--format", "json", "db:migrate:status");
            tolerantWithInput(CONSOLE_SCRIPT, "-C", dir, "--config", config, "console", "--database", name);
        }
    }

    private static void tolerant(String... args) {
        tolerantWithInput("", args);
    }

    private static void tolerantWithInput(String input, String... args) {
        ConsoleStreams console = ConsoleStreams.of(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream());
        MdbCli.newCommandLine(new PrintWriter(DISCARD), new PrintWriter(DISCARD), Map.of(), console)
                .execute(args);
    }

    /** Runs one command line in process; {@code no:such:task} checks the error path and is expected to fail. */
    private void mdb(String... args) {
        StringWriter err = new StringWriter();
        ConsoleStreams console =
                ConsoleStreams.of(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream());
        int code = MdbCli.newCommandLine(new PrintWriter(DISCARD), new PrintWriter(err, true), Map.of(), console)
                .execute(args);
        boolean expectFailure = List.of(args).contains("no:such:task");
        if ((code != 0) != expectFailure) {
            failures.add("mdb " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString().strip());
        }
    }

    private void writeProject() throws IOException {
        write("config/database.yml", """
                default: &default
                  adapter: sqlite3
                  pool: 5
                  timeout: 5000
                development:
                  primary:
                    <<: *default
                    database: storage/development.sqlite3
                  primary_replica:
                    <<: *default
                    database: storage/development.sqlite3
                    replica: true
                  animals:
                    <<: *default
                    database: "${MDB_TRAINING_ANIMALS:-storage/development_animals.sqlite3}"
                    migrations_paths: db/animals_migrate
                test:
                  primary:
                    <<: *default
                    database: <%= ENV.fetch('MDB_TRAINING_TEST', 'storage/test.sqlite3') %>
                """);
        write("db/migrate/V20260101000000__create_things.sql", """
                CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE INDEX index_things_on_name ON things (name);
                """);
        write("db/migrate/U20260101000000__create_things.sql", "DROP TABLE things;\n");
        write("db/migrate/V20260102000000__add_size_to_things.sql", "ALTER TABLE things ADD COLUMN size INTEGER;\n");
        write("db/migrate/U20260102000000__add_size_to_things.sql", "ALTER TABLE things DROP COLUMN size;\n");
        write("db/animals_migrate/V20260101000000__create_dogs.sql", "CREATE TABLE dogs (id INTEGER PRIMARY KEY);\n");
        write("db/seeds.sql", "INSERT INTO things (name) VALUES ('one');\n");
        Files.createDirectories(project.resolve("storage"));
        write("config/servers.yml", """
                development:
                  pg:
                    adapter: postgresql
                    host: 127.0.0.1
                    username: postgres
                    database: postgres
                    connect_timeout: 1
                    schema_dump: pg_training_schema.sql
                  maria:
                    adapter: mysql2
                    host: 127.0.0.1
                    username: root
                    database: mysql
                    schema_dump: maria_training_schema.sql
                """);
    }

    private void write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
