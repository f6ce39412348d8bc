package dev.mdb.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.internal.TargetPools;
import dev.mdb.runtime.metrics.MdbMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time per operation of mdb's routing layer against raw HikariCP on the same pool, for bench/routing-overhead.sh.
 *
 * <pre>
 * java dev.mdb.bench.RoutingOverheadBench HOST PORT USER DATABASE WARMUP_ITERATIONS ROUNDS ITERATIONS
 * </pre>
 *
 * Each round runs, for every compared pair of variants, ITERATIONS operations of one side and then of the other,
 * back to back (which side first alternates by round), so that the two sides of a ratio see the same machine load.
 * Printed: per-variant median and best ns/op and ops/s over all its blocks, and for each pair the median (and
 * quartiles) of the per-round ratios, the ratio of the medians and the ratio of the best blocks.
 */
public final class RoutingOverheadBench {
    private RoutingOverheadBench() {}

    /** One operation; returns something derived from the result so the JIT can't drop the work. */
    @FunctionalInterface
    interface Op {
        int run() throws Exception;
    }

    record Variant(String name, String description, Op op) {}

    /** Two variants compared within each round: a's time per op over b's. */
    record Pair(String a, String b, String note) {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String database = args[3];
        int warmup = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        int iterations = Integer.parseInt(args[6]);
        String password = System.getenv("PGPASSWORD");

        String entry = "    adapter: postgresql\n    host: " + host + "\n    port: " + port + "\n    username: " + user
                + "\n    database: " + database + "\n"
                + (password == null || password.isEmpty() ? "" : "    password: \"" + password + "\"\n");
        String yaml = "development:\n  primary:\n" + entry + "  primary_replica:\n" + entry + "    replica: true\n";

        DatabaseConfigurations configs = DatabaseConfigurations.parse(yaml, "bench", "development", Map.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MdbMetrics metrics = new MdbMetrics(registry);
        try (Mdb mdb = Mdb.of(configs, "development", Path.of("."));
                Mdb metered = Mdb.builder(configs, "development", Path.of("."))
                        .listener(metrics)
                        .poolCustomizer(metrics)
                        .build()) {
            metrics.bindReplicas(metered);
            DataSource meteredDs = metered.dataSource();
            var meteredReading = metered.router().connectedTo(Route.reading());
            DataSource ds = mdb.dataSource();
            TargetPools pools = mdb.dataSource().unwrap(TargetPools.class);
            HikariDataSource replicaPool = pools.pool("primary_replica");
            HikariDataSource primaryPool = pools.pool("primary");
            var reading = mdb.router().connectedTo(Route.reading());
            JdbcTemplate rawTemplate = new JdbcTemplate(replicaPool);
            JdbcTemplate routedTemplate = new JdbcTemplate(ds);
            var writing = mdb.router().connectedTo(Route.writing());

            List<Variant> variants = List.of(
                    new Variant(
                            "raw-stmt",
                            "HikariCP primary_replica pool: getConnection, SELECT 1, close",
                            () -> select1(replicaPool)),
                    new Variant(
                            "routed-reading-stmt",
                            "connectedTo(reading).with: ds.getConnection, SELECT 1, close (-> primary_replica pool)",
                            () -> reading.with(() -> select1(ds))),
                    new Variant(
                            "raw-jdbctemplate",
                            "JdbcTemplate on the HikariCP primary_replica pool: queryForObject(SELECT 1)",
                            () -> rawTemplate.queryForObject("SELECT 1", Integer.class)),
                    new Variant(
                            "routed-reading-jdbctemplate",
                            "JdbcTemplate on mdb's DataSource inside connectedTo(reading).with: queryForObject(SELECT 1)",
                            () -> reading.with(() -> routedTemplate.queryForObject("SELECT 1", Integer.class))),
                    new Variant(
                            "routed-reading-metrics",
                            "the same through an Mdb with MdbMetrics (Micrometer counters, HikariCP pool metrics)",
                            () -> meteredReading.with(() -> select1(meteredDs))),
                    new Variant(
                            "raw-stmt+ro-session",
                            "HikariCP replica pool: getConnection, SET SESSION ... READ ONLY, SELECT 1,"
                                    + " SET SESSION ... READ WRITE, close (what routing sends for a replica)",
                            () -> select1ReadOnlySession(replicaPool)),
                    new Variant(
                            "raw-primary-stmt",
                            "HikariCP primary pool: getConnection, SELECT 1, close",
                            () -> select1(primaryPool)),
                    new Variant(
                            "routed-writing-stmt",
                            "connectedTo(writing).with: ds.getConnection, SELECT 1, close (-> primary pool)",
                            () -> writing.with(() -> select1(ds))),
                    new Variant(
                            "raw-bare",
                            "HikariCP primary_replica pool: getConnection, close (no statement)",
                            () -> bare(replicaPool)),
                    new Variant(
                            "routed-reading-bare",
                            "connectedTo(reading).with: ds.getConnection, close (lazy: borrows nothing)",
                            () -> reading.with(() -> bare(ds))));

            sanityCheck(mdb, ds, replicaPool, primaryPool);

            int sink = 0;
            long warmStart = System.nanoTime();
            for (Variant v : variants) {
                for (int i = 0; i < warmup; i++) {
                    sink += v.op().run();
                }
            }
            System.out.printf(
                    "warm-up: %,d iterations per variant in %.1f s%n", warmup, (System.nanoTime() - warmStart) / 1e9);

            Map<String, Variant> byName = new LinkedHashMap<>();
            variants.forEach(v -> byName.put(v.name(), v));
            List<Pair> pairs = List.of(
                    new Pair("routed-reading-stmt", "raw-stmt", "THE FAIR ONE, goal <= 1.20"),
                    new Pair("routed-writing-stmt", "raw-primary-stmt", "writing role: no read-only session toggling"),
                    new Pair(
                            "routed-reading-stmt",
                            "raw-stmt+ro-session",
                            "routing vs raw sending the same 3 statements: the Java layer itself"),
                    new Pair("raw-stmt+ro-session", "raw-stmt", "cost of the two read-only session statements alone"),
                    new Pair("routed-reading-metrics", "routed-reading-stmt", "metrics on, goal <= 1.05"),
                    new Pair(
                            "routed-reading-jdbctemplate",
                            "raw-jdbctemplate",
                            "JdbcTemplate, reading role vs a plain pool, goal <= 1.10"),
                    new Pair(
                            "routed-reading-bare",
                            "raw-bare",
                            "NOT comparable: routed borrows nothing without a statement"));
            // ns/op of each side of each pair, per round; the two sides of a pair run back to back (order
            // alternating) so that their ratio sees the same machine load.
            double[][][] ns = new double[pairs.size()][2][rounds];
            Map<String, List<Double>> all = new LinkedHashMap<>();
            variants.forEach(v -> all.put(v.name(), new ArrayList<>()));
            for (int r = 0; r < rounds; r++) {
                for (int p = 0; p < pairs.size(); p++) {
                    Pair pair = pairs.get(p);
                    for (int k = 0; k < 2; k++) {
                        int side = (k + r) % 2;
                        Variant v = byName.get(side == 0 ? pair.a() : pair.b());
                        long start = System.nanoTime();
                        for (int i = 0; i < iterations; i++) {
                            sink += v.op().run();
                        }
                        double perOp = (System.nanoTime() - start) / (double) iterations;
                        ns[p][side][r] = perOp;
                        all.get(v.name()).add(perOp);
                    }
                }
            }

            System.out.printf(
                    "%d rounds; per round, each pair's two variants run %,d iterations each, back to back, order"
                            + " alternating%n",
                    rounds, iterations);
            System.out.printf(
                    "%-22s %12s %12s %12s %12s%n",
                    "variant", "median ns/op", "median ops/s", "best ns/op", "best ops/s");
            for (Variant v : variants) {
                double[] x = all.get(v.name()).stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
                double median = median(x);
                double best = Arrays.stream(x).min().orElseThrow();
                System.out.printf(
                        "%-22s %12.0f %12.0f %12.0f %12.0f%n", v.name(), median, 1e9 / median, best, 1e9 / best);
            }
            System.out.println();
            for (Variant v : variants) {
                System.out.printf("  %-22s %s%n", v.name(), v.description());
            }
            System.out.println();
            for (int p = 0; p < pairs.size(); p++) {
                ratio(pairs.get(p), ns[p][0], ns[p][1]);
            }
            System.out.println("(sink " + sink + ")");
        }
    }

