package dev.mdb.runtime;

/**
 * Called by {@link ConnectionRouter} on the entering thread before a frame ({@code connectedTo}, {@code
 * connectingTo}, {@code whilePreventingWrites}, {@code prohibitShardSwapping}, global or per group) is pushed, after
 * the router's own checks passed. Throwing vetoes the switch: the frame is not pushed, the body does not run, and the
 * exception reaches the caller unchanged. The routing {@code DataSource} uses this to throw {@link
 * RouteSwitchInTransactionException} when {@link RouteChange#changes(String)} is true for a group with an open
 * transaction on this thread. Running a {@link RouteSnapshot} does not call listeners. Implementations must be
 * thread-safe and fast; they run on every switch.
 */
@FunctionalInterface
public interface RouteListener {
    void beforeEnter(RouteChange change);
}
