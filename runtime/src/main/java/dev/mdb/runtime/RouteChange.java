package dev.mdb.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A frame about to be entered, as a {@link RouteListener} sees it: the groups it covers (every group for a global
 * frame), the route it asks for, and each covered group's resolved route before and after. The frame has passed the
 * router's own checks (unknown group/role/shard, shard-swap lock, {@code allowWrites()} on a replica-only role).
 */
public record RouteChange(
        Set<String> groups,
        Route route,
        boolean prohibitsShardSwapping,
        Map<String, ResolvedRoute> before,
        Map<String, ResolvedRoute> after) {
    public RouteChange {
        groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        Objects.requireNonNull(route, "route");
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    /** Whether {@code group}'s role, shard or write prevention differs after entering. */
    public boolean changes(String group) {
        return !Objects.equals(before.get(group), after.get(group));
    }

    /** Covered groups whose resolved route changes, in topology order. */
    public Set<String> changedGroups() {
        Set<String> changed = new LinkedHashSet<>();
        groups.stream().filter(this::changes).forEach(changed::add);
        return Collections.unmodifiableSet(changed);
    }
}
