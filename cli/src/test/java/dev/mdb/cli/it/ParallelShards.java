package dev.mdb.cli.it;

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
import java.util.List;
import java.util.Locale;

/**
 * A project of {@code count} PostgreSQL shards for the parallel tests: {@code primary_shard_01} … {@code
 * primary_shard_NN}, each with a {@code _replica} entry (same database, {@code replica: true}), on fresh databases of
 * the extension (dropped after the class). Every shard has {@code migrations_paths: [db/shards_migrate,
 * db/shard_NN_migrate]} and {@code schema_dump: shards_schema.sql}: the three migrations of {@link #COMMON} are shared,
 * and each shard's own directory holds one migration that runs first and does nothing, {@code
 * V202611100800NN__shard_NN.sql} (banner {@code ShardNN}), so that each database's output can be told apart.
 */
final class ParallelShards {
    static final String SHARED_MIGRATIONS = "db/shards_migrate";
    static final String ACCOUNTS = "20261110090001";
    static final String ORDERS = "20261110090002";
    static final String TOTAL = "20261110090003";
    /** The shared migrations, in order: version, class name (banner) and file name. */
    static final List<Migration> COMMON = List.of(
            new Migration(ACCOUNTS, "CreateAccounts", "V" + ACCOUNTS + "__create_accounts.sql"),
            new Migration(ORDERS, "CreateOrders", "V" + ORDERS + "__create_orders.sql"),
            new Migration(TOTAL, "AddTotalToOrders", "V" + TOTAL + "__add_total_to_orders.sql"));

    private final Path root;
    private final DatabaseServerExtension server;
    private final List<String> databases;

    /** One migration file: its version, Rails class name and file name. */
    record Migration(String version, String className, String fileName) {}

    private ParallelShards(Path root, DatabaseServerExtension server, List<String> databases) {
        this.root = root;
        this.server = server;
        this.databases = databases;
    }

    /** Creates {@code count} empty databases and writes the project (database.yml and migrations) into {@code root}. */
    static ParallelShards create(DatabaseServerExtension server, Path root, int count) throws IOException {
        List<String> databases = new ArrayList<>();
        for (int shard = 1; shard <= count; shard++) {
            databases.add(server.createDatabase());
        }
        ParallelShards shards = new ParallelShards(root, server, List.copyOf(databases));
        shards.write();
        return shards;
    }

    private void write() throws IOException {
        StringBuilder yml = new StringBuilder("development:\n");
        for (int shard = 1; shard <= count(); shard++) {
            String settings = server.databaseYmlEntry(database(shard))
                    + "    migrations_paths:\n"
                    + "      - " + SHARED_MIGRATIONS + "\n"
                    + "      - " + ownMigrations(shard) + "\n"
                    + "    schema_dump: shards_schema.sql\n";
            yml.append("  ").append(name(shard)).append(":\n").append(settings);
            yml.append("  ")
                    .append(name(shard))
                    .append("_replica:\n")
                    .append(settings)
                    .append("    replica: true\n");
        }
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/database.yml"), yml, StandardCharsets.UTF_8);
        writeMigration(
                SHARED_MIGRATIONS,
                COMMON.get(0).fileName(),
                "CREATE TABLE accounts (\n    id BIGINT PRIMARY KEY,\n    name VARCHAR(255) NOT NULL\n);\n");
        writeMigration(
                SHARED_MIGRATIONS,
                COMMON.get(1).fileName(),
                "CREATE TABLE orders (\n    id BIGINT PRIMARY KEY,\n    account_id BIGINT NOT NULL,\n"
                        + "    CONSTRAINT fk_orders_account_id FOREIGN KEY (account_id) REFERENCES accounts (id)\n);\n");
        writeMigration(
                SHARED_MIGRATIONS, COMMON.get(2).fileName(), "ALTER TABLE orders ADD COLUMN total NUMERIC(12, 2);\n");
        for (int shard = 1; shard <= count(); shard++) {
            Migration marker = marker(shard);
            writeMigration(
                    ownMigrations(shard),
                    marker.fileName(),
                    "-- Marks " + name(shard) + "'s output: its banner names the shard.\nSELECT " + shard + ";\n");
        }
    }

    private void writeMigration(String directory, String fileName, String sql) throws IOException {
        Path dir = root.resolve(directory);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(fileName), sql, StandardCharsets.UTF_8);
    }

    int count() {
        return databases.size();
    }

    Path root() {
        return root;
    }

    MdbRunner mdb() {
        return new MdbRunner(root, SampleProject.ENVIRONMENT);
    }

    /** {@code primary_shard_NN} (1-based). */
    static String name(int shard) {
        return String.format(Locale.ROOT, "primary_shard_%02d", shard);
    }

    String database(int shard) {
        return databases.get(shard - 1);
    }

    static String ownMigrations(int shard) {
        return String.format(Locale.ROOT, "db/shard_%02d_migrate", shard);
    }

    /** The shard's own first migration. */
    static Migration marker(int shard) {
        String version = String.format(Locale.ROOT, "202611100800%02d", shard);
        String nn = String.format(Locale.ROOT, "%02d", shard);
        return new Migration(version, "Shard" + nn, "V" + version + "__shard_" + nn + ".sql");
    }

    /** Every migration of the shard in the order they run: its marker, then {@link #COMMON}. */
    static List<Migration> migrations(int shard) {
        List<Migration> all = new ArrayList<>();
        all.add(marker(shard));
        all.addAll(COMMON);
        return all;
    }

    /** The versions {@code flyway_schema_history} of the shard records as applied successfully, in order. */
    List<String> appliedVersions(int shard) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = server.connect(database(shard));
                Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return versions;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL AND success AND type <> 'BASELINE' ORDER BY installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
        }
        return versions;
    }

    /** Runs {@code sql} on the shard's database as the extension's user. */
    void execute(int shard, String sql) throws SQLException {
        try (Connection c = server.connect(database(shard));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
