package dev.mdb.web;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.DatabaseGroup;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.ReadConsistency;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Route;
import dev.mdb.runtime.RouteBinding;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.ThrowingSupplier;
import dev.mdb.runtime.UnitOfWork;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rails' {@code DatabaseSelector} without a web framework: per request, reading requests ({@link Resolver}) route to
 * the reading role, where the routing data source picks a replica, or the primary with writes prevented while the
 * client's own last write may not be on the replicas yet ({@link ReadConsistency}); writing requests route to the
 * writing role, and the group/shards they wrote on are recorded for the client through a {@link ResolverContext}.
 *
 * <pre>{@code
 * DatabaseSelector selector = DatabaseSelector.builder(mdb)
 *         .context(SignedCookieResolverContext.builder().secret(secret).build())
 *         .build();
 * DatabaseSelection selection = selector.select(requestView);
 * try {
 *     selection.use(() -> handle(request, response));
 * } finally {
 *     selection.commit(responseView); // before the response is sent
 * }
 * }</pre>
 *
 * {@link DatabaseSelectorFilter} does this for servlet containers. Immutable and thread-safe; build one per
 * application.
 */
public final class DatabaseSelector {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSelector.class);

    /** The response header listing the targets a request used, when {@link Builder#debugHeader(boolean)} is on. */
    public static final String ROUTE_HEADER = "Mdb-Route";

    private final Mdb mdb;
    private final ReadConsistency consistency;
    private final Resolver resolver;
    private final ResolverContext context;
    private final boolean strict;
    private final WriteTracking writeTracking;
    private final boolean debugHeader;

    private DatabaseSelector(Builder builder) {
        this.mdb = builder.mdb;
        this.consistency = builder.consistency();
        this.resolver = builder.resolver;
        this.context = builder.context;
        this.strict = builder.strict;
        this.writeTracking = builder.writeTracking;
        this.debugHeader = builder.debugHeader;
    }

    /** A builder for {@code mdb}'s routes; see {@link Builder} for the options and their defaults. */
    public static Builder builder(Mdb mdb) {
        return new Builder(mdb);
    }

    /**
     * Starts one request: loads the client's state from the context and prepares the unit of work and the route the
     * request body runs under ({@link DatabaseSelection#use}). Call it inside the request's shard frame, if any
     * ({@link ShardSelector}), so the request's shard is known.
     */
    public DatabaseSelection select(RequestView request) {
        Objects.requireNonNull(request, "request");
        boolean reading = resolver.isReadingRequest(request);
        ConsistencyState client = load(request);
        if (!reading) {
            context.prepareWrite(request);
        }
        UnitOfWork unit = new UnitOfWork(client, consistency, strict && reading);
        ConnectionRouter router = mdb.router();
        RouteBinding route = reading ? readingRoute(router) : router.connectedTo(Route.writing());
        RouteKey unsafeWrite = null;
        if (!reading && writeTracking == WriteTracking.ANY_UNSAFE_METHOD) {
            String group = router.topology().defaultGroup();
            unsafeWrite = new RouteKey(group, router.current(group).shard());
        }
        return new DatabaseSelection(this, request, reading, unit, route, unsafeWrite);
    }

    /**
     * Runs {@code body} for {@code request} and saves the client's state on {@code response} afterwards, also when
     * {@code body} throws: for frameworks whose handlers build the response before it is sent.
     */
    public <T, E extends Exception> T handle(RequestView request, ResponseView response, ThrowingSupplier<T, E> body)
            throws E {
        DatabaseSelection selection = select(request);
        try {
            return selection.with(body);
        } finally {
            selection.commit(response);
        }
    }

    private ConsistencyState load(RequestView request) {
        try {
            return context.load(request);
        } catch (RuntimeException e) {
            LOG.warn("mdb: couldn't load the client's consistency state ({}); reading as a new client", e.toString());
            return ConsistencyState.empty();
        }
    }

    /**
     * The reading role for every group whose current shard has one; none when no group has (then reads stay where
     * they are, and a group without replicas keeps its writing role instead of failing).
     */
    private static RouteBinding readingRoute(ConnectionRouter router) {
        Set<String> groups = new LinkedHashSet<>();
        for (DatabaseGroup group : router.topology().groups()) {
            if (group.has(router.current(group.name()).shard(), Role.READING)) {
                groups.add(group.name());
            }
        }
        return groups.isEmpty() ? null : router.connectedToMany(groups, Route.reading());
    }

    Mdb mdb() {
        return mdb;
    }

    ResolverContext context() {
        return context;
    }

    boolean debugHeader() {
        return debugHeader;
    }

    /** The strategy reads honour the client's writes with. */
    public ReadConsistency consistency() {
        return consistency;
    }

    /** Whether reading requests refuse every write (strict mode). */
    public boolean strict() {
        return strict;
    }

    public WriteTracking writeTracking() {
        return writeTracking;
    }

    @Override
    public String toString() {
        return "DatabaseSelector[" + consistency + ", " + writeTracking + (strict ? ", strict" : "")
                + (debugHeader ? ", debug header" : "") + "]";
    }

    /**
     * Options of a {@link DatabaseSelector}.
     *
     * <table>
     *   <caption>Options</caption>
     *   <tr><th>option</th><th>default</th></tr>
     *   <tr><td>{@link #consistency(ReadConsistency)}</td><td>{@link ReadConsistency#causal()}</td></tr>
     *   <tr><td>{@link #delay(Duration)}</td><td>2 s</td></tr>
     *   <tr><td>{@link #resolver(Resolver)}</td><td>{@link Resolver#safeMethods()}</td></tr>
     *   <tr><td>{@link #context(ResolverContext)}</td><td>{@link SessionResolverContext}</td></tr>
     *   <tr><td>{@link #strict(boolean)}</td><td>false</td></tr>
     *   <tr><td>{@link #writeTracking(WriteTracking)}</td><td>{@link WriteTracking#ACTUAL_WRITES}</td></tr>
     *   <tr><td>{@link #debugHeader(boolean)}</td><td>false</td></tr>
     * </table>
     */
    public static final class Builder {
        private final Mdb mdb;
        private ReadConsistency consistency = ReadConsistency.causal();
        private Duration delay;
        private Resolver resolver = Resolver.safeMethods();
        private ResolverContext context = new SessionResolverContext();
        private boolean strict;
        private WriteTracking writeTracking = WriteTracking.ACTUAL_WRITES;
        private boolean debugHeader;

        private Builder(Mdb mdb) {
            this.mdb = Objects.requireNonNull(mdb, "mdb");
        }

        /**
         * How reads honour the client's writes: {@link ReadConsistency#causal()} (replicas as soon as they replayed the
         * client's write, PostgreSQL; the time window elsewhere) or {@link ReadConsistency#timeWindow(Duration)}
         * (Rails).
         */
        public Builder consistency(ReadConsistency consistency) {
            this.consistency = Objects.requireNonNull(consistency, "consistency");
            return this;
        }

        /**
         * Rails' {@code delay}: how long after a client's write its reads use the primary, when no position says
         * better. Keeps the strategy chosen with {@link #consistency(ReadConsistency)}.
         */
        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Which requests read; {@link Resolver#safeMethods(boolean)} treats OPTIONS as reading too. */
        public Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Where the client's state lives between requests. */
        public Builder context(ResolverContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Strict mode: reading requests refuse every write ({@code ReadOnlyViolationException}, SQLState 25006), even
         * inside an explicit {@code connectedTo(Route.writing().allowWrites())}. Rails' {@code
         * strict_safe_http_methods} is weaker: an inner writing block writes.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Which group/shards a writing request marks; see {@link WriteTracking}. */
        public Builder writeTracking(WriteTracking writeTracking) {
            this.writeTracking = Objects.requireNonNull(writeTracking, "writeTracking");
            return this;
        }

        /**
         * Adds a {@value DatabaseSelector#ROUTE_HEADER} response header per group/shard used: {@code group/shard role
         * entry reason}, e.g. {@code primary/default reading primary_replica_1 replica}. It names databases: enable
         * it in development, or behind a gateway that strips it.
         */
        public Builder debugHeader(boolean debugHeader) {
            this.debugHeader = debugHeader;
            return this;
        }

        public DatabaseSelector build() {
            return new DatabaseSelector(this);
        }

        private ReadConsistency consistency() {
            if (delay == null) {
                return consistency;
            }
            return consistency.isCausal()
                    ? ReadConsistency.causal(delay).withTokenTtl(consistency.tokenTtl())
                    : ReadConsistency.timeWindow(delay);
        }
    }
}
