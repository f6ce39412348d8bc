package dev.mdb.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test class a real PostgreSQL primary with two streaming hot standbys on loopback,
 * built by {@code scripts/pg-replicas.sh}, for tests of replica routing, replication lag and replicas going away.
 *
 * <pre>{@code
 * @Tag("postgresql")
 * class ReplicaRoutingIT {
 *     @RegisterExtension
 *     static PostgresReplicaCluster cluster = PostgresReplicaCluster.create();
 *
 *     @Test
 *     void reading_replicaRole_runsOnStandby() throws Exception {
 *         String db = cluster.createDatabase();      // on the primary; both standbys see it; dropped in afterAll
 *         String yml = "test:\n  primary:\n" + cluster.ymlEntry(cluster.primaryPort(), db)
 *                 + "  primary_replica:\n" + cluster.ymlEntry(cluster.standbyPort(1), db) + "    replica: true\n";
 *         ... run "SELECT 1 -- " + marker through the reading role ...
 *         assertThat(cluster.statementLog(cluster.standbyPort(1), marker)).isNotEmpty();
 *         assertThat(cluster.statementLog(cluster.primaryPort(), marker)).isEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>The cluster: if {@value #CLUSTER_VARIABLE} is set, it names a DIR already started with {@code
 * scripts/pg-replicas.sh start DIR}; the extension uses it and leaves it running, as it found it (standbys it stopped
 * are started again, apply delays it set are removed, databases it created are dropped). Otherwise the extension runs
 * {@code scripts/pg-replicas.sh start} (found by walking up from the working directory) on a new temporary DIR and
 * stops it, removing DIR, in {@code afterAll}. Without the PostgreSQL server binaries, or when the script fails, the
 * tests are skipped, or fail when {@code CI=true}, with the script's output.
 *
 * <p>Every node listens on 127.0.0.1 and trusts user {@code postgres}; every statement is logged with its port (see
 * {@link #statementLog(int, String)}). Register the extension in a {@code static} field. Methods are thread-safe.
 */
public final class PostgresReplicaCluster implements BeforeAllCallback, AfterAllCallback {

    /** Names the DIR of a running cluster from {@code scripts/pg-replicas.sh start DIR}, used instead of a new one. */
    public static final String CLUSTER_VARIABLE = "MDB_IT_PG_REPLICAS";

    static final String SCRIPT = ReplicaScript.PATH;
    private static final List<String> NODES = List.of("primary", "standby1", "standby2");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration EXISTING_CHECK = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, String> env;
    private final Path workingDirectory;
    private final List<String> databases = Collections.synchronizedList(new ArrayList<>());
    private final Set<Integer> stoppedStandbys = ConcurrentHashMap.newKeySet();
    private final Set<Integer> delayedStandbys = ConcurrentHashMap.newKeySet();
    private volatile Cluster cluster;
    private String owner;

    /** A running cluster; {@code script} is null when not found, {@code owned} when this extension started it. */
    private record Cluster(Path dir, int primaryPort, int standby1Port, int standby2Port, Path script, boolean owned) {}

    @FunctionalInterface
    private interface SqlCondition {
        boolean test() throws SQLException;
    }

    PostgresReplicaCluster(Function<String, String> env, Path workingDirectory) {
        this.env = Objects.requireNonNull(env, "env");
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    /** An extension configured from the environment ({@value #CLUSTER_VARIABLE}, {@code CI}). */
    public static PostgresReplicaCluster create() {
        return new PostgresReplicaCluster(System::getenv, Path.of(""));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        String external = env.apply(CLUSTER_VARIABLE);
        cluster = external == null || external.isBlank() ? startOwn() : useExisting(Path.of(external.strip()));
        owner = context.getUniqueId();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (owner == null || !owner.equals(context.getUniqueId())) {
            return;
        }
        owner = null;
        Cluster current = requireStarted();
        try {
            if (current.owned()) {
                ReplicaScript.Result result = ReplicaScript.run(
                        current.script(), "stop", current.dir().toString());
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("couldn't stop " + describe() + "; run `" + SCRIPT + " stop "
                            + current.dir() + "` by hand. Output:\n" + result.output());
                }
            } else {
                restore();
            }
        } finally {
            cluster = null;
            databases.clear();
            stoppedStandbys.clear();
            delayedStandbys.clear();
        }
    }

    /** The primary's TCP port on 127.0.0.1. */
    public int primaryPort() {
        return requireStarted().primaryPort();
    }

    /** Standby {@code n}'s (1 or 2) TCP port on 127.0.0.1. */
    public int standbyPort(int n) {
        Cluster current = requireStarted();
        return requireStandby(n) == 1 ? current.standby1Port() : current.standby2Port();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE?user=postgres}; {@code null} database: {@code postgres}. */
    public String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + (database == null ? "postgres" : database)
                + "?user=postgres";
    }

    /** Opens a connection to {@code database} on the node at {@code port} (see {@link #jdbcUrl(int, String)}). */
    public Connection connect(int port, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl(port, database), properties);
    }

    /**
     * Creates an empty database {@code mdb_it_<8 hex>} on the primary and waits until every standby not stopped by
     * {@link #stopStandby(int)} has replayed it (so an apply delay makes this wait too). Dropped in {@code afterAll}.
     */
    public synchronized String createDatabase() {
        String name = "mdb_it_" + String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
        execute(primaryPort(), "create database '" + name + "'", "CREATE DATABASE \"" + name + "\"");
        databases.add(name);
        for (int n = 1; n <= 2; n++) {
            if (!stoppedStandbys.contains(n)) {
                int port = standbyPort(n);
                await(
                        "database '" + name + "' to appear on standby " + n + " (port " + port + ")",
                        () -> ask(port, "SELECT count(*) > 0 FROM pg_database WHERE datname = ?", name));
            }
        }
        return name;
    }

    /** Stops standby {@code n} (fast shutdown): its port refuses connections until {@link #startStandby(int)}. */
    public synchronized void stopStandby(int n) {
        requireStandby(n);
        runOrFail("stop standby " + n, "stop-standby", Integer.toString(n));
        stoppedStandbys.add(n);
    }

    /** Starts standby {@code n} and waits until it streams from the primary again. */
    public synchronized void startStandby(int n) {
        requireStandby(n);
        runOrFail("start standby " + n, "start-standby", Integer.toString(n));
        stoppedStandbys.remove(n);
    }

    /**
     * Sets {@code recovery_min_apply_delay} on standby {@code n}: it receives WAL at once but applies each commit only
     * {@code delay} after it happened on the primary. {@link Duration#ZERO} removes the delay. Returns once the setting
     * is in effect.
     */
    public synchronized void setApplyDelay(int n, Duration delay) {
        long millis = delay.toMillis();
        if (millis < 0 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "apply delay must be between 0 and " + Integer.MAX_VALUE + " ms: " + delay);
        }
        int port = standbyPort(n);
        String set = millis == 0
                ? "ALTER SYSTEM RESET recovery_min_apply_delay"
                : "ALTER SYSTEM SET recovery_min_apply_delay = '" + millis + "ms'";
        execute(port, "set the apply delay of standby " + n + " to " + millis + " ms", set, "SELECT pg_reload_conf()");
        await(
                "standby " + n + " (port " + port + ") to reload recovery_min_apply_delay = " + millis + " ms",
                () -> ask(
                        port,
                        "SELECT setting = ? FROM pg_settings WHERE name = 'recovery_min_apply_delay'",
                        Long.toString(millis)));
        if (millis == 0) {
            delayedStandbys.remove(n);
        } else {
            delayedStandbys.add(n);
        }
    }

    /**
     * Waits up to 30 s until standby {@code n} has replayed ({@code pg_last_wal_replay_lsn()}) all WAL the primary had
     * written ({@code pg_current_wal_lsn()}) when called: every transaction committed before is then visible there.
     */
    public void waitForReplay(int n) {
        int port = standbyPort(n);
        if (stoppedStandbys.contains(n)) {
            throw new IllegalStateException("standby " + n + " is stopped; call startStandby(" + n + ") first");
        }
        String target;
        try (Connection connection = connect(primaryPort(), null);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            row.next();
            target = row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "couldn't read the WAL position of " + describe() + ": " + e.getMessage(), e);
        }
        await(
                "standby " + n + " (port " + port + ") to replay the primary's WAL up to " + target,
                () -> ask(port, "SELECT coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)", target));
    }

    /** The server log of {@code node} ({@code primary}, {@code standby1}, {@code standby2}): every statement, with port. */
    public Path logFile(String node) {
        if (!NODES.contains(node)) {
            throw new IllegalArgumentException("node must be one of " + NODES + ", got '" + node + "'");
        }
        return requireStarted().dir().resolve(node + ".log");
    }

    /**
     * The lines of the log of the node at {@code port} that contain {@code marker}: put a unique marker in a comment of
     * a statement ({@code "SELECT 1 -- " + marker}) to prove which server ran it.
     */
    public List<String> statementLog(int port, String marker) {
        Objects.requireNonNull(marker, "marker");
        Path log = logFile(nodeAt(port));
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.contains(marker))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("couldn't read " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * The settings of a database.yml entry for {@code database} on the node at {@code port}, indented four spaces (under
     * {@code env:} and {@code name:}), newline-terminated: {@code adapter: postgresql}, {@code host: 127.0.0.1},
     * {@code port}, {@code username: postgres}, {@code database}. Add {@code replica: true} for a standby.
     */
    public String ymlEntry(int port, String database) {
        Objects.requireNonNull(database, "database");
        return DatabaseYml.entry(
                "postgresql", new ServerAddress("127.0.0.1", port, "postgres", null, "postgres"), database, 4);
    }

    @Override
    public String toString() {
        return "PostgresReplicaCluster[" + describe() + "]";
    }

    private Cluster startOwn() {
        Optional<Path> script = ReplicaScript.find(workingDirectory);
        if (script.isEmpty()) {
            return unavailable(SCRIPT + " was not found in " + workingDirectory + " or a parent directory.");
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()
                .resolve("mdb-pg-replicas-" + String.format(Locale.ROOT, "%08x", RANDOM.nextInt()));
        ReplicaScript.Result result = ReplicaScript.run(script.get(), "start", dir.toString());
        if (result.exitCode() != 0) {
            ReplicaScript.run(script.get(), "stop", dir.toString());
            return unavailable(
                    "`" + SCRIPT + " start " + dir + "` failed (exit " + result.exitCode() + ").",
                    "\nScript output:\n" + result.output().strip());
        }
        return readEnv(dir, script.get(), true);
    }

    private Cluster useExisting(Path dir) {
        Cluster existing = readEnv(
                dir.toAbsolutePath(), ReplicaScript.find(workingDirectory).orElse(null), false);
        String where = "the primary of " + CLUSTER_VARIABLE + "=" + dir + " (port " + existing.primaryPort() + ")";
        String sql = "SELECT count(*) = 2 FROM pg_stat_replication WHERE state = 'streaming'";
        long deadline = System.nanoTime() + EXISTING_CHECK.toNanos();
        while (true) {
            String problem;
            try {
                if (ask(existing.primaryPort(), sql, null)) {
                    return existing;
                }
                problem = where + " does not have 2 streaming standbys.";
            } catch (SQLException e) {
                problem = where + " does not answer: " + e.getMessage() + ".";
            }
            if (System.nanoTime() > deadline) {
                return unavailable(problem + " Check `" + SCRIPT + " status " + dir + "`, then run `" + SCRIPT
                        + " start " + dir + "`.");
            }
            pause();
        }
    }

    private Cluster readEnv(Path dir, Path script, boolean owned) {
        Path file = dir.resolve("cluster.env");
        try {
            Map<String, String> values = ReplicaScript.readEnv(file);
            return new Cluster(
                    dir,
                    Integer.parseInt(values.get("PRIMARY_PORT")),
                    Integer.parseInt(values.get("STANDBY1_PORT")),
                    Integer.parseInt(values.get("STANDBY2_PORT")),
                    script,
                    owned);
        } catch (IOException | NumberFormatException e) {
            return unavailable("couldn't read the ports from " + file + " (" + e + "); start the cluster with `"
                    + SCRIPT + " start " + dir + "`.");
        }
    }

    private Cluster unavailable(String problem) {
        return unavailable(problem, "");
    }

    /** Ends the caller's tests: skipped locally, failed when {@code CI=true}; {@code details} go last. */
    private Cluster unavailable(String problem, String details) {
        String message = "PostgreSQL replica cluster for integration tests not available: " + problem
                + " It needs the PostgreSQL server binaries (e.g. `apt-get install postgresql`; PG_BIN selects a"
                + " version) and a postgres OS user when run as root; or set " + CLUSTER_VARIABLE + " to a DIR"
                + " started with `" + SCRIPT + " start DIR`.";
        if ("true".equalsIgnoreCase(env.apply("CI"))) {
            throw new IllegalStateException(message + " Failing because CI=true." + details);
        }
        return Assumptions.abort(message + " Skipping (CI is not 'true')." + details);
    }

    /** Puts a cluster this extension did not start back as it found it. */
    private void restore() {
        List<String> failures = new ArrayList<>();
        List<RuntimeException> causes = new ArrayList<>();
        Runnable[] steps = {
            () -> new TreeSet<>(stoppedStandbys).forEach(this::startStandby),
            () -> new TreeSet<>(delayedStandbys).forEach(n -> setApplyDelay(n, Duration.ZERO)),
        };
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
                causes.add(e);
            }
        }
        List<String> created;
        synchronized (databases) {
            created = new ArrayList<>(databases);
        }
        for (String database : created) {
            try {
                execute(
                        primaryPort(),
                        "drop database '" + database + "'",
                        "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
                causes.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure =
                    new IllegalStateException("couldn't restore " + describe() + ": " + String.join("; ", failures));
            causes.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void runOrFail(String what, String... args) {
        Cluster current = requireStarted();
        if (current.script() == null) {
            throw new IllegalStateException("couldn't " + what + " of " + describe() + ": " + SCRIPT
                    + " was not found in " + workingDirectory + " or a parent directory");
        }
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add(current.dir().toString());
        ReplicaScript.Result result = ReplicaScript.run(current.script(), arguments.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("couldn't " + what + " of " + describe() + " (exit " + result.exitCode()
                    + "):\n" + result.output().strip());
        }
    }

    private void execute(int port, String what, String... statements) {
        try (Connection connection = connect(port, null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "couldn't " + what + " on port " + port + " of " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** The boolean in the first column of the first row of {@code sql}, run with one optional text parameter. */
    private boolean ask(int port, String sql, String parameter) throws SQLException {
        try (Connection connection = connect(port, null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Polls {@code condition} until it holds, for up to 30 s; SQL errors count as "not yet". */
    private void await(String what, SqlCondition condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        SQLException last = null;
        while (true) {
            try {
                if (condition.test()) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + WAIT.toSeconds() + " s waiting for " + what
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")") + "; logs in "
                        + requireStarted().dir());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replica cluster", e);
        }
    }

    private String nodeAt(int port) {
        Cluster current = requireStarted();
        if (port == current.primaryPort()) {
            return "primary";
        } else if (port == current.standby1Port()) {
            return "standby1";
        } else if (port == current.standby2Port()) {
            return "standby2";
        }
        throw new IllegalArgumentException("port " + port + " is not a node of " + describe());
    }

    private static int requireStandby(int n) {
        if (n != 1 && n != 2) {
            throw new IllegalArgumentException("standby number must be 1 or 2, got " + n);
        }
        return n;
    }

    private Cluster requireStarted() {
        Cluster current = cluster;
        if (current == null) {
            throw new IllegalStateException("the PostgresReplicaCluster has not started: register it with"
                    + " @RegisterExtension in a static field and use it from tests or lifecycle methods");
        }
        return current;
    }

    private String describe() {
        Cluster current = cluster;
        return current == null
                ? "the replica cluster (not started)"
                : "the replica cluster in " + current.dir() + " (primary port " + current.primaryPort()
                        + ", standby ports " + current.standby1Port() + ", " + current.standby2Port() + ")";
    }
}
