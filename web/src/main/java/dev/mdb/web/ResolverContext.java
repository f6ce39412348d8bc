package dev.mdb.web;

import dev.mdb.runtime.ConsistencyState;
import java.time.Duration;

/**
 * Where a client's {@link ConsistencyState} lives between its requests (Rails' {@code database_resolver_context}):
 * {@link SessionResolverContext}, {@link SignedCookieResolverContext}, {@link HeaderResolverContext} or {@link
 * CompositeResolverContext}. Implementations are thread-safe and never fail a request because of what a client sent:
 * a missing, malformed, forged or expired value loads as {@link ConsistencyState#empty()}.
 */
public interface ResolverContext {
    /** The client's state sent with {@code request}; empty when there is none or it is not valid. */
    ConsistencyState load(RequestView request);

    /**
     * Stores {@code state} for the client, before {@code response} commits. {@code retention} is how long the state
     * can matter (at most {@link dev.mdb.runtime.ReadConsistency#retention()}, counted from its newest mark): a
     * cookie's {@code Max-Age}. An empty state clears what the client holds (a reading request whose marks were all
     * dropped saves one).
     */
    void save(RequestView request, ResponseView response, ConsistencyState state, Duration retention);

    /** Called before a writing request runs: a session context creates the session while its cookie can be sent. */
    default void prepareWrite(RequestView request) {}
}
