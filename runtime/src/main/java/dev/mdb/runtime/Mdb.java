package dev.mdb.runtime;

import dev.mdb.config.ConfigException;
import dev.mdb.config.DatabaseConfigurations;
import dev.mdb.runtime.internal.Events;
import dev.mdb.runtime.internal.TargetPools;
import dev.mdb.runtime.internal.Targets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point for applications: the topology of one environment of database.yml, its {@link ConnectionRouter},
 * one {@link RoutingDataSource} per database group, and the pools behind them (one per entry, created lazily, closed
 * with this handle).
 *
 * <pre>{@code
 * try (Mdb mdb = Mdb.fromDatabaseYml(Path.of("config/database.yml"), "production", System.getenv())) {
 *     DataSource ds = mdb.dataSource();
 *     mdb.router().connectedTo(Route.reading()).use(() -> report(ds));
 * }
 * }</pre>
 */
public final class Mdb implements AutoCloseable {
    private final Topology topology;
    private final ConnectionRouter router;
    private final TargetPools pools;
    private final Replicas replicas;
    private final Targets targets;
    private final Map<String, RoutingDataSource> dataSources = new ConcurrentHashMap<>();

    private Mdb(
            DatabaseConfigurations configs,
            String env,
            Path projectDir,
            List<MdbListener> listeners,
            PoolCustomizer poolCustomizer,
            RoleNames roleNames) {
        Events events = new Events(listeners);
        this.topology = Topology.from(configs, env, roleNames);
        this.router = new ConnectionRouter(topology, events);
        this.targets = new Targets(
                projectDir,
                name -> configs.find(env, name)
                        .orElseThrow(() -> new ConfigException("no database '" + name + "' in environment " + env)));
        this.pools = new TargetPools(targets, poolCustomizer);
        this.replicas = new Replicas(topology, pools, targets, events);
    }

    /**
     * For options beyond the database.yml: listeners (metrics) and a pool customizer.
     *
     * <pre>{@code
     * MdbMetrics metrics = new MdbMetrics(registry);
     * Mdb mdb = Mdb.builder(Path.of("config/database.yml"), "production")
     *         .listener(metrics)
     *         .poolCustomizer(metrics)
     *         .build();
     * metrics.bindReplicas(mdb);
     * }</pre>
     */
    public static Builder builder(Path databaseYml, String env) {
        return new Builder(Objects.requireNonNull(databaseYml, "databaseYml"), null, null, env);
    }

    /** The same for configurations loaded already (e.g. from a database.yml packaged in a jar). */
    public static Builder builder(DatabaseConfigurations configs, String env, Path projectDir) {
        return new Builder(null, Objects.requireNonNull(configs, "configs"), projectDir, env);
    }

    /** Options of an {@link Mdb}; {@link #build()} makes it. */
    public static final class Builder {
        private final Path databaseYml;
        private final DatabaseConfigurations configs;
        private final Path projectDir;
        private final String env;
        private Map<String, String> environment = System.getenv();
        private final List<MdbListener> listeners = new ArrayList<>();
        private final List<PoolCustomizer> customizers = new ArrayList<>();
        private RoleNames roleNames = RoleNames.DEFAULT;

        private Builder(Path databaseYml, DatabaseConfigurations configs, Path projectDir, String env) {
            this.databaseYml = databaseYml;
            this.configs = configs;
            this.projectDir = projectDir;
            this.env = Objects.requireNonNull(env, "env");
        }

        /** Stands for the process environment when database.yml is read (ERB, {@code DATABASE_URL}). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Calls the standard roles {@code writing} and {@code reading} (Rails' {@code writing_role} / {@code
         * reading_role}), e.g. {@code primary} and {@code replica}; see {@link RoleNames}.
         *
         * @throws IllegalArgumentException for blank or equal names, or names that swap the standard ones
         */
        public Builder roleNames(String writing, String reading) {
            this.roleNames = new RoleNames(writing, reading);
            return this;
        }

        /** Adds a listener of route resolutions, refused writes, replica state changes and leaked scopes. */
        public Builder listener(MdbListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds a customizer of each entry's HikariCP configuration (applied in the order added). */
        public Builder poolCustomizer(PoolCustomizer customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        public Mdb build() {
            List<PoolCustomizer> all = List.copyOf(customizers);
            PoolCustomizer customizer =
                    all.isEmpty() ? null : (entry, pool) -> all.forEach(c -> c.customize(entry, pool));
            if (configs != null) {
                return new Mdb(configs, env, projectDir.toAbsolutePath().normalize(), listeners, customizer, roleNames);
            }
            Path file = databaseYml.toAbsolutePath().normalize();
            return new Mdb(
                    DatabaseConfigurations.load(file, env, environment),
                    env,
                    projectOf(file),
                    listeners,
                    customizer,
                    roleNames);
        }
    }

    private static Path projectOf(Path file) {
        Path dir = file.getParent();
        return dir != null
                        && dir.getFileName() != null
                        && dir.getFileName().toString().equals("config")
                ? dir.getParent()
                : dir;
    }

    /**
     * Loads {@code databaseYml} for {@code env}; {@code environment} stands for the process environment (ERB and
     * {@code DATABASE_URL}). Relative SQLite paths resolve against the project directory: the parent of {@code
     * config/}, else the file's directory.
     */
    public static Mdb fromDatabaseYml(Path databaseYml, String env, Map<String, String> environment) {
        return builder(databaseYml, env).environment(environment).build();
    }

    /** Uses the process environment. */
    public static Mdb fromDatabaseYml(Path databaseYml, String env) {
        return fromDatabaseYml(databaseYml, env, System.getenv());
    }

    public static Mdb of(DatabaseConfigurations configs, String env, Path projectDir) {
        return builder(configs, env, projectDir).build();
    }

    public Topology topology() {
        return topology;
    }

    public ConnectionRouter router() {
        return router;
    }

    /** The routing data source of the default group ({@code primary}, else the first). */
    public RoutingDataSource dataSource() {
        return dataSource(topology.defaultGroup());
    }

    /** The routing data source of {@code group}; an unknown group throws {@link UnknownDatabaseGroupException}. */
    public RoutingDataSource dataSource(String group) {
        topology.group(group);
        return dataSources.computeIfAbsent(group, g -> new RoutingDataSource(g, router, pools, targets, replicas));
    }

    /** The replicas of this environment: their health and lag ({@link Replicas#status(boolean)}). */
    public Replicas replicas() {
        return replicas;
    }

    /**
     * The client state to store after {@code unit}: the client's earlier marks that still constrain reads, plus, for
     * every group/shard the unit wrote on, a mark with the time now and, on PostgreSQL, the primary's WAL insert
     * position (one query per written group/shard). An earlier mark is dropped once every replica in rotation of its
     * group/shard has replayed it (by the health checks' cached positions) or once it is past its time (the window's
     * delay, a position's lifetime); see the README's read-your-writes section. Call it after the unit's transactions
     * committed; for a unit that wrote nothing it sends no query, and returns {@code unit.client()} itself when no mark
     * was dropped (so a caller saves only when the result differs).
     */
    public ConsistencyState recordWrites(UnitOfWork unit) {
        ConsistencyState state = replicas.inForce(unit.client(), unit.consistency());
        for (RouteKey key : unit.writes()) {
            state = state.with(key, replicas.capture(key));
        }
        return state;
    }

    /** Stops the replica health checks and closes every pool; connections still borrowed are closed by their pool. */
    @Override
    public void close() {
        try {
            replicas.close();
        } finally {
            pools.close();
        }
    }
}
