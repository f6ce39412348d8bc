package dev.mdb.runtime;

import java.util.Objects;

/** A shard of a database group; {@link #DEFAULT} when a group is not sharded. */
public record Shard(String name) {
    public static final Shard DEFAULT = new Shard("default");

    public Shard {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("shard name must not be blank");
        }
    }

    public static Shard of(String name) {
        return new Shard(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
