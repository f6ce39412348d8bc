package dev.mdb.runtime;

import java.util.Objects;

/** A database group and one of its shards: the unit read-your-writes state is kept per. */
public record RouteKey(String group, Shard shard) {
    public RouteKey {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(shard, "shard");
    }

    public static RouteKey of(String group, String shard) {
        return new RouteKey(group, Shard.of(shard));
    }

    @Override
    public String toString() {
        return group + "/" + shard;
    }
}
