package dev.mdb.runtime;

import dev.mdb.runtime.internal.Events;
import dev.mdb.runtime.internal.Frame;
import dev.mdb.runtime.internal.RouteContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rails' {@code connected_to} for the JVM: which role and shard each database group uses on the current thread, and
 * whether writes are prevented. One per application; thread-safe. A route is switched only around a body ({@link
 * #connectedTo(Route)} and friends return a {@link RouteBinding}) or for a LIFO {@link RouteScope} ({@link
 * #connectingTo(Route)}); there is no setter to forget to undo.
 *
 * <p><b>Resolution rules.</b>
 *
 * <ol>
 *   <li>Frames form a per-thread stack. For each group and each attribute (role, shard, prevent writes) the innermost
 *       frame that covers the group and sets the attribute wins; a global frame covers every group, a {@link
 *       #database(String)} or {@link #connectedToMany(Set, Route)} frame only its groups, and the newest frame wins
 *       whichever kind it is. Defaults: the writing role, the group's {@link DatabaseGroup#defaultShard() default
 *       shard} ({@code default}), writes allowed. So a role-only frame inside a shard frame keeps the shard.
 *   <li>Prevent-writes is inherited downward: an inner frame keeps an outer {@link Route#preventWrites()} unless it
 *       says {@link Route#allowWrites()} (Rails lets an inner {@code connected_to(role: :writing)} silently re-enable
 *       writes; mdb wants the explicit word). The reading role and any replica-only role ({@link
 *       DatabaseGroup#replicaOnly(Shard, Role)}) always prevent writes; this forced prevention belongs to the route,
 *       not to the frame, so an inner writing frame is writable again. {@code allowWrites()} where the resolved route
 *       of a covered group is replica-only throws {@link IllegalArgumentException}.
 *   <li>Unknown routes throw when the frame is entered, before the body runs: an unknown group {@link
 *       UnknownDatabaseGroupException}; a shard or role a covered group does not have {@link UnknownShardException}
 *       or {@link UnknownRoleException}, with Rails' text ({@code No database connection defined for 'foo' shard.},
 *       {@code No database connection defined for animals with 'reading' role.}). A per-group frame must resolve in
 *       each of its groups; a global frame must resolve in at least one group (Rails' {@code ActiveRecord::Base}
 *       switches every class, and most layouts shard only some groups); a group where it does not resolve fails with
 *       the same exception when that group's route is looked up ({@link DatabaseGroup#targets(Shard, Role)}).
 *   <li>Under {@link #prohibitShardSwapping()}, entering a frame that changes the resolved shard of a covered,
 *       prohibited group throws {@link ShardSwapProhibitedException} ({@code cannot swap `shard` while shard swapping
 *       is prohibited.}); the same shard and role-only changes are allowed.
 *   <li>Leaving a frame restores the previous state exactly, also when the body throws.
 * </ol>
 *
 * <p>The stack lives in one {@code static final ThreadLocal}, never inherited by new threads; carry it explicitly with
 * {@link #capture()}. {@link RouteListener}s see every frame before it is pushed and may veto it.
 */
public final class ConnectionRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRouter.class);
    private static final Route NO_CHANGE = new Route(null, null, null);

    private final Topology topology;
    private final List<RouteListener> listeners = new CopyOnWriteArrayList<>();
    private final FrameChecks checks;
    private final Events events;

    public ConnectionRouter(Topology topology) {
        this(topology, Events.NONE);
    }

    ConnectionRouter(Topology topology, Events events) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.checks = new FrameChecks(topology);
        this.events = events;
    }

    Events events() {
        return events;
    }

    public Topology topology() {
        return topology;
    }

    /**
     * The switches of one group (Rails' granular {@code AnimalsRecord.connected_to}).
     *
     * @throws UnknownDatabaseGroupException when the topology has no such group
     */
    public DatabaseRouter database(String group) {
        topology.group(group);
        return new DatabaseRouter(this, group);
    }

    /** A frame for every group (Rails' {@code ActiveRecord::Base.connected_to}); needs a role and/or a shard. */
    public RouteBinding connectedTo(Route route) {
        return new RouteBinding(this, null, requireSwitch(route), false);
    }

    /** A frame for {@code groups} only (Rails' {@code connected_to_many}). */
    public RouteBinding connectedToMany(Set<String> groups, Route route) {
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("connectedToMany needs at least one database group.");
        }
        return new RouteBinding(this, Set.copyOf(groups), requireSwitch(route), false);
    }

    /** A frame preventing writes on every group, keeping roles and shards (Rails' {@code while_preventing_writes}). */
    public RouteBinding whilePreventingWrites() {
        return new RouteBinding(this, null, Route.preventingWrites(), false);
    }

    /** A frame in which no group's shard may change (Rails' {@code prohibit_shard_swapping}). */
    public RouteBinding prohibitShardSwapping() {
        return new RouteBinding(this, null, NO_CHANGE, true);
    }

    /**
     * A frame that changes no route but opens {@code unitOfWork} for its body: reading routes then honour the unit's
     * client state, writes are recorded in it, and replicas stick for the unit (see {@link UnitOfWork}).
     */
    public RouteBinding within(UnitOfWork unitOfWork) {
        return new RouteBinding(this, null, NO_CHANGE, false, Objects.requireNonNull(unitOfWork, "unitOfWork"));
    }

    /** The innermost unit of work open on this thread through this router, or null. */
    public UnitOfWork unitOfWork() {
        for (Frame frame = RouteContext.top(); frame != null; frame = frame.next()) {
            if (frame.unitOfWork() != null && frame.coversAll(this)) {
                return frame.unitOfWork();
            }
        }
        return null;
    }

    /** Opens a frame for every group until the returned scope is closed (Rails' {@code connecting_to}). */
    public RouteScope connectingTo(Route route) {
        return open(null, requireSwitch(route));
    }

    /** The route {@code group} resolves to on this thread. */
    public ResolvedRoute current(String group) {
        return resolve(group, RouteContext.top());
    }

    /** The route of the {@link Topology#defaultGroup() default group}. */
    public ResolvedRoute current() {
        return current(topology.defaultGroup());
    }

    public Role currentRole(String group) {
        return current(group).role();
    }

    public Shard currentShard(String group) {
        return current(group).shard();
    }

    public boolean isPreventingWrites(String group) {
        return current(group).writesPrevented();
    }

    /** Whether a global {@link #prohibitShardSwapping()} is active on this thread (Rails' Base-level flag). */
    public boolean isShardSwappingProhibited() {
        for (Frame frame = RouteContext.top(); frame != null; frame = frame.next()) {
            if (frame.coversAll(this) && frame.prohibitsShardSwapping()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code group}'s shard is locked on this thread, by a global or a per-group frame. */
    public boolean isShardSwappingProhibited(String group) {
        topology.group(group);
        return prohibited(group, RouteContext.top());
    }

    /** The frames of this thread (of every router), to run work elsewhere under the same routes. */
    public RouteSnapshot capture() {
        Frame top = RouteContext.top();
        return top == null ? RouteSnapshot.empty() : new RouteSnapshot(top);
    }

    /**
     * {@code task}, to run under the routes of this thread wherever it runs: the frames (role, shard, write prevention
     * and unit of work) are captured now. The signature of Spring's {@code TaskDecorator}: {@code
     * executor.setTaskDecorator(mdb.router()::decorate)}.
     */
    public Runnable decorate(Runnable task) {
        return capture().wrap(task);
    }

    /**
     * {@code executor}, running each task under the routes of the thread that submitted it (see {@link
     * #decorate(Runnable)}); use it for {@code CompletableFuture.supplyAsync(supplier, executor)} too. Work handed to an
     * executor without it runs on the default route (the writing primary, writes allowed) and its writes are not
     * recorded for read-your-writes.
     */
    public ExecutorService propagating(ExecutorService executor) {
        return new RouteContextExecutor(this, executor);
    }

    /** Registers {@code listener}; it sees every frame entered through this router from now on. */
    public void addListener(RouteListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(RouteListener listener) {
        listeners.remove(listener);
    }

    RouteScope connectingTo(Set<String> groups, Route route) {
        return open(Set.copyOf(groups), requireSwitch(route));
    }

    private RouteScope open(Set<String> groups, Route route) {
        Frame previous = RouteContext.top();
        Frame frame = enter(groups, route, false, previous);
        RouteContext.set(frame);
        return new RouteScope(frame, previous, (groups == null ? "" : groups + " ") + describe(route));
    }

    /** Checks a frame against the stack {@code previous}, tells the listeners, and returns it (not yet pushed). */
    Frame enter(Set<String> groups, Route route, boolean prohibitsShardSwapping, Frame previous) {
        return enter(groups, route, prohibitsShardSwapping, null, previous);
    }

    Frame enter(
            Set<String> groups, Route asked, boolean prohibitsShardSwapping, UnitOfWork unitOfWork, Frame previous) {
        Route route = topology.roleNames().canonical(asked);
        List<String> covered = groups == null ? topology.groupNames() : checks.covered(groups);
        Frame frame = new Frame(
                this,
                groups,
                route.role(),
                route.shard(),
                route.writesPrevented(),
                prohibitsShardSwapping,
                unitOfWork,
                previous);
        Map<String, ResolvedRoute> before = new LinkedHashMap<>();
        Map<String, ResolvedRoute> after = new LinkedHashMap<>();
        for (String group : covered) {
            before.put(group, resolve(group, previous));
            after.put(group, resolve(group, frame));
        }
        for (String group : covered) {
            if (prohibited(group, previous)) {
                checks.requireSameShard(before.get(group), after.get(group));
            }
        }
        if (route.role() != null || route.shard() != null) {
            checks.requireRoutes(after, groups == null);
        }
        if (Boolean.FALSE.equals(route.writesPrevented())) {
            checks.requireWritable(after);
        }
        if (!listeners.isEmpty()) {
            RouteChange change = new RouteChange(before.keySet(), route, prohibitsShardSwapping, before, after);
            for (RouteListener listener : listeners) {
                listener.beforeEnter(change);
            }
        }
        return frame;
    }

    /** Restores {@code previous} after the body of {@code frame}. */
    void leave(Frame frame, Frame previous) {
        if (RouteContext.top() != frame) {
            LOG.warn("A connectingTo scope opened inside a connectedTo block was not closed; it ends with the block.");
            events.scopeLeaked();
        }
        RouteContext.set(previous);
    }

    private ResolvedRoute resolve(String groupName, Frame top) {
        DatabaseGroup group = topology.group(groupName);
        Role role = null;
        Shard shard = null;
        Boolean writesPrevented = null;
        for (Frame frame = top; frame != null; frame = frame.next()) {
            if (frame.covers(this, groupName)) {
                role = role != null ? role : frame.role();
                shard = shard != null ? shard : frame.shard();
                writesPrevented = writesPrevented != null ? writesPrevented : frame.writesPrevented();
                if (role != null && shard != null && writesPrevented != null) {
                    break;
                }
            }
        }
        role = role != null ? role : Role.WRITING;
        shard = shard != null ? shard : group.defaultShard();
        boolean forced = group.has(shard, role) ? group.replicaOnly(shard, role) : role.equals(Role.READING);
        return new ResolvedRoute(groupName, role, shard, forced || Boolean.TRUE.equals(writesPrevented));
    }

    private boolean prohibited(String group, Frame top) {
        for (Frame frame = top; frame != null; frame = frame.next()) {
            if (frame.covers(this, group) && frame.prohibitsShardSwapping()) {
                return true;
            }
        }
        return false;
    }

    private static Route requireSwitch(Route route) {
        Objects.requireNonNull(route, "route");
        if (route.role() == null && route.shard() == null && route.writesPrevented() == null) {
            throw new IllegalArgumentException("must provide a `shard` and/or `role`.");
        }
        return route;
    }

    static String describe(Route route) {
        StringBuilder text = new StringBuilder();
        if (route.role() != null) {
            text.append("role=").append(route.role()).append(' ');
        }
        if (route.shard() != null) {
            text.append("shard=").append(route.shard()).append(' ');
        }
        if (route.writesPrevented() != null) {
            text.append(route.writesPrevented() ? "preventWrites" : "allowWrites");
        }
        return "(" + text.toString().trim() + ")";
    }
}
