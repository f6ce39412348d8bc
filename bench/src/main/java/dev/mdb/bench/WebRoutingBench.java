package dev.mdb.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.Mdb;
import dev.mdb.web.DatabaseSelector;
import dev.mdb.web.DatabaseSelectorFilter;
import dev.mdb.web.SignedCookieResolverContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The filter + routing on a read-heavy loop against two replicas, against the same app with a plain HikariCP
 * DataSource to the primary, in the same run: requests per second, p50/p99 latency, and how reads spread over the
 * replicas. Rounds alternate (plain, mdb, plain, mdb, …) after a warm-up so drift hits both alike.
 *
 * <p>Arguments: {@code <database.yml> <env> [requests per round] [rounds] [concurrency] [plain entry]}; the plain app
 * reads from {@code primary} unless another entry is named (e.g. {@code primary_replica_1}: the same server kind as
 * the mdb app's reads, which isolates mdb's own cost from the difference between a primary and a standby). The environment needs a
 * {@code primary} with two replicas (bench/web-routing.sh builds one on a real PostgreSQL primary with two
 * hot standbys).
 */
public final class WebRoutingBench {
    private static final String QUERY = "SELECT id, name FROM trips ORDER BY id LIMIT 10";

    /** The same servlet for both apps: one short read, the server port in the body. */
    static final class TripsReader extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DataSource dataSource;

        TripsReader(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            StringBuilder body = new StringBuilder(256).append("{\"trips\":[");
            int port;
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(QUERY)) {
                    boolean first = true;
                    while (rs.next()) {
                        body.append(first ? "" : ",")
                                .append("{\"id\":")
                                .append(rs.getLong(1))
                                .append(",\"name\":\"")
                                .append(rs.getString(2))
                                .append("\"}");
                        first = false;
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT inet_server_port()")) {
                    rs.next();
                    port = rs.getInt(1);
                }
            } catch (SQLException e) {
                response.sendError(500, e.getMessage());
                return;
            }
            body.append("],\"port\":").append(port).append('}');
            response.setContentType("application/json");
            response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * One round of one app: its wall time, every request's latency, the replies per server port and the failures. A
     * class rather than a record because it holds an array (sorted once here, for the percentiles).
     */
    static final class Round {
        private final String app;
        private final double seconds;
        private final long[] sortedLatenciesNanos;
        private final Map<Integer, Integer> ports;
        private final int failures;

        Round(String app, double seconds, long[] latenciesNanos, Map<Integer, Integer> ports, int failures) {
            this.app = app;
            this.seconds = seconds;
            this.sortedLatenciesNanos = latenciesNanos.clone();
            Arrays.sort(sortedLatenciesNanos);
            this.ports = ports;
            this.failures = failures;
        }

        String app() {
            return app;
        }

        Map<Integer, Integer> ports() {
            return ports;
        }

        int failures() {
            return failures;
        }

        double rps() {
            return sortedLatenciesNanos.length / seconds;
        }

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p * sortedLatenciesNanos.length) - 1;
            return sortedLatenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private WebRoutingBench() {}

    public static void main(String[] args) throws Exception {
        try {
            benchmark(args);
        } finally {
            System.exit(0); // the HTTP client's and workers' threads must not keep the JVM alive after a failure
        }
    }

