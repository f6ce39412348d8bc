package dev.mdb.runtime.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.MdbListener;
import dev.mdb.runtime.PoolCustomizer;
import dev.mdb.runtime.ReplicaStatus;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import dev.mdb.runtime.TargetState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * mdb's metrics in a Micrometer {@link MeterRegistry} (micrometer-core is an optional dependency of mdb-runtime: add
 * it to use this class). Register it as both a listener and a pool customizer, then bind the replica gauges:
 *
 * <pre>{@code
 * MdbMetrics metrics = new MdbMetrics(registry);
 * Mdb mdb = Mdb.builder(Path.of("config/database.yml"), "production").listener(metrics).poolCustomizer(metrics).build();
 * metrics.bindReplicas(mdb);
 * }</pre>
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code mdb.route.resolutions}</td><td>counter</td><td>group, shard, role, reason (route, replica,
 *     window_primary, position_not_replicated, no_healthy_replica, strong)</td></tr>
 * <tr><td>{@code mdb.replica.fallbacks}</td><td>counter</td><td>group, shard, reason: reading routes the primary
 *     served</td></tr>
 * <tr><td>{@code mdb.write.refusals}</td><td>counter</td><td>group, shard, role</td></tr>
 * <tr><td>{@code mdb.replica.transitions}</td><td>counter</td><td>replica, from, to</td></tr>
 * <tr><td>{@code mdb.scope.leaks}</td><td>counter</td><td></td></tr>
 * <tr><td>{@code mdb.replica.lag.seconds}, {@code mdb.replica.lag.bytes}</td><td>gauge (NaN when unknown)</td>
 *     <td>replica</td></tr>
 * <tr><td>{@code mdb.replica.in.rotation}</td><td>gauge, 1 or 0</td><td>replica</td></tr>
 * <tr><td>{@code hikaricp.connections.*}</td><td>HikariCP's own pool meters</td><td>pool ({@code
 *     mdb-ENV-ENTRY})</td></tr>
 * </table>
 */
public final class MdbMetrics implements MdbListener, PoolCustomizer {
    private final MeterRegistry registry;
    private final Map<Resolution, Counter> resolutions = new ConcurrentHashMap<>();
    private final Map<Resolution, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<Resolution, Counter> refusals = new ConcurrentHashMap<>();
    private final Counter leaks;

    private record Resolution(String group, Shard shard, Role role, ResolvedTarget.Reason reason) {}

    public MdbMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.leaks = Counter.builder("mdb.scope.leaks")
                .description("connectingTo scopes left open by the block that opened them")
                .register(registry);
    }

    @Override
    public void routeResolved(ResolvedTarget target) {
        Resolution key = new Resolution(target.group(), target.shard(), target.role(), target.reason());
        resolutions
                .computeIfAbsent(
                        key,
                        k -> Counter.builder("mdb.route.resolutions")
                                .description("Logical connections resolved to a physical target")
                                .tag("group", k.group())
                                .tag("shard", k.shard().toString())
                                .tag("role", k.role().toString())
                                .tag("reason", k.reason().label())
                                .register(registry))
                .increment();
        if (target.servedByPrimaryInstead()) {
            fallbacks
                    .computeIfAbsent(
                            key,
                            k -> Counter.builder("mdb.replica.fallbacks")
                                    .description("Reading routes the primary served instead of a replica")
                                    .tag("group", k.group())
                                    .tag("shard", k.shard().toString())
                                    .tag("reason", k.reason().label())
                                    .register(registry))
                    .increment();
        }
    }

    @Override
    public void writeRefused(ResolvedTarget target, String statement) {
        refusals.computeIfAbsent(
                        new Resolution(target.group(), target.shard(), target.role(), ResolvedTarget.Reason.ROUTE),
                        k -> Counter.builder("mdb.write.refusals")
                                .description("Statements the write guard refused")
                                .tag("group", k.group())
                                .tag("shard", k.shard().toString())
                                .tag("role", k.role().toString())
                                .register(registry))
                .increment();
    }

    @Override
    public void replicaStateChanged(String replica, TargetState from, TargetState to, String detail) {
        Counter.builder("mdb.replica.transitions")
                .description("Replica health state changes")
                .tag("replica", replica)
                .tag("from", from.label())
                .tag("to", to.label())
                .register(registry)
                .increment();
    }

    @Override
    public void scopeLeaked() {
        leaks.increment();
    }

    /** HikariCP's pool meters for every pool, unless a metrics tracker was set already. */
    @Override
    public void customize(DatabaseConfig entry, HikariConfig pool) {
        if (pool.getMetricsTrackerFactory() == null && pool.getMetricRegistry() == null) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    /** Lag and rotation gauges for every replica of {@code mdb}'s environment (read when the registry is scraped). */
    public void bindReplicas(Mdb mdb) {
        for (ReplicaStatus replica : mdb.replicas().status(false)) {
            String entry = replica.entry();
            gauge(mdb, "mdb.replica.lag.seconds", entry, "Replica lag in seconds", s -> orNaN(s.lagSeconds()));
            gauge(mdb, "mdb.replica.lag.bytes", entry, "Replica lag in bytes (PostgreSQL)", s -> orNaN(s.lagBytes()));
            gauge(
                    mdb,
                    "mdb.replica.in.rotation",
                    entry,
                    "1 when the replica serves reads",
                    s -> s.inRotation() ? 1 : 0);
        }
    }

    private void gauge(Mdb mdb, String name, String entry, String description, ToDoubleFunction<ReplicaStatus> value) {
        Gauge.builder(name, mdb, m -> {
                    Optional<ReplicaStatus> status = m.replicas().statusOf(entry);
                    return status.map(value::applyAsDouble).orElse(Double.NaN);
                })
                .description(description)
                .tag("replica", entry)
                .register(registry);
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
