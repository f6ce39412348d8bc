package dev.mdb.runtime;

import dev.mdb.runtime.engine.Capability;
import dev.mdb.runtime.engine.JdbcTarget;
import dev.mdb.runtime.internal.RoutedConnection;
import dev.mdb.runtime.internal.TargetPools;
import dev.mdb.runtime.internal.Targets;
import dev.mdb.runtime.sql.Dialect;
import dev.mdb.runtime.sql.StatementClassifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link javax.sql.DataSource} for one database group whose connections follow the {@link ConnectionRouter}. {@link
 * #getConnection()} returns a lazy logical connection: the physical one is borrowed at first use from the pool of the
 * entry the current route resolves to (so a read-only flag set before the first statement routes to a replica),
 * pinned for the whole transaction, and re-chosen between statements outside transactions. When the route prevents
 * writes, statements are classified before anything is sent ({@link ReadOnlyViolationException}) and the physical
 * connection is in a read-only session, so a statement the classifier misreads is still refused by the server.
 * Changing this group's route while a transaction is open on this thread throws {@link
 * RouteSwitchInTransactionException}.
 */
public final class RoutingDataSource extends DataSourceSupport {
    private final String group;
    private final ConnectionRouter router;
    private final TargetPools pools;
    private final Targets targets;
    private final Replicas replicas;
    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final Map<Dialect, StatementClassifier> classifiers = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> openTransactions = ThreadLocal.withInitial(() -> new int[1]);

    RoutingDataSource(String group, ConnectionRouter router, TargetPools pools, Targets targets, Replicas replicas) {
        this.replicas = replicas;
        this.group = group;
        this.router = router;
        this.pools = pools;
        this.targets = targets;
        router.addListener(this::refuseSwitchInTransaction);
    }

    public String group() {
        return group;
    }

    @Override
    public Connection getConnection() {
        return RoutedConnection.open(this);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from database.yml; use getConnection()");
    }

    /** What {@link #getConnection()} would use now (the entry shown is the balancer's next choice). */
    public ResolvedTarget describe() throws SQLException {
        return resolve(false);
    }

    /**
     * The target for the current route. {@code readOnlyTransaction} (a connection marked read-only with autocommit
     * off) moves a route on the writing role to the shard's reading role when the group has one. A role whose entries
     * are all replicas of the shard's writer is a replica set: the {@link Replicas} choose among its healthy,
     * caught-up members, or the writer with writes prevented. In a {@link UnitOfWork} that refuses writes, every
     * target prevents writes.
     *
     * @throws NoHealthyReplicaException when no replica is in rotation and the writer says {@code no_replica_policy:
     *     fail}
     */
    public ResolvedTarget resolve(boolean readOnlyTransaction) throws SQLException {
        ResolvedRoute route = router.current(group);
        DatabaseGroup g = router.topology().group(group);
        Role role = role(g, route, readOnlyTransaction);
        UnitOfWork unit = router.unitOfWork();
        String writer = Replicas.replicaSetWriter(g, route.shard(), role);
        ResolvedTarget resolved;
        if (writer != null) {
            resolved = replicas.choose(g, route.shard(), role, writer, unit);
        } else {
            List<String> targets = g.targets(route.shard(), role);
            String key = route.shard() + "/" + role;
            int index = Math.floorMod(
                    roundRobin.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement(), targets.size());
            String entry = targets.get(index);
            resolved = new ResolvedTarget(
                    group,
                    route.shard(),
                    role,
                    entry,
                    prevented(g, route, role, readOnlyTransaction, unit)
                            || g.config(entry).replica(),
                    target(entry).location(),
                    ResolvedTarget.Reason.ROUTE);
        }
        if (unit != null) {
            if (unit.writesRefused() && !resolved.writesPrevented()) {
                resolved = new ResolvedTarget(
                        group, resolved.shard(), role, resolved.entry(), true, resolved.location(), resolved.reason());
            }
            unit.served(resolved);
        }
        router.events().routeResolved(resolved);
        return resolved;
    }

    /** Reports a statement the write guard refused on {@code target}. */
    public void refused(ResolvedTarget target, String statement) {
        router.events().writeRefused(target, statement);
    }

    /**
     * Whether a connection borrowed for {@code target} still serves the current route: same shard, role and write
     * prevention, and its entry still in rotation. Cheaper than {@link #resolve(boolean)}, which also picks a replica.
     */
    public boolean stillServes(ResolvedTarget target, boolean readOnlyTransaction) {
        ResolvedRoute route = router.current(group);
        DatabaseGroup g = router.topology().group(group);
        Role role = role(g, route, readOnlyTransaction);
        if (!target.shard().equals(route.shard()) || !target.role().equals(role)) {
            return false;
        }
        UnitOfWork unit = router.unitOfWork();
        boolean prevented = prevented(g, route, role, readOnlyTransaction, unit)
                || g.config(target.entry()).replica()
                || target.reason() != ResolvedTarget.Reason.ROUTE;
        return target.writesPrevented() == prevented && replicas.inRotation(target.entry());
    }

