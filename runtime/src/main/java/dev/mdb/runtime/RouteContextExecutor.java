package dev.mdb.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ExecutorService} that runs every task under the routes of the thread that submitted it: the role, shard
 * and write prevention, and the unit of work (so a write made in the task is recorded for read-your-writes, and a
 * write on a reading route is refused as it would be on the request thread). The frames are captured when the task
 * is submitted ({@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny}, and so {@code
 * CompletableFuture.supplyAsync(supplier, executor)}) and the pool thread is left clean after each task. Made by
 * {@link ConnectionRouter#propagating(ExecutorService)}; shutting it down shuts down the executor it wraps.
 */
final class RouteContextExecutor extends AbstractExecutorService {
    private final ConnectionRouter router;
    private final ExecutorService delegate;

    RouteContextExecutor(ConnectionRouter router, ExecutorService delegate) {
        this.router = router;
        this.delegate = Objects.requireNonNull(delegate, "executor");
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(router.decorate(command));
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
        return "RouteContextExecutor[" + delegate + "]";
    }
}
