package dev.mdb.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides which server the integration tests use (STYLE.md §3.6). In order:
 *
 * <ol>
 *   <li>{@code MDB_IT_POSTGRES_URL} / {@code MDB_IT_MARIADB_URL}, if set (no fallback when it does not answer: the
 *       variable is an explicit choice);
 *   <li>the loopback server of the CI machine, if it accepts a connection within {@value #PROBE_TIMEOUT_SECONDS} s;
 *   <li>a Testcontainers container (extension point, not wired in);
 *   <li>nothing: skip the tests, or fail them when {@code CI=true}.
 * </ol>
 */
final class ServerLocator {

    static final int PROBE_TIMEOUT_SECONDS = 3;

    private ServerLocator() {}

    /** What the lookup found: an address, or why there is none. */
    record Result(Engine engine, ServerAddress address, String source, String problem) {

        /**
         * Returns the address, or ends the caller's tests: an abort (reported as skipped) locally, an
         * {@link IllegalStateException} (reported as failed) when the environment says {@code CI=true}.
         */
        ServerAddress require(Function<String, String> env) {
            if (address != null) {
                return address;
            }
            if ("true".equalsIgnoreCase(env.apply("CI"))) {
                throw new IllegalStateException(problem + " Failing because CI=true.");
            }
            return Assumptions.abort(problem + " Skipping (CI is not 'true').");
        }
    }

    /** Runs the lookup. It may take up to {@value #PROBE_TIMEOUT_SECONDS} s per candidate; callers cache the result. */
    static Result locate(Engine engine, Function<String, String> env) {
        String url = env.apply(engine.urlVariable());
        if (url != null && !url.isBlank()) {
            return fromEnvironment(engine, url);
        }
        List<String> tried = new ArrayList<>();
        tried.add(engine.urlVariable() + " is not set");

        ServerAddress loopback = engine.loopbackDefault();
        Optional<String> loopbackFailure = probe(engine, loopback);
        if (loopbackFailure.isEmpty()) {
            return new Result(engine, loopback, "loopback " + loopback.hostAndPort(), null);
        }
        tried.add("nothing answered on " + loopback.hostAndPort() + " as '" + loopback.username() + "' within "
                + PROBE_TIMEOUT_SECONDS + " s (" + loopbackFailure.get() + ")");

        Optional<ServerAddress> container = fromTestcontainers(engine);
        if (container.isPresent()) {
            return new Result(engine, container.get(), "Testcontainers", null);
        }
        tried.add("Testcontainers is not available");

        return missing(engine, String.join("; ", tried) + ".");
    }

    /**
     * Extension point: start a Testcontainers container when a Docker engine is usable (a contributor's laptop). Not
     * wired in: the CI machine has only the Docker client, so the project does not depend on Testcontainers. To add it,
     * depend on {@code org.testcontainers:testcontainers-postgresql} / {@code -mariadb}, start the container here when
     * {@code DockerClientFactory.instance().isDockerAvailable()}, and return its host, mapped port and credentials.
     */
    @SuppressWarnings("UnusedVariable") // the engine will choose the container image once this is wired in
    private static Optional<ServerAddress> fromTestcontainers(Engine engine) {
        return Optional.empty();
    }

    private static Result fromEnvironment(Engine engine, String url) {
        String shown = engine.urlVariable() + "=" + ServerAddress.redact(url.strip());
        ServerAddress address;
        try {
            address = ServerAddress.parse(engine, url);
        } catch (IllegalArgumentException e) {
            return missing(engine, shown + " is not usable: " + e.getMessage() + ".");
        }
        Optional<String> failure = probe(engine, address);
        if (failure.isPresent()) {
            return missing(
                    engine,
                    "nothing answered at " + shown + " within " + PROBE_TIMEOUT_SECONDS + " s (" + failure.get()
                            + ").");
        }
        return new Result(engine, address, engine.urlVariable(), null);
    }

    private static Result missing(Engine engine, String why) {
        String problem = engine.displayName() + " server for integration tests not found: " + why + " Start it with `"
                + engine.startCommand() + "`, or set " + engine.urlVariable() + " (e.g. " + engine.exampleUrl() + ").";
        return new Result(engine, null, null, problem);
    }

    /** Connects once; empty when that worked, else the first line of the driver's message. */
    private static Optional<String> probe(Engine engine, ServerAddress address) {
        try (Connection connection = open(engine, address, address.maintenanceDatabase(), PROBE_TIMEOUT_SECONDS)) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS)
                    ? Optional.empty()
                    : Optional.of("the connection did not answer a validity check");
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).strip();
            int newline = message.indexOf('\n');
            return Optional.of(newline < 0 ? message : message.substring(0, newline));
        }
    }

    /** Opens a connection with bounded connect and login time; the password never appears in the URL. */
    static Connection open(Engine engine, ServerAddress address, String database, int timeoutSeconds)
            throws SQLException {
        Properties properties = engine.connectionProperties(timeoutSeconds);
        properties.setProperty("user", address.username());
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        return DriverManager.getConnection(jdbcUrl(engine, address, database), properties);
    }

    /** {@code jdbc:postgresql://host:port/database} or {@code jdbc:mariadb://host:port/database?sslMode=allow}. */
    static String jdbcUrl(Engine engine, ServerAddress address, String database) {
        String name = database == null || database.isEmpty() ? address.maintenanceDatabase() : database;
        return engine.jdbcPrefix() + address.hostAndPort() + "/" + name + engine.jdbcParameters();
    }
}
