package dev.mdb.runtime;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.Engine;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.internal.Balancer;
import dev.mdb.runtime.internal.Events;
import dev.mdb.runtime.internal.HealthMonitor;
import dev.mdb.runtime.internal.PositionToken;
import dev.mdb.runtime.internal.ReplicaSettings;
import dev.mdb.runtime.internal.TargetHealth;
import dev.mdb.runtime.internal.TargetPools;
import dev.mdb.runtime.internal.Targets;
import dev.mdb.runtime.internal.WriteMarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas of one environment: which replica a reading route uses (balancing among the healthy, caught-up ones,
 * honouring a {@link UnitOfWork}'s client state), their health ({@link #status(boolean)}), and the write positions
 * {@link Mdb#recordWrites(UnitOfWork)} hands to clients. A replica set is the entries of a reading (or custom) role of
 * one shard when every one of them is a replica and the shard has a writer; other routes are plain round robin.
 * Settings come from database.yml: see the README's "Replicas" section.
 */
public final class Replicas implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);
    private static final int ON_DEMAND_CHECKS = 2;

    private final Topology topology;
    private final TargetPools pools;
    private final Targets targets;
    private final HealthMonitor monitor;
    private final Map<String, DatabaseConfig> entries = new LinkedHashMap<>();
    private final Map<ReplicaSetKey, Balancer> balancers = new ConcurrentHashMap<>();
    private final Map<String, String> systemIds = new ConcurrentHashMap<>();
    /** Each replica's {@code weight}, parsed once at start (read-only afterwards). */
    private final Map<String, Integer> weights = new HashMap<>();

    Replicas(Topology topology, TargetPools pools, Targets targets, Events events) {
        this.topology = topology;
        this.pools = pools;
        this.targets = targets;
        for (DatabaseGroup group : topology.groups()) {
            for (DatabaseConfig config : group.configs()) {
                entries.put(config.name(), config);
            }
        }
        this.monitor = new HealthMonitor(targets::target, events);
        validateSettings();
    }

    /** Parses every replica key once, so a bad value fails when mdb starts, not at the first read. */
    private void validateSettings() {
        for (DatabaseGroup group : topology.groups()) {
            for (Shard shard : group.shards()) {
                for (Role role : group.roles(shard)) {
                    String writer = replicaSetWriter(group, shard, role);
                    if (writer != null) {
                        DatabaseConfig writerConfig = group.config(writer);
                        ReplicaSettings.balancing(writerConfig);
                        ReplicaSettings.failWithoutReplica(writerConfig);
                        for (String entry : group.targets(shard, role)) {
                            weights.put(entry, ReplicaSettings.weight(group.config(entry)));
                            watchFor(entry, writerConfig);
                        }
                    }
                }
            }
        }
    }

    JdbcTarget target(String entry) {
        return targets.target(entry);
    }

    /** The writer of {@code shard} when {@code role}'s entries there form a replica set, else null. */
    static String replicaSetWriter(DatabaseGroup group, Shard shard, Role role) {
        if (role.equals(Role.WRITING) || !group.has(shard, Role.WRITING)) {
            return null;
        }
        for (String entry : group.targets(shard, role)) {
            if (!group.isReplica(entry)) {
                return null;
            }
        }
        return group.targets(shard, Role.WRITING).get(0);
    }

    /** Where a reading route of a replica set goes now; see the class comment. */
    ResolvedTarget choose(DatabaseGroup group, Shard shard, Role role, String writer, UnitOfWork unit)
            throws NoHealthyReplicaException {
        List<String> members = group.targets(shard, role);
        DatabaseConfig writerConfig = group.config(writer);
        for (String member : members) {
            watch(member, writerConfig);
        }
        RouteKey key = new RouteKey(group.name(), shard);
        ReplicaSetKey setKey = new ReplicaSetKey(group.name(), shard, role);
        List<String> eligible = new ArrayList<>(members.size());
        for (String member : members) {
            if (monitor.health(member).inRotation()) {
                eligible.add(member);
            }
        }
        ResolvedTarget.Reason primaryReason = null;
        if (unit != null) {
            primaryReason = applyClientState(unit, key, eligible, target(writer).engine());
        }
        if (primaryReason == null && eligible.isEmpty()) {
            if (ReplicaSettings.failWithoutReplica(writerConfig)) {
                throw new NoHealthyReplicaException(noReplicaMessage(group, shard, role));
            }
            primaryReason = ResolvedTarget.Reason.NO_HEALTHY_REPLICA;
        }
        if (primaryReason != null) {
            return new ResolvedTarget(
                    group.name(), shard, role, writer, true, target(writer).location(), primaryReason);
        }
        String entry = unit == null ? null : unit.stickyReplica(setKey);
        if (entry == null || !eligible.contains(entry)) {
            entry = balancers
                    .computeIfAbsent(setKey, k -> new Balancer(ReplicaSettings.balancing(writerConfig)))
                    .pick(eligible, weights::get, e -> monitor.health(e).inFlight());
            if (unit != null) {
                unit.stick(setKey, entry);
            }
        }
        return new ResolvedTarget(
                group.name(), shard, role, entry, true, target(entry).location(), ResolvedTarget.Reason.REPLICA);
    }

    /**
     * Narrows {@code eligible} to the replicas that satisfy the unit's client state; returns why the primary must
     * serve instead, or null.
     */
    private ResolvedTarget.Reason applyClientState(
            UnitOfWork unit, RouteKey key, List<String> eligible, Engine writerEngine) {
        if (unit.writes().contains(key)) {
            return ResolvedTarget.Reason.WINDOW_PRIMARY;
        }
        WriteMark mark = unit.client().marks().get(key);
        if (mark == null) {
            return null;
        }
        ReadConsistency consistency = unit.consistency();
        long age = System.currentTimeMillis() - mark.writtenAtMillis();
        PositionToken position = consistency.isCausal() ? PositionToken.parse(mark.position(), writerEngine) : null;
        if (position != null && age < consistency.tokenTtl().toMillis()) {
            int[] asked = {0};
            eligible.removeIf(entry -> !replayed(entry, position, asked));
            if (eligible.isEmpty()) {
                return ResolvedTarget.Reason.POSITION_NOT_REPLICATED;
            }
            return null;
        }
        return age < consistency.delay().toMillis() ? ResolvedTarget.Reason.WINDOW_PRIMARY : null;
    }

    /**
     * Whether {@code entry} has replayed {@code position}: from the health checks' cache ({@link
     * TargetHealth#hasReplayed}), else by asking at most {@value #ON_DEMAND_CHECKS} replicas per choice. A replica of
     * another cluster (system identifier) never has.
     */
    private boolean replayed(String entry, PositionToken position, int[] asked) {
        TargetHealth health = monitor.health(entry);
        if (health.hasReplayed(position)) {
            return true;
        }
        String identity = health.identity();
        if ((identity != null && !identity.startsWith(position.systemId() + "@")) || asked[0] >= ON_DEMAND_CHECKS) {
            return false;
        }
        asked[0]++;
        return askReplay(entry) && health.hasReplayed(position);
    }

    /** Asks a replica for its replay position now, on a pooled connection; false when it can't. */
    private boolean askReplay(String entry) {
        Engine engine = target(entry).engine();
        if (!engine.has(Capability.REPLICATION_POSITIONS)) {
            return false;
        }
        try (Connection connection = pools.pool(entry).getConnection()) {
            long replay = engine.replayPosition(connection);
            if (replay == -1) {
                return false;
            }
            monitor.health(entry).observeReplay(replay);
            return true;
        } catch (SQLException e) {
            monitor.failed(entry, e);
            return false;
        }
    }

    /**
     * {@code state} without the marks that no longer constrain any read ({@link WriteMarks#inForce}): those every replica
     * in rotation of their group/shard has replayed, by the health checks' cached positions, and those past their time
     * (the window's delay; a position's lifetime). A mark whose group/shard has no replica set only expires by time.
     * Sends no query; returns {@code state} itself when every mark stays.
     */
    ConsistencyState inForce(ConsistencyState state, ReadConsistency consistency) {
        if (state.isEmpty()) {
            return state;
        }
        long now = System.currentTimeMillis();
        return state.retaining((key, mark) -> inForce(key, mark, consistency, now));
    }

    private boolean inForce(RouteKey key, WriteMark mark, ReadConsistency consistency, long now) {
        List<TargetHealth> members = new ArrayList<>();
        PositionToken position = null;
        if (topology.hasGroup(key.group())) {
            DatabaseGroup group = topology.group(key.group());
            for (Role role : group.roles(key.shard())) {
                String writer = replicaSetWriter(group, key.shard(), role);
                if (writer == null) {
                    continue;
                }
                for (String entry : group.targets(key.shard(), role)) {
                    members.add(monitor.health(entry));
                }
                if (position == null && consistency.isCausal()) {
                    position =
                            PositionToken.parse(mark.position(), target(writer).engine());
                }
            }
        }
        return WriteMarks.inForce(mark, consistency, position, members, now);
    }

    /** The mark to give a client after it wrote on {@code key}: now, plus the writer's position where available. */
    WriteMark capture(RouteKey key) {
        long now = System.currentTimeMillis();
        DatabaseGroup group = topology.group(key.group());
        if (!group.has(key.shard(), Role.WRITING)) {
            return WriteMark.at(now);
        }
        String writer = group.targets(key.shard(), Role.WRITING).get(0);
        Engine engine = target(writer).engine();
        if (!engine.has(Capability.REPLICATION_POSITIONS)) {
            return WriteMark.at(now);
        }
        try (Connection connection = pools.pool(writer).getConnection()) {
            String systemId = systemIds.get(writer);
            if (systemId == null) {
                String identity = engine.probe(connection).identity();
                systemId = identity.substring(0, identity.indexOf('@'));
                systemIds.put(writer, systemId);
            }
            long position = engine.currentPosition(connection);
            return new WriteMark(now, new PositionToken(systemId, position).format(engine));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not read the write position of '{}' ({}); the time window applies", writer, e.getMessage());
            return WriteMark.at(now);
        }
    }

    /** The health of {@code entry} as the checks and requests last saw it. */
    TargetHealth health(String entry) {
        return monitor.health(entry);
    }

    /** Whether a connection to {@code entry} may still be used for new work (not taken out of rotation). */
    boolean inRotation(String entry) {
        return monitor.health(entry).inRotation();
    }

    void failed(String entry, Throwable cause) {
        monitor.failed(entry, cause);
        if (pools.created().containsKey(entry)) {
            pools.pool(entry).getHikariPoolMXBean().softEvictConnections();
        }
    }

    void borrowed(String entry) {
        monitor.health(entry).borrowed();
    }

    void returned(String entry) {
        monitor.health(entry).returned();
    }

    private void watch(String entry, DatabaseConfig writer) {
        if (monitor.watchOf(entry) == null) {
            monitor.watch(entry, watchFor(entry, writer));
        }
    }

    private HealthMonitor.Watch watchFor(String entry, DatabaseConfig writer) {
        return new HealthMonitor.Watch(
                writer.name(),
                ReplicaSettings.interval(writer),
                ReplicaSettings.timeout(writer),
                ReplicaSettings.maxReplicationLag(entries.get(entry), writer),
                ReplicaSettings.maxBackoff(writer));
    }

    /** The last known health of {@code entry} (a replica), without probing; empty for entries that aren't replicas. */
    public java.util.Optional<ReplicaStatus> statusOf(String entry) {
        return status(false).stream().filter(r -> r.entry().equals(entry)).findFirst();
    }

    /**
     * Every replica of the environment, in database.yml order. With {@code probe}, each is probed now (on the calling
     * thread); otherwise the last known health is reported (UNKNOWN before the first probe).
     */
    public List<ReplicaStatus> status(boolean probe) {
        List<ReplicaStatus> rows = new ArrayList<>();
        for (DatabaseGroup group : topology.groups()) {
            for (Shard shard : group.shards()) {
                for (Role role : group.roles(shard)) {
                    String writer = replicaSetWriter(group, shard, role);
                    if (writer == null) {
                        continue;
                    }
                    for (String entry : group.targets(shard, role)) {
                        HealthMonitor.Watch watch = watchFor(entry, group.config(writer));
                        TargetHealth health = probe ? monitor.probeNow(entry, watch) : monitor.health(entry);
                        rows.add(new ReplicaStatus(
                                group.name(),
                                shard,
                                role,
                                entry,
                                target(entry).location(),
                                writer,
                                health.state(),
                                health.reachable(),
                                health.serverRole(),
                                health.lagSeconds(),
                                health.lagBytes(),
                                watch.maxLag().toMillis() / 1000.0,
                                weights.get(entry),
                                health.error()));
                    }
                }
            }
        }
        return rows;
    }

    private static String noReplicaMessage(DatabaseGroup group, Shard shard, Role role) {
        return "no healthy replica for " + (group.isDefaultGroup() ? "" : group.name() + " ")
                + "'" + role + "' role" + (shard.equals(group.defaultShard()) ? "" : " on '" + shard + "' shard")
                + " and no_replica_policy is fail. Check them with `mdb db:replicas`, or set no_replica_policy:"
                + " primary_fallback to read from the primary meanwhile.";
    }

    @Override
    public void close() {
        monitor.close();
    }
}