    private static Role role(DatabaseGroup g, ResolvedRoute route, boolean readOnlyTransaction) {
        Role role = route.role();
        if (readOnlyTransaction && role.equals(Role.WRITING) && g.has(route.shard(), Role.READING)) {
            return Role.READING;
        }
        return role;
    }

    private static boolean prevented(
            DatabaseGroup g, ResolvedRoute route, Role role, boolean readOnlyTransaction, UnitOfWork unit) {
        return route.writesPrevented()
                || readOnlyTransaction
                || (unit != null && unit.writesRefused())
                || g.replicaOnly(route.shard(), role);
    }

    /** Records a write statement sent on {@code target} in the current unit of work, if any. */
    public void wrote(ResolvedTarget target) {
        UnitOfWork unit = router.unitOfWork();
        if (unit != null) {
            unit.recordWrite(target.key());
        }
    }

    /** Whether the current thread has a unit of work that records writes. */
    public boolean tracksWrites() {
        return router.unitOfWork() != null;
    }

    /**
     * Reports a connection-class failure on {@code target}: a replica is taken out of rotation at once (and probed
     * back in by the health checks). No effect on other entries.
     */
    public void failed(ResolvedTarget target, Throwable cause) {
        if (router.topology().group(group).isReplica(target.entry())) {
            replicas.failed(target.entry(), cause);
        }
    }

    /**
     * The target a logical connection from {@link #getConnection()} uses now: entry, reason (replica, or the primary
     * and why) and write prevention; null before its first statement.
     */
    public ResolvedTarget targetOf(Connection logical) {
        return RoutedConnection.targetOf(logical);
    }

    /** The JDBC target of an entry of this group. */
    public JdbcTarget target(String entry) {
        return targets.target(entry);
    }

    /** Borrows a physical connection for {@code target} and puts it in a read-only session when writes are prevented. */
    public Connection acquire(ResolvedTarget target) throws SQLException {
        Connection physical = pools.pool(target.entry()).getConnection();
        if (togglesSession(target)) {
            try {
                target(target.entry()).readOnlySession(physical, true);
            } catch (SQLException e) {
                physical.close();
                throw e;
            }
        }
        replicas.borrowed(target.entry());
        return physical;
    }

    /** Returns a physical connection to its pool, leaving the read-only session first. */
    public void release(ResolvedTarget target, Connection physical) throws SQLException {
        try {
            if (togglesSession(target) && !physical.isClosed()) {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                target(target.entry()).readOnlySession(physical, false);
            }
        } finally {
            replicas.returned(target.entry());
            physical.close();
        }
    }

    /**
     * Replica pools are read-only from connection init; other entries switch the session per borrow, where the engine
     * has read-only sessions.
     */
    private boolean togglesSession(ResolvedTarget target) {
        return target.writesPrevented()
                && !router.topology().group(group).config(target.entry()).replica()
                && target(target.entry()).engine().has(Capability.READ_ONLY_SESSIONS);
    }

    /** The classifier for an entry's engine dialect (cached). */
    public StatementClassifier classifier(String entry) {
        return classifiers.computeIfAbsent(target(entry).engine().dialect(), StatementClassifier::forDialect);
    }

    /** Called by logical connections when a transaction starts or ends on this thread. */
    public void transactionOpened() {
        openTransactions.get()[0]++;
    }

    public void transactionClosed() {
        int[] open = openTransactions.get();
        if (open[0] > 0 && --open[0] == 0) {
            openTransactions.remove();
        }
    }

    private void refuseSwitchInTransaction(RouteChange change) {
        if (change.changes(group) && openTransactions.get()[0] > 0) {
            ResolvedRoute before = change.before().get(group);
            ResolvedRoute after = change.after().get(group);
            throw new RouteSwitchInTransactionException("can't switch database group '" + group + "' from "
                    + describe(before) + " to " + describe(after) + " while a transaction is open on it: a"
                    + " transaction stays on one connection. Commit or roll back first, or switch before it begins.");
        }
        if (openTransactions.get()[0] == 0) {
            openTransactions.remove();
        }
    }

    private static String describe(ResolvedRoute route) {
        return route == null ? "?" : route.role() + "/" + route.shard();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(pools)) {
            return iface.cast(pools);
        }
        return super.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return super.isWrapperFor(iface) || iface.isInstance(pools);
    }
}
