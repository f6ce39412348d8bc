package dev.mdb.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request's worth of routing memory, entered with {@link ConnectionRouter#within(UnitOfWork)} around the work (a
 * web filter does it per HTTP request). It carries the client's {@link ConsistencyState} in (reading routes honour it
 * with the {@link ReadConsistency} strategy), records which group/shard the work wrote on (so {@link
 * Mdb#recordWrites(UnitOfWork)} can produce the state to store for the client), and keeps the replica chosen per
 * group/shard so the rest of the unit reads from the same one (monotonic reads). Thread-safe; it travels with
 * {@link ConnectionRouter#capture()} snapshots.
 */
public final class UnitOfWork {
    private final ConsistencyState client;
    private final ReadConsistency consistency;
    private final boolean writesRefused;
    private final Set<RouteKey> writes = ConcurrentHashMap.newKeySet();
    private final Map<ReplicaSetKey, String> replicas = new ConcurrentHashMap<>();
    private final Map<RouteKey, ResolvedTarget> lastTargets = new ConcurrentHashMap<>();

    /**
     * @param client the client's state from its last requests ({@link ConsistencyState#empty()} when unknown)
     * @param consistency how reads honour {@code client}
     * @param writesRefused strict mode: every write in this unit is refused (guard and read-only session), even
     *     inside an explicit {@link Route#allowWrites()} frame
     */
    public UnitOfWork(ConsistencyState client, ReadConsistency consistency, boolean writesRefused) {
        this.client = Objects.requireNonNull(client, "client");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.writesRefused = writesRefused;
    }

    public ConsistencyState client() {
        return client;
    }

    public ReadConsistency consistency() {
        return consistency;
    }

    public boolean writesRefused() {
        return writesRefused;
    }

    /** Records a write on {@code key}; the routing data source calls it for every write statement it sends. */
    public void recordWrite(RouteKey key) {
        writes.add(Objects.requireNonNull(key, "key"));
    }

    /** Group/shards written in this unit so far. */
    public Set<RouteKey> writes() {
        return Set.copyOf(writes);
    }

    public boolean wrote() {
        return !writes.isEmpty();
    }

    /** The last target each group/shard was served by in this unit (for debug headers and logs). */
    public Map<RouteKey, ResolvedTarget> targets() {
        return Map.copyOf(lastTargets);
    }

    void served(ResolvedTarget target) {
        lastTargets.put(target.key(), target);
    }

    String stickyReplica(ReplicaSetKey setKey) {
        return replicas.get(setKey);
    }

    void stick(ReplicaSetKey setKey, String entry) {
        replicas.put(setKey, entry);
    }

    @Override
    public String toString() {
        return "UnitOfWork[" + consistency + (writesRefused ? ", writes refused" : "") + ", wrote " + writes + "]";
    }
}
