package dev.mdb.runtime.internal;

/**
 * The one per-thread slot holding the top of the route stack. No {@code InheritableThreadLocal}: new threads start
 * empty and get a route only through an explicit snapshot. An empty stack is stored as {@code remove()}, never as a
 * null value, so pooled and virtual threads keep no stale entry.
 */
public final class RouteContext {
    private static final ThreadLocal<Frame> TOP = new ThreadLocal<>();

    private RouteContext() {}

    /** The innermost frame of the current thread, or null when no frame is active. */
    public static Frame top() {
        return TOP.get();
    }

    /** Makes {@code frame} the top of the current thread's stack; null clears the slot with {@code remove()}. */
    public static void set(Frame frame) {
        if (frame == null) {
            TOP.remove();
        } else {
            TOP.set(frame);
        }
    }
}
