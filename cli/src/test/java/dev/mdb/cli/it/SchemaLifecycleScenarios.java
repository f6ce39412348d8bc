package dev.mdb.cli.it;

import static dev.mdb.cli.it.SampleProject.CATS;
import static dev.mdb.cli.it.SampleProject.DOGS;
import static dev.mdb.cli.it.SampleProject.EMAIL;
import static dev.mdb.cli.it.SampleProject.POSTS;
import static dev.mdb.cli.it.SampleProject.USERS;
import static dev.mdb.cli.it.ServerTasksScenarios.assertOk;
import static dev.mdb.cli.it.ServerTasksScenarios.canary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.tasks.AdapterRegistry;
import dev.mdb.tasks.TaskFailedException;
import dev.mdb.tasks.schema.ExternalCommand;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema files and db:prepare on a real server: db:prepare's data-safety cases, a {@code SCHEMA_FORMAT=structure}
 * round trip through the engine's own dump and load tools, and passwords kept off the tools' argv and out of
 * output. Subclasses supply the server.
 */
abstract class SchemaLifecycleScenarios {
    static final String ALICE = "1|Alice";
    static final String REX = "1|Rex";

    @TempDir
    Path projectDir;

    abstract ServerDatabases db();

    /** A project with primary and animals on new databases, seed files for both, and {@code animalsExtra} settings. */
    record Project(SampleProject project, String primary, String animals) {
        MdbRunner mdb() {
            return project.mdb();
        }

        Path path(String relative) {
            return project.root().resolve(relative);
        }
    }

    Project newProject(String animalsExtra) throws IOException {
        SampleProject project = SampleProject.in(projectDir);
        String primary = db().server().newDatabaseName();
        String animals = db().server().newDatabaseName();
        project.writeDatabaseYml(yml("development", primary, animals, animalsExtra));
        Files.writeString(
                projectDir.resolve("db/seeds.sql"),
                "INSERT INTO users (id, name) VALUES (1, 'Alice');\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                projectDir.resolve("db/animals_seeds.sql"),
                "INSERT INTO dogs (id, name) VALUES (1, 'Rex');\n",
                StandardCharsets.UTF_8);
        return new Project(project, primary, animals);
    }

    String yml(String env, String primary, String animals, String animalsExtra) {
        return env + ":\n"
                + "  primary:\n"
                + db().server().databaseYmlEntry(primary)
                + "  animals:\n"
                + db().server().databaseYmlEntry(animals)
                + "    migrations_paths: db/animals_migrate\n"
                + animalsExtra;
    }

    // ---- db:prepare

    @Test
    void prepare_nothingExists_migratesDumpsAndSeedsThenRecreatesFromSchemaFiles() throws Exception {
        Project p = newProject("");

        MdbResult first = p.mdb().run("db:prepare");

        assertOk(first);
        assertThat(first.out())
                .contains("Created database '" + p.primary() + "'", "Created database '" + p.animals() + "'")
                .contains("== " + USERS + " CreateUsers: migrating");
        assertThat(schemaFiles()).containsOnlyKeys("db/schema.sql", "db/animals_schema.sql");
        assertThat(rows(p.primary(), "SELECT id, name FROM users ORDER BY id")).containsExactly(ALICE);
        assertThat(rows(p.animals(), "SELECT id, name FROM dogs ORDER BY id")).isEmpty();

        Map<String, String> files = schemaFiles();
        assertOk(p.mdb().run("db:drop"));

        MdbResult second = p.mdb().run("db:prepare");

        assertOk(second);
        assertThat(second.outLines())
                .containsExactly("Created database '" + p.primary() + "'", "Created database '" + p.animals() + "'");
        assertThat(versions(p.primary())).containsExactly(USERS, EMAIL, POSTS);
        assertThat(versions(p.animals())).containsExactly(DOGS, CATS);
        assertThat(metadata(p.primary()))
                .as("loaded from the schema file")
                .containsEntry("schema_sha1", sha1(p.path("db/schema.sql")));
        assertThat(rows(p.primary(), "SELECT id, name FROM users ORDER BY id")).containsExactly(ALICE);
        assertThat(rows(p.animals(), "SELECT id, name FROM dogs ORDER BY id")).isEmpty();
        assertThat(schemaFiles()).isEqualTo(files);
    }

