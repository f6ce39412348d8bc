package dev.mdb.runtime;

/**
 * Observes what mdb's runtime decides, for metrics and logs (see {@code dev.mdb.runtime.metrics.MdbMetrics} for
 * Micrometer). Registered with {@link Mdb.Builder#listener(MdbListener)}. Every method has an empty default, runs on
 * the thread where the decision was made (route resolutions on the application's, once per statement that picks a
 * physical connection, so keep them cheap) and must be thread-safe. An exception thrown by a listener is logged and
 * otherwise ignored: observing never changes routing. The same facts are JFR events: {@code dev.mdb.WriteRefused},
 * {@code dev.mdb.ReplicaState} and {@code dev.mdb.ReplicaLag} in any recording, {@code dev.mdb.RouteResolved} (one
 * per statement) only when a recording enables it.
 */
public interface MdbListener {
    /**
     * A logical connection resolved its route to a physical target: group, shard, role, entry and why ({@link
     * ResolvedTarget#reason()}; {@link ResolvedTarget#servedByPrimaryInstead()} marks a fallback to the primary).
     */
    default void routeResolved(ResolvedTarget target) {}

    /** The write guard refused a statement on {@code target} ({@code statement}: its first words, no values). */
    default void writeRefused(ResolvedTarget target, String statement) {}

    /**
     * A replica's health changed ({@code from} → {@code to}); {@code detail} is the probe error or the lag, may be
     * null.
     */
    default void replicaStateChanged(String replica, TargetState from, TargetState to, String detail) {}

    /** A scope opened with {@code connectingTo} inside a block was not closed by it (the block closed it). */
    default void scopeLeaked() {}
}
