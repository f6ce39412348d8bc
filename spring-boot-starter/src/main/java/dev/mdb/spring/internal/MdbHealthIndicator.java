package dev.mdb.spring.internal;

import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReplicaStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code mdb} health contributor: one detail per replica, from the health checks' last probe (no new query). The
 * primary is the {@code db} indicator's business. Status: {@code UP} while every replica set (group/shard/role) has a
 * replica in rotation, replicas out of rotation listed in {@code outOfRotation}; {@link #DEGRADED} when a whole set is
 * out (its reads go to the primary, or fail under {@code no_replica_policy: fail}). Spring's default status order does
 * not know {@code DEGRADED}, so the application's overall health stays {@code UP}; add it to {@code
 * management.endpoint.health.status.order} to make it count.
 */
public final class MdbHealthIndicator implements HealthIndicator {
    /** A replica set without a replica in rotation. */
    public static final Status DEGRADED = new Status("DEGRADED", "a replica set has no replica in rotation");

    private final Mdb mdb;

    public MdbHealthIndicator(Mdb mdb) {
        this.mdb = Objects.requireNonNull(mdb, "mdb");
    }

    @Override
    public Health health() {
        List<ReplicaStatus> replicas = mdb.replicas().status(false);
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Boolean> setServes = new LinkedHashMap<>();
        List<String> out = new java.util.ArrayList<>();
        for (ReplicaStatus replica : replicas) {
            details.put(replica.entry(), details(replica));
            String set = replica.group() + "/" + replica.shard() + " " + replica.role();
            setServes.merge(set, replica.inRotation(), Boolean::logicalOr);
            if (!replica.inRotation()) {
                out.add(replica.entry());
            }
        }
        List<String> setsOut = setServes.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
        Health.Builder health = setsOut.isEmpty() ? Health.up() : Health.status(DEGRADED);
        health.withDetail("replicas", details).withDetail("outOfRotation", out);
        if (!setsOut.isEmpty()) {
            health.withDetail("setsWithoutReplica", setsOut);
        }
        return health.build();
    }

    private static Map<String, Object> details(ReplicaStatus replica) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", replica.group());
        row.put("shard", replica.shard().toString());
        row.put("role", replica.role().toString());
        row.put("location", replica.location());
        row.put("state", replica.state().label());
        row.put("inRotation", replica.inRotation());
        putIfPresent(row, "lagSeconds", replica.lagSeconds());
        putIfPresent(row, "lagBytes", replica.lagBytes());
        putIfPresent(row, "error", replica.error());
        return row;
    }

    private static void putIfPresent(Map<String, Object> row, String key, Object value) {
        if (value != null) {
            row.put(key, value);
        }
    }
}
