package dev.mdb.runtime;

/**
 * The physical target a route resolves to: the group, shard and role, the database.yml entry chosen among the
 * role's targets, whether writes are prevented, where it is ({@code host:port} or file) for messages, and why this
 * entry ({@link Reason}).
 */
public record ResolvedTarget(
        String group, Shard shard, Role role, String entry, boolean writesPrevented, String location, Reason reason) {

    /** Why a route went to its entry. */
    public enum Reason {
        /** The route's own entry (writing role, or a role with one entry and no replica choice). */
        ROUTE,
        /** A replica chosen by the balancer among the healthy, caught-up ones. */
        REPLICA,
        /** The primary, because the client wrote within the time window. */
        WINDOW_PRIMARY,
        /** The primary, because no replica has replayed the client's last write yet. */
        POSITION_NOT_REPLICATED,
        /** The primary, because no replica is healthy (the {@code primary_fallback} policy). */
        NO_HEALTHY_REPLICA,
        /** The primary, because the unit of work asked for strong consistency. */
        STRONG;

        /** Lower-case name for headers, logs and JSON ({@code window_primary}). */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The route key (group and shard) of this target. */
    public RouteKey key() {
        return new RouteKey(group, shard);
    }

    /** Whether a reading route was served by the primary instead of a replica. */
    public boolean servedByPrimaryInstead() {
        return reason == Reason.WINDOW_PRIMARY
                || reason == Reason.POSITION_NOT_REPLICATED
                || reason == Reason.NO_HEALTHY_REPLICA
                || reason == Reason.STRONG;
    }
}
