package dev.mdb.web;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.WriteMark;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several contexts at once, typically a {@link SignedCookieResolverContext} for browsers and a {@link
 * HeaderResolverContext} for API clients: loads from every context and merges what is valid (the newest mark per
 * group/shard wins), saves to all of them.
 */
public final class CompositeResolverContext implements ResolverContext {
    private final List<ResolverContext> contexts;

    private CompositeResolverContext(List<ResolverContext> contexts) {
        this.contexts = contexts;
    }

    /** {@code contexts} in order; at least one. */
    public static CompositeResolverContext of(ResolverContext... contexts) {
        List<ResolverContext> list = List.of(contexts);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("CompositeResolverContext needs at least one context");
        }
        return new CompositeResolverContext(list);
    }

    @Override
    public ConsistencyState load(RequestView request) {
        Map<RouteKey, WriteMark> merged = new LinkedHashMap<>();
        for (ResolverContext context : contexts) {
            context.load(request)
                    .marks()
                    .forEach((key, mark) -> merged.merge(key, mark, CompositeResolverContext::newer));
        }
        return ConsistencyState.of(merged);
    }

    private static WriteMark newer(WriteMark a, WriteMark b) {
        if (a.writtenAtMillis() != b.writtenAtMillis()) {
            return a.writtenAtMillis() > b.writtenAtMillis() ? a : b;
        }
        return a.hasPosition() ? a : b;
    }

    @Override
    public void save(RequestView request, ResponseView response, ConsistencyState state, Duration retention) {
        for (ResolverContext context : contexts) {
            context.save(request, response, state, retention);
        }
    }

    @Override
    public void prepareWrite(RequestView request) {
        for (ResolverContext context : contexts) {
            context.prepareWrite(request);
        }
    }

    public List<ResolverContext> contexts() {
        return contexts;
    }

    @Override
    public String toString() {
        return "CompositeResolverContext" + contexts;
    }
}
