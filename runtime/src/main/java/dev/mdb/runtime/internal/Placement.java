package dev.mdb.runtime.internal;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.runtime.Role;
import dev.mdb.runtime.Shard;
import java.util.Objects;

/**
 * Where one database.yml entry sits in the topology: its group, shard and role, and whether it is a replica
 * ({@code replica: true}, {@code replica_of:}, or named {@code <writer>_replica[_<n>]}).
 */
public record Placement(DatabaseConfig config, String group, Shard shard, Role role, boolean replica) {
    public Placement {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(role, "role");
    }

    public String name() {
        return config.name();
    }
}
