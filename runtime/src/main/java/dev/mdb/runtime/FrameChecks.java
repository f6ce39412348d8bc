package dev.mdb.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks a frame passes when entered, before the body runs; see {@link ConnectionRouter}'s rules. */
final class FrameChecks {
    static final String SHARD_SWAP_PROHIBITED = "cannot swap `shard` while shard swapping is prohibited.";

    private final Topology topology;

    FrameChecks(Topology topology) {
        this.topology = topology;
    }

    /** {@code groups} in topology order; each must exist. */
    List<String> covered(Set<String> groups) {
        groups.forEach(topology::group);
        return topology.groupNames().stream().filter(groups::contains).toList();
    }

    /**
     * Every resolved route must exist for a per-group frame; at least one for a global frame, else the default
     * group's error (Rails' Base) is thrown.
     */
    void requireRoutes(Map<String, ResolvedRoute> after, boolean global) {
        boolean anyResolves = false;
        for (ResolvedRoute route : after.values()) {
            DatabaseGroup group = topology.group(route.group());
            if (group.has(route.shard(), route.role())) {
                anyResolves = true;
            } else if (!global) {
                group.requireRoute(route.shard(), route.role());
            }
        }
        if (global && !anyResolves) {
            ResolvedRoute route = after.get(topology.defaultGroup());
            topology.group(route.group()).requireRoute(route.shard(), route.role());
        }
    }

    void requireSameShard(ResolvedRoute before, ResolvedRoute after) {
        if (!before.shard().equals(after.shard())) {
            throw new ShardSwapProhibitedException(SHARD_SWAP_PROHIBITED);
        }
    }

    /** {@code allowWrites()} is refused where a covered group resolves to a replica-only route. */
    void requireWritable(Map<String, ResolvedRoute> after) {
        for (ResolvedRoute route : after.values()) {
            DatabaseGroup group = topology.group(route.group());
            if (group.has(route.shard(), route.role()) && group.replicaOnly(route.shard(), route.role())) {
                List<String> targets = group.targets(route.shard(), route.role());
                throw new IllegalArgumentException("allowWrites() is not possible on the '" + route.role()
                        + "' role of database group '" + group.name() + "' (shard '" + route.shard()
                        + "', served by " + String.join(", ", targets) + "): reading and replica-only roles always"
                        + " prevent writes. Switch to the writing role to write.");
            }
        }
    }
}
