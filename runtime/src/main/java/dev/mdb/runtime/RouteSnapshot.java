package dev.mdb.runtime;

import dev.mdb.runtime.internal.Frame;
import dev.mdb.runtime.internal.RouteContext;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The frames active on a thread when {@link ConnectionRouter#capture()} ran, immutable, to run work on another thread
 * under the same routes (an executor, {@code CompletableFuture}, a virtual thread). Running replaces the running
 * thread's frames for the duration of the body and then restores them exactly, so a pool thread is clean afterwards.
 * Scopes opened with {@code connectingTo} inside the body must be closed inside it.
 */
public final class RouteSnapshot {
    private static final RouteSnapshot EMPTY = new RouteSnapshot(null);

    private final Frame top;

    RouteSnapshot(Frame top) {
        this.top = top;
    }

    /** A snapshot with no frames: runs bodies on the default routes. */
    public static RouteSnapshot empty() {
        return EMPTY;
    }

    /** Whether no frame was active when captured. */
    public boolean isEmpty() {
        return top == null;
    }

    /** Runs {@code body} on this thread under the captured frames and returns its value. */
    public <T, E extends Exception> T with(ThrowingSupplier<T, E> body) throws E {
        Objects.requireNonNull(body, "body");
        Frame previous = RouteContext.top();
        RouteContext.set(top);
        try {
            return body.get();
        } finally {
            RouteContext.set(previous);
        }
    }

    /** Runs {@code body} on this thread under the captured frames. */
    public <E extends Exception> void use(ThrowingRunnable<E> body) throws E {
        Objects.requireNonNull(body, "body");
        this.<Void, E>with(() -> {
            body.run();
            return null;
        });
    }

    /** {@code task}, run under the captured frames wherever it runs. */
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> use(task::run);
    }

    /** {@code task}, run under the captured frames wherever it runs. */
    public <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> with(task::call);
    }
}
