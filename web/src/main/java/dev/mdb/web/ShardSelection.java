package dev.mdb.web;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.DatabaseRouter;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.Shard;
import dev.mdb.runtime.ThrowingRunnable;
import dev.mdb.runtime.ThrowingSupplier;

/**
 * A request's shard from {@link ShardSelector#select(RequestView)}: either a shard to run the request on ({@link
 * #use(ThrowingRunnable)}), or a rejection with the status and plain-text message to answer with.
 */
public final class ShardSelection {
    private final ConnectionRouter router;
    private final String group;
    private final Shard shard;
    private final boolean lock;
    private final int status;
    private final String message;

    ShardSelection(ConnectionRouter router, String group, Shard shard, boolean lock) {
        this(router, group, shard, lock, 0, null);
    }

    private ShardSelection(
            ConnectionRouter router, String group, Shard shard, boolean lock, int status, String message) {
        this.router = router;
        this.group = group;
        this.shard = shard;
        this.lock = lock;
        this.status = status;
        this.message = message;
    }

    static ShardSelection rejected(int status, String message) {
        return new ShardSelection(null, null, null, false, status, message);
    }

    /** Whether the request must be answered with {@link #status()} and {@link #message()} instead of running. */
    public boolean rejected() {
        return shard == null;
    }

    /** The shard the request runs on; null when rejected. */
    public Shard shard() {
        return shard;
    }

    /** The HTTP status of a rejection (404 or 400 by default); 0 when accepted. */
    public int status() {
        return status;
    }

    /** The plain-text message of a rejection, naming the shard; null when accepted. */
    public String message() {
        return message;
    }

    /**
     * Runs {@code body} on the shard, with shard swapping prohibited when the selector locks, and returns its value.
     *
     * @throws IllegalStateException when the selection was rejected (the body must not run)
     */
    public <T, E extends Exception> T with(ThrowingSupplier<T, E> body) throws E {
        if (rejected()) {
            throw new IllegalStateException("the request was rejected (" + status + " " + message + "); don't run it");
        }
        DatabaseRouter database = router.database(group);
        return database.connectedTo(Route.shard(shard.name()))
                .with(() -> lock ? database.prohibitShardSwapping().with(body) : body.get());
    }

    /** Runs {@code body} on the shard; see {@link #with(ThrowingSupplier)}. */
    public <E extends Exception> void use(ThrowingRunnable<E> body) throws E {
        this.<Void, E>with(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return rejected()
                ? "ShardSelection[rejected " + status + " " + message + "]"
                : "ShardSelection[" + group + "/" + shard + (lock ? ", locked" : "") + "]";
    }
}