    private static int select1(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int select1ReadOnlySession(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            int v;
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                v = rs.getInt(1);
            }
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            return v;
        }
    }

    private static int bare(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return c.hashCode() & 1;
        }
    }

    /**
     * Checks that reading really goes to the replica pool, whose connections are read-only from their first use
     * (connection init), and that writing is not.
     */
    private static void sanityCheck(Mdb mdb, DataSource ds, HikariDataSource replicaPool, HikariDataSource primaryPool)
            throws Exception {
        String underReading = mdb.router().connectedTo(Route.reading()).with(() -> show(ds));
        String underWriting = mdb.router().connectedTo(Route.writing()).with(() -> show(ds));
        String rawReplica = show(replicaPool);
        String rawPrimary = show(primaryPool);
        System.out.println("transaction_read_only: routed reading=" + underReading + ", routed writing=" + underWriting
                + ", raw replica pool=" + rawReplica + ", raw primary pool=" + rawPrimary);
        if (!underReading.equals("on") || !underWriting.equals("off") || !rawReplica.equals("on")) {
            throw new IllegalStateException("unexpected routing; the comparison would be meaningless");
        }
        var active = new ArrayList<String>();
        mdb.dataSource()
                .unwrap(TargetPools.class)
                .created()
                .forEach((name, pool) ->
                        active.add(name + " (" + pool.getHikariPoolMXBean().getTotalConnections() + " connections)"));
        System.out.println("pools: " + String.join(", ", active));
    }

    private static String show(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW transaction_read_only")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void ratio(Pair pair, double[] x, double[] y) {
        double[] perRound = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            perRound[i] = x[i] / y[i];
        }
        Arrays.sort(perRound);
        System.out.printf(
                "ratio %-20s / %-20s median of per-round ratios %.2f (quartiles %.2f-%.2f), ratio of medians %.2f,"
                        + " of bests %.2f  [%s]%n",
                pair.a(),
                pair.b(),
                median(perRound),
                perRound[perRound.length / 4],
                perRound[(3 * perRound.length) / 4],
                median(x) / median(y),
                Arrays.stream(x).min().orElseThrow() / Arrays.stream(y).min().orElseThrow(),
                pair.note());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
