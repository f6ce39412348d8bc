package dev.mdb.runtime;

import java.util.Set;

/**
 * The switches of {@link ConnectionRouter} scoped to one database group (Rails' granular switching: {@code
 * AnimalsRecord.connected_to(role: :reading)} affects only that group). Frames entered here and global frames share
 * one stack: the newest frame covering the group wins.
 */
public final class DatabaseRouter {
    private final ConnectionRouter router;
    private final String group;

    DatabaseRouter(ConnectionRouter router, String group) {
        this.router = router;
        this.group = group;
    }

    /** The group's name. */
    public String name() {
        return group;
    }

    public DatabaseGroup group() {
        return router.topology().group(group);
    }

    /** A frame for this group only; needs a role and/or a shard (or a prevent/allow-writes choice). */
    public RouteBinding connectedTo(Route route) {
        return router.connectedToMany(Set.of(group), route);
    }

    /** A frame preventing writes on this group only. */
    public RouteBinding whilePreventingWrites() {
        return router.connectedToMany(Set.of(group), Route.preventingWrites());
    }

    /** A frame in which this group's shard may not change. */
    public RouteBinding prohibitShardSwapping() {
        return new RouteBinding(router, Set.of(group), new Route(null, null, null), true);
    }

    /** Opens a frame for this group until the returned scope is closed. */
    public RouteScope connectingTo(Route route) {
        return router.connectingTo(Set.of(group), route);
    }

    public ResolvedRoute current() {
        return router.current(group);
    }

    public Role currentRole() {
        return current().role();
    }

    public Shard currentShard() {
        return current().shard();
    }

    public boolean isPreventingWrites() {
        return current().writesPrevented();
    }

    public boolean isShardSwappingProhibited() {
        return router.isShardSwappingProhibited(group);
    }

    @Override
    public String toString() {
        return "DatabaseRouter[" + group + "]";
    }
}
