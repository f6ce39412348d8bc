package dev.mdb.runtime;

import dev.mdb.runtime.internal.Frame;
import dev.mdb.runtime.internal.RouteContext;

/**
 * An open frame from {@code connectingTo} (Rails' {@code connecting_to}, made safe): it lasts until {@link #close()},
 * normally through try-with-resources. Scopes close in LIFO order on the thread that opened them; closing one that is
 * not the innermost open frame throws {@link IllegalStateException} and changes nothing. Closing twice is a no-op.
 */
public final class RouteScope implements AutoCloseable {
    private final Frame frame;
    private final Frame previous;
    private final Thread thread;
    private final String description;
    private boolean closed;

    RouteScope(Frame frame, Frame previous, String description) {
        this.frame = frame;
        this.previous = previous;
        this.thread = Thread.currentThread();
        this.description = description;
    }

    /** Whether the scope is still open. */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Restores the route that was current when the scope opened.
     *
     * @throws IllegalStateException when called on another thread, or while a frame entered after this one is still
     *     active (close inner scopes first); nothing changes then
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("connectingTo scope " + description + " must be closed on the thread that"
                    + " opened it (" + thread.getName() + "), not on "
                    + Thread.currentThread().getName() + ".");
        }
        if (RouteContext.top() != frame) {
            throw new IllegalStateException("connectingTo scope " + description + " closed out of order: a route"
                    + " entered after it is still active. Close scopes innermost first (try-with-resources does).");
        }
        RouteContext.set(previous);
        closed = true;
    }

    @Override
    public String toString() {
        return "RouteScope[" + description + (closed ? ", closed" : ", open") + "]";
    }
}