    private static void benchmark(String[] args) throws Exception {
        Path yml = Path.of(args[0]);
        String env = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        String plainEntry = args.length > 5 ? args[5] : "primary";

        DatabaseConfigurations configs = DatabaseConfigurations.load(yml, env, System.getenv());
        try (Mdb mdb = Mdb.fromDatabaseYml(yml, env, System.getenv());
                HikariDataSource plain = plainPool(configs, env, plainEntry)) {
            DatabaseSelector selector = DatabaseSelector.builder(mdb)
                    .context(SignedCookieResolverContext.builder()
                            .secret("benchmark-secret-benchmark-secret-0123456789")
                            .secure(false)
                            .build())
                    .build();
            // MDB_FILTER=routing-only: a minimal filter that only enters the reading role (no unit of work, no
            // context, no response wrapper), to tell the selector's cost from the routing DataSource's.
            jakarta.servlet.Filter filter = "routing-only".equals(System.getenv("MDB_FILTER"))
                    ? (request, response, chain) -> {
                        try {
                            mdb.router()
                                    .connectedTo(dev.mdb.runtime.Route.reading())
                                    .use(() -> chain.doFilter(request, response));
                        } catch (jakarta.servlet.ServletException | IOException | RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    : new DatabaseSelectorFilter(selector);
            Server mdbApp = start(new TripsReader(mdb.dataSource()), filter);
            Server plainApp = start(new TripsReader(plain), null);
            HttpClient client = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(concurrency))
                    .build();
            ExecutorService workers = Executors.newFixedThreadPool(concurrency);
            try {
                URI mdbUri = uri(mdbApp);
                URI plainUri = uri(plainApp);
                // Warm-up: JIT (both apps share the servlet, the HTTP client and Jetty), pools, health checks.
                for (int w = 0; w < 3; w++) {
                    run("plain", client, workers, plainUri, requests, concurrency);
                    run("mdb", client, workers, mdbUri, requests, concurrency);
                }
                List<Round> plainRounds = new ArrayList<>();
                List<Round> mdbRounds = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    plainRounds.add(run("plain", client, workers, plainUri, requests, concurrency));
                    mdbRounds.add(run("mdb", client, workers, mdbUri, requests, concurrency));
                    Round p = plainRounds.get(r);
                    Round m = mdbRounds.get(r);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: plain %.0f req/s p50 %.2f ms p99 %.2f ms | mdb %.0f req/s p50 %.2f ms p99 %.2f ms"
                                    + " | ports %s | failures %d/%d%n",
                            r + 1,
                            p.rps(),
                            p.percentileMillis(0.50),
                            p.percentileMillis(0.99),
                            m.rps(),
                            m.percentileMillis(0.50),
                            m.percentileMillis(0.99),
                            new TreeMap<>(m.ports()),
                            p.failures(),
                            m.failures());
                }
                report(plainRounds, mdbRounds, requests, rounds, concurrency);
            } finally {
                workers.shutdownNow();
                mdbApp.stop();
                plainApp.stop();
            }
        }
    }

    private static void report(List<Round> plain, List<Round> mdb, int requests, int rounds, int concurrency) {
        double[] rpsRatio = new double[rounds];
        double[] p99Ratio = new double[rounds];
        double[] p50Ratio = new double[rounds];
        Map<Integer, Integer> ports = new TreeMap<>();
        int failures = 0;
        for (int r = 0; r < rounds; r++) {
            rpsRatio[r] = mdb.get(r).rps() / plain.get(r).rps();
            p99Ratio[r] = mdb.get(r).percentileMillis(0.99) / plain.get(r).percentileMillis(0.99);
            p50Ratio[r] = mdb.get(r).percentileMillis(0.50) / plain.get(r).percentileMillis(0.50);
            mdb.get(r).ports().forEach((port, n) -> ports.merge(port, n, Integer::sum));
            failures += mdb.get(r).failures() + plain.get(r).failures();
        }
        int total = ports.values().stream().mapToInt(Integer::intValue).sum();
        double even = (double) total / Math.max(1, ports.size());
        double worst = 0;
        for (int n : ports.values()) {
            worst = Math.max(worst, Math.abs(n - even) / even);
        }
        System.out.printf(
                Locale.ROOT,
                "%nsummary (%d rounds × %d GETs, %d concurrent, medians of per-round ratios mdb/plain):%n"
                        + "  throughput ratio %.3f (req/s: plain %.0f, mdb %.0f)%n"
                        + "  p50 ratio %.3f   p99 ratio %.3f (p99: plain %.2f ms, mdb %.2f ms)%n"
                        + "  reads per replica port %s: worst deviation from even %.2f %%%n"
                        + "  failed requests %d%n",
                rounds,
                requests,
                concurrency,
                median(rpsRatio),
                median(plain.stream().mapToDouble(Round::rps).toArray()),
                median(mdb.stream().mapToDouble(Round::rps).toArray()),
                median(p50Ratio),
                median(p99Ratio),
                median(plain.stream().mapToDouble(r -> r.percentileMillis(0.99)).toArray()),
                median(mdb.stream().mapToDouble(r -> r.percentileMillis(0.99)).toArray()),
                ports,
                worst * 100,
                failures);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Round run(
            String app, HttpClient client, ExecutorService workers, URI uri, int requests, int concurrency)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, Integer> ports = new ConcurrentHashMap<>();
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        String body = response.body();
                        int at = body.lastIndexOf("\"port\":");
                        int port = Integer.parseInt(body.substring(at + 7, body.length() - 1));
                        ports.merge(port, 1, Integer::sum);
                    } catch (IOException | RuntimeException e) {
                        latencies[i] = System.nanoTime() - t0;
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Round(app, seconds, latencies, ports, failures.get());
    }

    private static HikariDataSource plainPool(DatabaseConfigurations configs, String env, String entry) {
        var primary = configs.find(env, entry).orElseThrow();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:postgresql://" + primary.host() + ":" + primary.port() + "/" + primary.database());
        hikari.setUsername(primary.username());
        // As many connections as mdb's two replica pools together (5 each), so that both apps can run as many
        // queries at once.
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("plain-primary");
        return new HikariDataSource(hikari);
    }

    private static Server start(HttpServlet servlet, jakarta.servlet.Filter filter) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(servlet), "/api/trips");
        server.setHandler(context);
        server.start();
        return server;
    }

    private static URI uri(Server server) {
        return URI.create(
                "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/api/trips");
    }
}
