package dev.mdb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Rails-style project in a temporary directory: config/database.yml (3-tier, development and test, SQLite files
 * under storage/) and the migrations of the sample project, inlined so the tests do not depend on its location.
 */
final class SqliteProject {
    static final String USERS = "20261101090000";
    static final String EMAIL = "20261102090000";
    static final String POSTS = "20261103090000";
    static final String DOGS = "20261101100000";
    static final String CATS = "20261104100000";

    /** Three tiers: primary, primary_replica (replica), animals (own migrations path), legacy (no tasks). */
    static final String MULTI_DB_YML = """
            default: &default
              adapter: sqlite3
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
                database: storage/development_animals.sqlite3
                migrations_paths: db/animals_migrate
              legacy:
                <<: *default
                database: storage/legacy.sqlite3
                database_tasks: false
            test:
              primary:
                <<: *default
                database: storage/test.sqlite3
              primary_replica:
                <<: *default
                database: storage/test.sqlite3
                replica: true
              animals:
                <<: *default
                database: storage/test_animals.sqlite3
                migrations_paths: db/animals_migrate
              legacy:
                <<: *default
                database: storage/test_legacy.sqlite3
                database_tasks: false
            """;

    /** One visible database per environment (plus its replica), for the un-namespaced VERSION tasks. */
    static final String SINGLE_DB_YML = """
            development:
              primary:
                adapter: sqlite3
                database: storage/development.sqlite3
              primary_replica:
                adapter: sqlite3
                database: storage/development.sqlite3
                replica: true
            test:
              primary:
                adapter: sqlite3
                database: storage/test.sqlite3
            """;

    private static final Map<String, String> PRIMARY_MIGRATIONS = new LinkedHashMap<>();
    private static final Map<String, String> ANIMALS_MIGRATIONS = new LinkedHashMap<>();

    static {
        PRIMARY_MIGRATIONS.put("V" + USERS + "__create_users.sql", """
                -- CreateUsers
                CREATE TABLE users (
                    id BIGINT PRIMARY KEY,
                    name VARCHAR(255) NOT NULL, -- a comment; with a semicolon
                    created_at TIMESTAMP
                );
                """);
        PRIMARY_MIGRATIONS.put("U" + USERS + "__create_users.sql", "DROP TABLE users;\n");
        PRIMARY_MIGRATIONS.put(
                "V" + EMAIL + "__add_email_to_users.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(255);\n");
        PRIMARY_MIGRATIONS.put("U" + EMAIL + "__add_email_to_users.sql", "ALTER TABLE users DROP COLUMN email;\n");
        PRIMARY_MIGRATIONS.put("V" + POSTS + "__create_posts.sql", """
                CREATE TABLE posts (
                    id BIGINT PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES users (id),
                    title VARCHAR(255) NOT NULL
                );
                CREATE INDEX index_posts_on_user_id ON posts (user_id);
                """);
        PRIMARY_MIGRATIONS.put("U" + POSTS + "__create_posts.sql", "DROP TABLE posts;\n");
        ANIMALS_MIGRATIONS.put("V" + DOGS + "__create_dogs.sql", """
                CREATE TABLE dogs (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL);
                """);
        ANIMALS_MIGRATIONS.put("U" + DOGS + "__create_dogs.sql", "DROP TABLE dogs;\n");
        ANIMALS_MIGRATIONS.put("V" + CATS + "__create_cats.sql", """
                CREATE TABLE cats (id BIGINT PRIMARY KEY, lives INTEGER NOT NULL DEFAULT 9);
                """);
        ANIMALS_MIGRATIONS.put("U" + CATS + "__create_cats.sql", "DROP TABLE cats;\n");
    }

    private final Path root;

    private SqliteProject(Path root) {
        this.root = root;
    }

    /** The multi-database layout with the sample's migrations for primary (3) and animals (2). */
    static SqliteProject multiDb(Path root) {
        return withConfig(root, MULTI_DB_YML).withPrimaryMigrations().withAnimalsMigrations();
    }

    /** A single visible database with the primary migrations. */
    static SqliteProject singleDb(Path root) {
        return withConfig(root, SINGLE_DB_YML).withPrimaryMigrations();
    }

    /** Only config/database.yml, no migrations. */
    static SqliteProject withConfig(Path root, String databaseYml) {
        SqliteProject project = new SqliteProject(root);
        project.write("config/database.yml", databaseYml);
        return project;
    }

    SqliteProject withPrimaryMigrations() {
        PRIMARY_MIGRATIONS.forEach((name, sql) -> write("db/migrate/" + name, sql));
        return this;
    }

    SqliteProject withAnimalsMigrations() {
        ANIMALS_MIGRATIONS.forEach((name, sql) -> write("db/animals_migrate/" + name, sql));
        return this;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    SqliteProject write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SqliteProject delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }

    /** Runs {@code mdb -C root args...} with an empty environment. */
    CliRun run(String... args) {
        return CliRun.in(root, args);
    }

    CliRun run(Map<String, String> environment, String... args) {
        return CliRun.in(root, environment, args);
    }

    /** Runs and requires exit 0, for set-up steps. */
    CliRun ok(String... args) {
        CliRun result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("set-up step `mdb " + String.join(" ", args) + "` failed: " + result.describe());
        }
        return result;
    }

    /** The versions in the SQLite file's flyway_schema_history, in installed order (successful rows only). */
    List<String> appliedVersions(String databaseFile) {
        List<String> versions = new ArrayList<>();
        query(
                databaseFile,
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                        + " ORDER BY installed_rank",
                rs -> versions.add(rs.getString(1)));
        return versions;
    }

    /** Tables of the SQLite file, without SQLite's own. */
    List<String> tables(String databaseFile) {
        List<String> tables = new ArrayList<>();
        query(
                databaseFile,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                rs -> tables.add(rs.getString(1)));
        return tables;
    }

    void query(String databaseFile, String sql, RowConsumer consumer) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(databaseFile));
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }
}
