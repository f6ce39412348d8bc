package dev.mdb.bench;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.adapter.postgresql.PostgresqlAdapterTasksProvider;
import dev.mdb.tasks.spi.AdapterTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs mdb's PostgreSQL SQL schema dump, the way db:schema:dump does (adapter from the provider, its connection, its
 * dumper), for bench/schema-dump-vs-pg_dump.sh.
 *
 * <pre>
 * java dev.mdb.bench.SchemaDumpBench cold HOST PORT USER DATABASE OUT.sql [PHASES]
 *     one dump in this JVM (time the whole process); appends "startup connect dump" ms to PHASES
 * java dev.mdb.bench.SchemaDumpBench warm HOST PORT USER DATABASE WARMUP RUNS
 *     prints each timed in-process dump, in ms
 * </pre>
 */
public final class SchemaDumpBench {
    private SchemaDumpBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("adapter", "postgresql");
        settings.put("host", args[1]);
        settings.put("port", Integer.valueOf(args[2]));
        settings.put("username", args[3]);
        settings.put("database", args[4]);
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            settings.put("password", password);
        }
        AdapterTasks tasks = new PostgresqlAdapterTasksProvider()
                .forConfig(new DatabaseConfig("bench", "primary", settings), Path.of("."));
        if (args[0].equals("cold")) {
            long start = System.nanoTime();
            try (Connection connection = tasks.connect()) {
                long connected = System.nanoTime();
                String sql = tasks.schemaDumper().dump(connection);
                long dumped = System.nanoTime();
                Files.writeString(Path.of(args[5]), sql, StandardCharsets.UTF_8);
                if (args.length > 6) { // where the time went: JVM start to here, connect, dump (ms)
                    long startup = java.lang.management.ManagementFactory.getRuntimeMXBean()
                                    .getUptime()
                            - (System.nanoTime() - start) / 1_000_000;
                    Files.writeString(
                            Path.of(args[6]),
                            startup + " " + (connected - start) / 1_000_000 + " " + (dumped - connected) / 1_000_000
                                    + "\n",
                            StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                }
            }
            return;
        }
        int warmup = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            String sql = dumpOnce(tasks);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (i >= warmup) {
                System.out.println(millis + " " + sql.length());
            }
        }
    }

    /** Connect, dump, close: what one db:schema:dump does per database. */
    private static String dumpOnce(AdapterTasks tasks) throws IOException, java.sql.SQLException {
        try (Connection connection = tasks.connect()) {
            return tasks.schemaDumper().dump(connection);
        }
    }
}
