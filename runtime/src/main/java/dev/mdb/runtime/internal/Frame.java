package dev.mdb.runtime.internal;

import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import dev.mdb.runtime.UnitOfWork;
import java.util.Set;

/**
 * One entry of the per-thread route stack: an immutable node of a persistent linked list (pushing shares the rest of
 * the stack). Identity matters: a {@code RouteScope} closes only when its own frame is on top. Null attributes
 * inherit; {@code groups == null} covers every group of the owning router.
 */
public final class Frame {
    private final Object owner;
    private final Set<String> groups;
    private final Role role;
    private final Shard shard;
    private final Boolean writesPrevented;
    private final boolean prohibitsShardSwapping;
    private final Frame next;
    private final UnitOfWork unitOfWork;

    public Frame(
            Object owner,
            Set<String> groups,
            Role role,
            Shard shard,
            Boolean writesPrevented,
            boolean prohibitsShardSwapping,
            Frame next) {
        this(owner, groups, role, shard, writesPrevented, prohibitsShardSwapping, null, next);
    }

    public Frame(
            Object owner,
            Set<String> groups,
            Role role,
            Shard shard,
            Boolean writesPrevented,
            boolean prohibitsShardSwapping,
            UnitOfWork unitOfWork,
            Frame next) {
        this.unitOfWork = unitOfWork;
        this.owner = owner;
        this.groups = groups == null ? null : Set.copyOf(groups);
        this.role = role;
        this.shard = shard;
        this.writesPrevented = writesPrevented;
        this.prohibitsShardSwapping = prohibitsShardSwapping;
        this.next = next;
    }

    /** Whether this frame belongs to {@code router} and applies to {@code group}. */
    public boolean covers(Object router, String group) {
        return owner == router && (groups == null || groups.contains(group));
    }

    /** Whether this frame applies to every group of {@code router}. */
    public boolean coversAll(Object router) {
        return owner == router && groups == null;
    }

    public Role role() {
        return role;
    }

    public Shard shard() {
        return shard;
    }

    public Boolean writesPrevented() {
        return writesPrevented;
    }

    public boolean prohibitsShardSwapping() {
        return prohibitsShardSwapping;
    }

    /** The unit of work this frame opened, or null. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The enclosing frame, or null at the bottom of the stack. */
    public Frame next() {
        return next;
    }
}
