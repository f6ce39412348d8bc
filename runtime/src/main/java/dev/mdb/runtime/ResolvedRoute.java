package dev.mdb.runtime;

import java.util.Objects;

/**
 * The route a group resolves to on the current thread: the role, the shard and whether writes are prevented, after
 * every active frame and the topology's forced prevention (reading and replica-only roles) are applied.
 */
public record ResolvedRoute(String group, Role role, Shard shard, boolean writesPrevented) {
    public ResolvedRoute {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(shard, "shard");
    }
}