    @Test
    void prepare_oneDatabaseDropped_recreatesItAndLeavesTheOtherAlone() throws Exception {
        Project p = newProject("    seeds: true\n");
        assertOk(p.mdb().run("db:prepare"));
        assertThat(rows(p.animals(), "SELECT id, name FROM dogs ORDER BY id")).containsExactly(REX);
        db().execute(p.primary(), "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        db().execute(p.animals(), "INSERT INTO dogs (id, name) VALUES (2, 'Fido')");
        Map<String, List<String>> animals = snapshot(p.animals());
        assertOk(p.mdb().run("db:drop:primary"));

        MdbResult result = p.mdb().run("db:prepare");

        assertOk(result);
        assertThat(result.outLines()).containsExactly("Created database '" + p.primary() + "'");
        assertThat(versions(p.primary())).containsExactly(USERS, EMAIL, POSTS);
        assertThat(rows(p.primary(), "SELECT id, name FROM users ORDER BY id")).containsExactly(ALICE);
        assertThat(snapshot(p.animals())).isEqualTo(animals);
        assertThat(rows(p.animals(), "SELECT id, name FROM dogs ORDER BY id")).containsExactly(REX, "2|Fido");
    }

    @Test
    void prepare_everythingUpToDate_changesNothing() throws Exception {
        Project p = newProject("    seeds: true\n");
        assertOk(p.mdb().run("db:prepare"));
        db().execute(p.primary(), "INSERT INTO users (id, name) VALUES (2, 'Bob')");
        Map<String, List<String>> primary = snapshot(p.primary());
        Map<String, List<String>> animals = snapshot(p.animals());
        Map<String, String> files = schemaFiles();

        MdbResult result = p.mdb().run("db:prepare");

        assertOk(result);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(snapshot(p.primary())).isEqualTo(primary);
        assertThat(snapshot(p.animals())).isEqualTo(animals);
        assertThat(schemaFiles()).isEqualTo(files);
    }

    // ---- SCHEMA_FORMAT=structure

    @Test
    void structureFormat_dumpThenLoadIntoNewDatabases_roundTrips() throws Exception {
        Project p = newProject("");
        assertOk(p.mdb().run("db:create", "db:migrate", "SCHEMA_FORMAT=structure"));
        assertThat(schemaFiles()).containsOnlyKeys("db/structure.sql", "db/animals_structure.sql");
        String structure = read(p.path("db/structure.sql"));
        assertThat(structure).doesNotContain("-- Schema of an mdb database").containsIgnoringCase("CREATE TABLE");
        assertThat(historyVersions(structure)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(historyVersions(read(p.path("db/animals_structure.sql")))).containsExactly(DOGS, CATS);

        String testPrimary = db().server().newDatabaseName();
        String testAnimals = db().server().newDatabaseName();
        Files.writeString(
                p.path("config/database.yml"),
                yml("development", p.primary(), p.animals(), "") + yml("test", testPrimary, testAnimals, ""),
                StandardCharsets.UTF_8);

        MdbResult load = p.mdb().run("-e", "test", "db:schema:load", "SCHEMA_FORMAT=structure");

        assertOk(load);
        assertThat(db().tableExists(testPrimary, "posts")).isTrue();
        assertThat(db().columnExists(testPrimary, "users", "email")).isTrue();
        assertThat(db().tableExists(testAnimals, "cats")).isTrue();
        assertThat(versions(testPrimary)).containsExactly(USERS, EMAIL, POSTS);
        assertThat(versions(testAnimals)).containsExactly(DOGS, CATS);
        assertThat(metadata(testPrimary))
                .containsEntry("environment", "test")
                .containsEntry("schema_sha1", sha1(p.path("db/structure.sql")));
        MdbResult status = p.mdb().run("-e", "test", "db:migrate:status");
        assertOk(status);
        assertThat(StatusTable.parse(status.out()))
                .isEqualTo(Map.of(
                        testPrimary, Map.of(USERS, "up", EMAIL, "up", POSTS, "up"),
                        testAnimals, Map.of(DOGS, "up", CATS, "up")));

        p.project().addMigration("db/migrate", "V20261105090000__create_tags.sql", "CREATE TABLE tags (id INT);\n");
        MdbResult migrate = p.mdb().run("-e", "test", "db:migrate", "--no-schema-dump");
        assertOk(migrate);
        assertThat(migrate.outLines().stream().filter(l -> l.contains(": migrating ")))
                .singleElement()
                .asString()
                .startsWith("== 20261105090000 CreateTags: migrating");
    }

    // ---- passwords

    /** A database.yml entry for {@code database} on {@code port} with {@code password}. */
    String entryWithPassword(String database, String host, int port, String user, String password) {
        return db().entry(database, host, port, user, password);
    }

    AdapterTasks adapterFor(String yml, String name) throws IOException {
        Path file = projectDir.resolve("adapter-config/database.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yml, StandardCharsets.UTF_8);
        DatabaseConfig config = DatabaseConfigurations.load(file, "development", Map.of())
                .find("development", name)
                .orElseThrow();
        return AdapterRegistry.load().forConfig(config, projectDir);
    }

    /** What the engine's tool commands must carry the password in instead of argv (checked by subclasses). */
    abstract void assertPasswordKeptOffArgv(ExternalCommand command, String password) throws IOException;

    @Test
    void structureCommands_passwordNeverOnArgv() throws Exception {
        String password = canary();
        AdapterTasks adapter = adapterFor(
                "development:\n  primary:\n"
                        + entryWithPassword(
                                "some_db", db().server().host(), db().server().port(), "app", password),
                "primary");
        Path out = projectDir.resolve("structure.sql");

        for (ExternalCommand command : List.of(adapter.structureDump(out), adapter.structureLoad(out))) {
            try {
                assertThat(command.argv()).as("argv").noneMatch(arg -> arg.contains(password));
                assertThat(command.toString()).doesNotContain(password);
                assertPasswordKeptOffArgv(command, password);
            } finally {
                if (command.tempFile() != null) {
                    Files.deleteIfExists(command.tempFile());
                }
            }
        }
    }

    @Test
    void structureDump_toolCannotConnect_failsWithoutPrintingThePassword() throws Exception {
        String password = canary();
        // The server's own user and an existing database: a client that took "localhost" for a local socket and
        // ignored the port would reach that server instead and succeed.
        String database = db().server().createDatabase();
        AdapterTasks adapter = adapterFor(
                "development:\n  primary:\n"
                        + entryWithPassword(
                                database, "localhost", 1, db().server().username(), password),
                "primary");
        ExternalCommand command = adapter.structureDump(projectDir.resolve("structure.sql"));

        assertThatThrownBy(() -> command.run("dump the schema of development/primary"))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith(command.argv().get(0) + " failed to dump the schema of development/primary")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
        if (command.tempFile() != null) {
            assertThat(command.tempFile())
                    .as("option file removed after the run")
                    .doesNotExist();
        }
    }

    @Test
    void schemaDumpStructure_unreachableServer_neverPrintsThePassword() throws Exception {
        String password = canary();
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n"
                + entryWithPassword("some_db", db().server().host(), 1, "app", password));

        for (String[] args : List.of(
                new String[] {"db:schema:dump", "SCHEMA_FORMAT=structure"},
                new String[] {"--trace", "db:schema:dump", "SCHEMA_FORMAT=structure"},
                new String[] {"db:schema:load", "SCHEMA_FORMAT=structure"})) {
            MdbResult result = project.mdb().run(args);
            assertThat(result.exitCode()).as("%s", result).isNotZero();
            assertThat(result.out() + result.err()).as("%s", result).doesNotContain(password);
        }
    }

    /** A user of {@code database} who logs in with {@code password} and may only read the {@code public} tables. */
    abstract String userWithPassword(String database, String password);

    /** Adds to {@code database} an object the engine's dump tool cannot read as a read-only user. */
    abstract void addObjectReadOnlyUsersCannotDump(String database) throws SQLException;

    @Test
    void schemaDumpStructure_toolFails_keepsThePreviousFileAndNeverPrintsThePassword() throws Exception {
        String password = canary();
        String database = db().server().createDatabase();
        String user = userWithPassword(database, password);
        addObjectReadOnlyUsersCannotDump(database);
        SampleProject project = SampleProject.in(projectDir);
        project.writeDatabaseYml("development:\n  primary:\n"
                + entryWithPassword(
                        database, db().server().host(), db().server().port(), user, password));
        Path structure = projectDir.resolve("db/structure.sql");
        Files.writeString(structure, "-- the previous structure\n", StandardCharsets.UTF_8);

        for (String[] args : List.of(
                new String[] {"db:schema:dump", "SCHEMA_FORMAT=structure"},
                new String[] {"--trace", "db:schema:dump", "SCHEMA_FORMAT=structure"})) {
            MdbResult result = project.mdb().run(args);
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.errLines().get(0))
                    .as("%s", result)
                    .startsWith("mdb: ")
                    .contains(" failed to dump the schema of development/primary");
            assertThat(result.out() + result.err()).as("%s", result).doesNotContain(password);
        }
        assertThat(read(structure)).isEqualTo("-- the previous structure\n");
        try (Stream<Path> files = Files.list(projectDir.resolve("db"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary files left behind")
                    .containsExactlyInAnyOrder("structure.sql", "migrate", "animals_migrate");
        }
    }

    // ---- helpers

    List<String> rows(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db().server().connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    List<String> versions(String database) throws SQLException {
        return rows(
                database,
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                        + " ORDER BY installed_rank");
    }

    Map<String, String> metadata(String database) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        for (String row :
                rows(database, "SELECT " + quote("key") + ", " + quote("value") + " FROM mdb_internal_metadata")) {
            int bar = row.indexOf('|');
            values.put(row.substring(0, bar), row.substring(bar + 1));
        }
        return values;
    }

    /** {@code key} and {@code value} are reserved words on MariaDB. */
    abstract String quote(String identifier);

    /** Every row of the tables the sample and the tests use, and the history and metadata values. */
    Map<String, List<String>> snapshot(String database) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of("users", "posts", "dogs", "cats")) {
            if (db().tableExists(database, table)) {
                tables.put(table, rows(database, "SELECT * FROM " + table + " ORDER BY 1"));
            }
        }
        tables.put(
                "flyway_schema_history",
                rows(
                        database,
                        "SELECT installed_rank, version, script, checksum, success FROM flyway_schema_history"
                                + " ORDER BY installed_rank"));
        tables.put("mdb_internal_metadata", List.of(metadata(database).toString()));
        return tables;
    }

    Map<String, String> schemaFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(projectDir.resolve("db"))) {
            for (Path file : paths.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith("seeds.sql")) {
                    files.put("db/" + name, read(file));
                }
            }
        }
        return files;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static String sha1(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    /** The versions in the history INSERT that ends a schema file. */
    static List<String> historyVersions(String text) {
        List<String> lines = text.strip().lines().toList();
        int insert = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("INSERT INTO ") && lines.get(i).contains("flyway_schema_history")) {
                insert = i;
            }
        }
        assertThat(insert).as("a history INSERT in%n%s", text).isNotNegative();
        List<String> versions = new ArrayList<>();
        for (String row : lines.subList(insert + 1, lines.size())) {
            assertThat(row).startsWith("(").endsWith(row.equals(lines.get(lines.size() - 1)) ? ";" : ",");
            int open = row.indexOf('\'');
            versions.add(row.substring(open + 1, row.indexOf('\'', open + 1)));
        }
        return versions;
    }
}
