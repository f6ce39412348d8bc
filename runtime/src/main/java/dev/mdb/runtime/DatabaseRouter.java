package dev.mdb.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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

    /** The group's shards in database.yml order (Rails' {@code shard_keys}). */
    public List<Shard> shardKeys() {
        return group().shards();
    }

    /**
     * Runs {@code body} once per shard of this group, one after the other in {@link #shardKeys()} order, each under
     * {@code route} with that shard (Rails 7.1's {@code connected_to_all_shards}), and returns the results by shard.
     * {@code route} sets the role and write prevention; it must not name a shard. The first exception stops the run
     * and propagates (the shards after it are not visited).
     *
     * @throws IllegalArgumentException when {@code route} names a shard
     */
    public <T, E extends Exception> Map<Shard, T> connectedToAllShards(Route route, ThrowingSupplier<T, E> body)
            throws E {
        requireNoShard(route);
        Map<Shard, T> results = new LinkedHashMap<>();
        for (Shard shard : shardKeys()) {
            results.put(
                    shard,
                    connectedTo(new Route(route.role(), shard, route.writesPrevented()))
                            .with(body));
        }
        return Collections.unmodifiableMap(results);
    }

    /**
     * The same with the shards side by side on {@code executor}: each task runs under the calling thread's routes
     * (captured now) plus {@code route} with its shard. Waits for every shard; the results are in {@link
     * #shardKeys()} order. When some fail, the first failing shard's exception is thrown (wrapped in an {@link
     * ExecutionException} whose message names the shard) with the others' attached as suppressed.
     *
     * @throws IllegalArgumentException when {@code route} names a shard
     * @throws InterruptedException when interrupted while waiting (the tasks are cancelled)
     */
    public <T> Map<Shard, T> connectedToAllShards(Route route, ExecutorService executor, Callable<T> body)
            throws ExecutionException, InterruptedException {
        requireNoShard(route);
        RouteSnapshot routes = router.capture();
        Map<Shard, Future<T>> futures = new LinkedHashMap<>();
        for (Shard shard : shardKeys()) {
            Route shardRoute = new Route(route.role(), shard, route.writesPrevented());
            futures.put(
                    shard,
                    executor.submit(routes.wrap(() -> connectedTo(shardRoute).with(body::call))));
        }
        Map<Shard, T> results = new LinkedHashMap<>();
        ExecutionException failure = null;
        try {
            for (Map.Entry<Shard, Future<T>> entry : futures.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    ExecutionException named = new ExecutionException(
                            "shard '" + entry.getKey() + "' of " + group + ": " + e.getCause(), e.getCause());
                    if (failure == null) {
                        failure = named;
                    } else {
                        failure.addSuppressed(named);
                    }
                }
            }
        } catch (InterruptedException e) {
            futures.values().forEach(f -> f.cancel(true));
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
        return Collections.unmodifiableMap(results);
    }

    private void requireNoShard(Route route) {
        if (route.shard() != null) {
            throw new IllegalArgumentException("connectedToAllShards visits every shard of " + group
                    + "; the route must not name one (it names '" + route.shard() + "')");
        }
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
