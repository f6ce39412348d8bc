package dev.mdb.example.trips;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.sql.Dialect;
import dev.mdb.web.DatabaseSelector;
import dev.mdb.web.DatabaseSelectorFilter;
import dev.mdb.web.SignedCookieResolverContext;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trips example: an embedded Jetty serving {@code /api/trips} behind mdb-web's {@link DatabaseSelectorFilter}, so
 * POST requests write on the primary and GET requests read from the replicas, except that a client reads its own
 * writes (from the primary until a replica has them). The client's state travels in a signed cookie ({@code mdb_ctx});
 * the {@code Mdb-Route} debug header says where each request went.
 *
 * <pre>{@code
 * try (TripsApp app = new TripsApp(TripsOptions.parse("--env", "cluster", "--port", "0"), System.getenv())) {
 *     int port = app.start();
 *     ...
 * }
 * }</pre>
 */
public final class TripsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TripsApp.class);

    /** The environment variable holding the cookie-signing secret (at least 32 bytes). */
    public static final String SECRET_VARIABLE = "MDB_SECRET";

    private final TripsOptions options;
    private final Map<String, String> environment;
    private Mdb mdb;
    private Server server;

    /** {@code environment} stands for the process environment: database.yml's variables and {@value #SECRET_VARIABLE}. */
    public TripsApp(TripsOptions options, Map<String, String> environment) {
        this.options = Objects.requireNonNull(options, "options");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Runs the app from the command line until it is stopped; returns the exit code for {@link Main}: 0, 2 (bad
     * arguments), 3 (no database.yml) or 1 (could not start).
     */
    static int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(TripsOptions.USAGE);
            return 0;
        }
        TripsOptions options;
        try {
            options = TripsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("trips: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(options.config())) {
            System.err.println("trips: " + options.config().toAbsolutePath() + " does not exist; pass --config"
                    + " path/to/database.yml (the example's is examples/trips/config/database.yml).");
            return 3;
        }
        TripsApp app = new TripsApp(options, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "trips-shutdown"));
        try {
            int port = app.start();
            LOG.info(
                    "trips: listening on http://{}:{}/api/trips ({} environment of {}, {})",
                    options.host(),
                    port,
                    options.env(),
                    options.config(),
                    options.consistency());
            app.join();
            return 0;
        } catch (Exception e) {
            System.err.println("trips: couldn't start: " + e);
            app.close();
            return 1;
        }
    }

    /** Loads database.yml, starts Jetty and returns the port it listens on (a free one for {@code --port 0}). */
    public synchronized int start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        mdb = Mdb.fromDatabaseYml(options.config(), options.env(), environment);
        String writer = mdb.topology()
                .group(mdb.topology().defaultGroup())
                .configs()
                .get(0)
                .name();
        Dialect dialect = mdb.dataSource().target(writer).engine().dialect();
        TripStore store = new TripStore(mdb.dataSource(), dialect);
        DatabaseSelector selector = DatabaseSelector.builder(mdb)
                .consistency(options.consistency())
                .context(SignedCookieResolverContext.builder()
                        .secret(secret())
                        .secure(false) // plain HTTP on localhost; keep the default (true) behind HTTPS
                        .build())
                .debugHeader(true) // Mdb-Route names database.yml entries: fine for an example, not in production
                .build();

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(
                new FilterHolder(new DatabaseSelectorFilter(selector)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new TripsServlet(store, mdb.router())), "/*");
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e;
        }
        return connector.getLocalPort();
    }

    /** Waits until Jetty stops (the process is interrupted, or {@link #close()} runs on another thread). */
    public void join() throws InterruptedException {
        Server running;
        synchronized (this) {
            running = server;
        }
        if (running != null) {
            running.join();
        }
    }

    /** The runtime handle, once started (tests use it to look at replica health). */
    public synchronized Mdb mdb() {
        if (mdb == null) {
            throw new IllegalStateException("not started");
        }
        return mdb;
    }

    /** Stops Jetty, then closes mdb's pools and health checks. */
    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            LOG.warn("trips: couldn't stop Jetty cleanly: {}", e.toString());
        } finally {
            server = null;
            if (mdb != null) {
                mdb.close();
                mdb = null;
            }
        }
    }

    private String secret() {
        String secret = environment.get(SECRET_VARIABLE);
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        LOG.warn(
                "trips: {} is not set; signing mdb_ctx cookies with a random secret, so cookies from an earlier run (or"
                        + " another instance) are ignored. Set {} to at least 32 random bytes, e.g. `export {}=$(openssl"
                        + " rand -hex 32)`.",
                SECRET_VARIABLE,
                SECRET_VARIABLE,
                SECRET_VARIABLE);
        return HexFormat.of().formatHex(random);
    }
}
