package dev.mdb.runtime;

import dev.mdb.runtime.internal.Frame;
import dev.mdb.runtime.internal.RouteContext;
import java.util.Objects;
import java.util.Set;

/**
 * A frame ready to be entered around a body (Rails' block form of {@code connected_to}). Immutable and reusable;
 * every {@code with}/{@code use} checks the frame when entering, before the body runs, and restores the previous
 * route afterwards, also when the body throws.
 */
public final class RouteBinding {
    private final ConnectionRouter router;
    private final Set<String> groups;
    private final Route route;
    private final boolean prohibitsShardSwapping;
    private final UnitOfWork unitOfWork;

    RouteBinding(ConnectionRouter router, Set<String> groups, Route route, boolean prohibitsShardSwapping) {
        this(router, groups, route, prohibitsShardSwapping, null);
    }

    RouteBinding(
            ConnectionRouter router,
            Set<String> groups,
            Route route,
            boolean prohibitsShardSwapping,
            UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.router = router;
        this.groups = groups;
        this.route = route;
        this.prohibitsShardSwapping = prohibitsShardSwapping;
    }

    /**
     * Runs {@code body} under this frame and returns its value; its checked exception passes through unchanged. When
     * the frame cannot be entered, {@link UnknownDatabaseGroupException}, {@link UnknownShardException}, {@link
     * UnknownRoleException}, {@link ShardSwapProhibitedException}, {@link IllegalArgumentException} or a listener's
     * exception is thrown and the body does not run.
     */
    public <T, E extends Exception> T with(ThrowingSupplier<T, E> body) throws E {
        Objects.requireNonNull(body, "body");
        Frame previous = RouteContext.top();
        Frame frame = router.enter(groups, route, prohibitsShardSwapping, unitOfWork, previous);
        RouteContext.set(frame);
        try {
            return body.get();
        } finally {
            router.leave(frame, previous);
        }
    }

    /** Runs {@code body} under this frame; see {@link #with(ThrowingSupplier)}. */
    public <E extends Exception> void use(ThrowingRunnable<E> body) throws E {
        Objects.requireNonNull(body, "body");
        this.<Void, E>with(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return "RouteBinding[" + (groups == null ? "all groups" : groups) + ", " + route
                + (prohibitsShardSwapping ? ", shard swapping prohibited" : "") + "]";
    }
}
