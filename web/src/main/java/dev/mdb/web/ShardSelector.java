package dev.mdb.web;

import dev.mdb.runtime.ConnectionRouter;
import dev.mdb.runtime.DatabaseGroup;
import dev.mdb.runtime.Mdb;
import dev.mdb.runtime.Shard;
import java.util.Objects;
import java.util.Optional;

/**
 * Rails' {@code ShardSelector} without a web framework: finds the request's shard with a {@link ShardResolver} and
 * runs the request on it, with shard swapping prohibited unless {@code lock} is off. A shard the group does not have is
 * rejected before anything runs (404 unless configured otherwise), so no query reaches any shard for it; a request
 * naming no shard uses the group's default shard, or is rejected with 400 when a shard is required.
 *
 * <pre>{@code
 * ShardSelection selection = shardSelector.select(requestView);
 * if (selection.rejected()) {
 *     respond(selection.status(), selection.message());
 * } else {
 *     selection.use(() -> handle(request)); // DatabaseSelector runs inside this
 * }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ShardSelector {
    private final ConnectionRouter router;
    private final ShardResolver resolver;
    private final String group;
    private final boolean lock;
    private final int unknownShardStatus;
    private final boolean requireShard;

    private ShardSelector(Builder builder) {
        this.router = builder.router;
        this.resolver = builder.resolver;
        this.group = builder.group != null ? builder.group : router.topology().defaultGroup();
        router.topology().group(group);
        this.lock = builder.lock;
        this.unknownShardStatus = builder.unknownShardStatus;
        this.requireShard = builder.requireShard;
    }

    /** A builder for {@code mdb}'s routes, finding shards with {@code resolver}. */
    public static Builder builder(Mdb mdb, ShardResolver resolver) {
        return new Builder(Objects.requireNonNull(mdb, "mdb").router(), resolver);
    }

    /** The request's shard, or why it is rejected. */
    public ShardSelection select(RequestView request) {
        DatabaseGroup databaseGroup = router.topology().group(group);
        Optional<String> name = resolver.resolve(request).filter(value -> !value.isBlank());
        if (name.isEmpty()) {
            return requireShard
                    ? ShardSelection.rejected(400, "Missing shard.")
                    : new ShardSelection(router, group, databaseGroup.defaultShard(), lock);
        }
        Shard shard = Shard.of(name.get());
        if (!databaseGroup.hasShard(shard)) {
            return ShardSelection.rejected(unknownShardStatus, "Unknown shard '" + printable(name.get()) + "'.");
        }
        return new ShardSelection(router, group, shard, lock);
    }

    /** The database group whose shard is selected. */
    public String group() {
        return group;
    }

    /** A client-supplied name made safe to echo: printable ASCII, at most 64 characters. */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> text.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return name.codePointCount(0, name.length()) > 64 ? text + "..." : text.toString();
    }

    @Override
    public String toString() {
        return "ShardSelector[" + group + (lock ? ", lock" : "") + ", unknown shard " + unknownShardStatus
                + (requireShard ? ", shard required" : "") + "]";
    }

    /**
     * Options of a {@link ShardSelector}: {@link #group(String)} (the topology's default group), {@link #lock(boolean)}
     * (true), {@link #unknownShardStatus(int)} (404), {@link #requireShard(boolean)} (false).
     */
    public static final class Builder {
        private final ConnectionRouter router;
        private final ShardResolver resolver;
        private String group;
        private boolean lock = true;
        private int unknownShardStatus = 404;
        private boolean requireShard;

        private Builder(ConnectionRouter router, ShardResolver resolver) {
            this.router = router;
            this.resolver = Objects.requireNonNull(resolver, "resolver");
        }

        /** The database group to select the shard of (Rails' {@code class_name}); its shards are the valid names. */
        public Builder group(String group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** Whether the request may not switch shards itself ({@code ShardSwapProhibitedException}). */
        public Builder lock(boolean lock) {
            this.lock = lock;
            return this;
        }

        /** The status for a shard the group does not have: a 4xx, 404 by default (400 is the other usual choice). */
        public Builder unknownShardStatus(int status) {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("unknownShardStatus must be a 4xx status, got " + status);
            }
            this.unknownShardStatus = status;
            return this;
        }

        /** Whether a request naming no shard is rejected with 400 instead of using the group's default shard. */
        public Builder requireShard(boolean requireShard) {
            this.requireShard = requireShard;
            return this;
        }

        /**
         * The selector; throws {@link dev.mdb.runtime.UnknownDatabaseGroupException} when the topology has no such
         * group.
         */
        public ShardSelector build() {
            return new ShardSelector(this);
        }
    }
}
