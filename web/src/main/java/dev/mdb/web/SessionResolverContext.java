package dev.mdb.web;

import dev.mdb.runtime.ConsistencyState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the client's state in its HTTP session (Rails' default {@code Resolver::Session}), as the encoded text of
 * {@link ConsistencyState#encode()} in one attribute ({@value #DEFAULT_ATTRIBUTE} by default), so it serialises and
 * replicates with any session store. Reading requests never create a session; writing requests create it before they
 * run, while its cookie can still be sent.
 */
public final class SessionResolverContext implements ResolverContext {
    /** The session attribute used unless another is given. */
    public static final String DEFAULT_ATTRIBUTE = "mdb.consistency";

    private final String attribute;

    public SessionResolverContext() {
        this(DEFAULT_ATTRIBUTE);
    }

    public SessionResolverContext(String attribute) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("the session attribute name must not be blank");
        }
    }

    @Override
    public ConsistencyState load(RequestView request) {
        Optional<SessionView> session = request.session(false);
        if (session.isEmpty()) {
            return ConsistencyState.empty();
        }
        Object value = session.get().attribute(attribute);
        return value instanceof String text
                ? ConsistencyState.decode(text).orElse(ConsistencyState.empty())
                : ConsistencyState.empty();
    }

    @Override
    public void save(RequestView request, ResponseView response, ConsistencyState state, Duration retention) {
        if (state.isEmpty()) {
            request.session(false).ifPresent(session -> session.attribute(attribute, null));
            return;
        }
        request.session(true).ifPresent(session -> session.attribute(attribute, state.encode()));
    }

    @Override
    public void prepareWrite(RequestView request) {
        request.session(true);
    }

    @Override
    public String toString() {
        return "SessionResolverContext[" + attribute + "]";
    }
}
