package dev.mdb.web;

import dev.mdb.runtime.ConsistencyState;
import dev.mdb.runtime.ResolvedTarget;
import dev.mdb.runtime.RouteBinding;
import dev.mdb.runtime.RouteKey;
import dev.mdb.runtime.ThrowingRunnable;
import dev.mdb.runtime.ThrowingSupplier;
import dev.mdb.runtime.UnitOfWork;
import dev.mdb.runtime.WriteMark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's database selection, from {@link DatabaseSelector#select(RequestView)}: run the request's work with
 * {@link #use(ThrowingRunnable)} or {@link #with(ThrowingSupplier)}, then {@link #commit(ResponseView)} before the
 * response is sent. Thread-safe; {@link #commit(ResponseView)} acts once.
 */
public final class DatabaseSelection {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSelection.class);

    private final DatabaseSelector selector;
    private final RequestView request;
    private final boolean reading;
    private final UnitOfWork unit;
    private final RouteBinding route;
    private final RouteKey unsafeWrite;
    private final AtomicBoolean committed = new AtomicBoolean();
    private volatile Set<RouteKey> savedWrites = Set.of();

    DatabaseSelection(
            DatabaseSelector selector,
            RequestView request,
            boolean reading,
            UnitOfWork unit,
            RouteBinding route,
            RouteKey unsafeWrite) {
        this.selector = selector;
        this.request = request;
        this.reading = reading;
        this.unit = unit;
        this.route = route;
        this.unsafeWrite = unsafeWrite;
    }

    /** Whether the request was classified as reading. */
    public boolean reading() {
        return reading;
    }

    /** The request's unit of work: the client's state in, the writes and targets of the request out. */
    public UnitOfWork unitOfWork() {
        return unit;
    }

    /** Runs {@code body} with the request's unit of work open and its role selected, and returns its value. */
    public <T, E extends Exception> T with(ThrowingSupplier<T, E> body) throws E {
        return selector.mdb().router().within(unit).with(() -> route == null ? body.get() : route.with(body));
    }

    /** Runs {@code body} with the request's unit of work open and its role selected. */
    public <E extends Exception> void use(ThrowingRunnable<E> body) throws E {
        this.<Void, E>with(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Saves the client's new state through the context when it changed: when the request wrote (or, with {@link
     * WriteTracking#ANY_UNSAFE_METHOD}, is a writing request), or when marks the client held no longer constrain its
     * reads ({@link dev.mdb.runtime.Mdb#recordWrites}: replayed by every replica in rotation, or past their time), so
     * that its later requests read from replicas again; a state left empty is removed from the client. A request
     * whose client state is unchanged saves nothing. Adds the debug header when enabled. Call it after the request's
     * work and before the response commits; later calls do nothing. Saving a write costs one query on each written
     * group/shard's primary (PostgreSQL: its WAL position); dropping marks costs none.
     */
    public void commit(ResponseView response) {
        if (!committed.compareAndSet(false, true)) {
            return;
        }
        if (response.isCommitted()) {
            LOG.warn(
                    "mdb: the response of {} {} was committed before the database selector could save the client's"
                            + " state; its read-your-writes cookie or header is lost",
                    request.method(),
                    request.path());
        }
        if (unsafeWrite != null) {
            unit.recordWrite(unsafeWrite);
        }
        Set<RouteKey> writes = unit.writes();
        ConsistencyState state = selector.mdb().recordWrites(unit);
        if (!writes.isEmpty() || !state.equals(unit.client())) {
            selector.context().save(request, response, state, retention(state));
        }
        savedWrites = writes;
        if (selector.debugHeader()) {
            for (String value : routeHeaderValues()) {
                response.addHeader(DatabaseSelector.ROUTE_HEADER, value);
            }
        }
    }

    /**
     * How long {@code state} can still matter: the consistency's retention counted from its newest mark (a state kept
     * from earlier requests expires when its marks do, not a full retention after this request).
     */
    private Duration retention(ConsistencyState state) {
        long retention = unit.consistency().retention().toMillis();
        long now = System.currentTimeMillis();
        long newest = state.marks().values().stream()
                .mapToLong(WriteMark::writtenAtMillis)
                .max()
                .orElse(now);
        return Duration.ofMillis(Math.max(1, Math.min(retention, newest + retention - now)));
    }

    /** Whether {@link #commit(ResponseView)} ran. */
    public boolean committed() {
        return committed.get();
    }

    /** The {@value DatabaseSelector#ROUTE_HEADER} values: {@code group/shard role entry reason} per target. */
    public List<String> routeHeaderValues() {
        List<ResolvedTarget> targets = new ArrayList<>(unit.targets().values());
        targets.sort(Comparator.comparing((ResolvedTarget t) -> t.group())
                .thenComparing(t -> t.shard().name()));
        List<String> values = new ArrayList<>(targets.size());
        var roleNames = selector.mdb().topology().roleNames();
        for (ResolvedTarget target : targets) {
            values.add(target.key() + " " + roleNames.name(target.role()) + " " + target.entry() + " "
                    + target.reason().label());
        }
        return values;
    }

    /** Logs writes made after {@link #commit(ResponseView)}: the client's state does not include them. */
    void reportLateWrites() {
        if (!committed.get()) {
            return;
        }
        Set<RouteKey> late = new HashSet<>(unit.writes());
        late.removeAll(savedWrites);
        if (!late.isEmpty()) {
            LOG.warn(
                    "mdb: {} {} wrote on {} after its response was committed; the client may not read these writes"
                            + " on its next request. Write before flushing the response.",
                    request.method(),
                    request.path(),
                    late);
        }
    }

    @Override
    public String toString() {
        return "DatabaseSelection[" + (reading ? "reading" : "writing") + ", " + unit + "]";
    }
}
