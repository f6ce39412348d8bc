package dev.mdb.runtime;

import dev.mdb.config.DatabaseConfigurations;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Topologies from short database.yml fragments, and their {@code mdb routes} rows as comparable strings. */
final class RuntimeFixtures {
    static final String ENV = "development";

    /**
     * primary (default + shard_one, each with a replica, plus a writable custom role {@code audit}), animals (reading
     * replica and a replica-only custom role {@code analytics}), and legacy (writer only, {@code database_tasks: false}).
     */
    static final String APP = """
            primary: {adapter: sqlite3, database: primary.sqlite3}
            primary_replica: {adapter: sqlite3, database: primary.sqlite3, replica: true}
            primary_shard_one: {adapter: sqlite3, database: shard_one.sqlite3}
            primary_shard_one_replica: {adapter: sqlite3, database: shard_one.sqlite3, replica: true}
            audit: {adapter: sqlite3, database: audit.sqlite3, shard_of: primary, shard: default, role: audit}
            animals: {adapter: sqlite3, database: animals.sqlite3}
            animals_replica: {adapter: sqlite3, database: animals.sqlite3, replica: true}
            animals_reporting: {adapter: sqlite3, database: animals.sqlite3, replica_of: animals, role: analytics}
            legacy: {adapter: sqlite3, database: legacy.sqlite3, database_tasks: false}
            """;

    private RuntimeFixtures() {}

    /** The topology of {@code entries}: database.yml entries of the development environment, one per line. */
    static Topology topology(String entries) {
        return Topology.from(configurations(entries), ENV);
    }

    static DatabaseConfigurations configurations(String entries) {
        String yaml = ENV + ":\n" + entries.lines().map(line -> "  " + line).collect(Collectors.joining("\n")) + "\n";
        return DatabaseConfigurations.parse(yaml, "config/database.yml", ENV, Map.of());
    }

    /** An {@link Mdb} on {@code project}: SQLite {@code primary} and {@code primary_replica} on one file in storage/. */
    static Mdb sqlitePrimaryWithReplica(java.nio.file.Path project) throws java.io.IOException {
        java.nio.file.Files.createDirectories(project.resolve("storage"));
        return Mdb.of(configurations("""
                        primary: {adapter: sqlite3, database: storage/primary.sqlite3}
                        primary_replica: {adapter: sqlite3, database: storage/primary.sqlite3, replica: true}
                        """), ENV, project);
    }

    static ConnectionRouter appRouter() {
        return new ConnectionRouter(topology(APP));
    }

    /** Rows as {@code group/shard/role=target,target}, with {@code  ro} when writes are always prevented. */
    static List<String> rows(Topology topology) {
        return topology.rows().stream()
                .map(row -> row.group() + "/" + row.shard() + "/" + row.role() + "=" + String.join(",", row.targets())
                        + (row.writesPrevented() ? " ro" : ""))
                .toList();
    }
}
