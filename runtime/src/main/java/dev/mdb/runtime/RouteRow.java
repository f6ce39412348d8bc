package dev.mdb.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One line of {@code mdb routes}: a route key (group, shard, role), the database.yml entries serving it, and whether
 * writes through it are always prevented (reading, or every entry a replica).
 */
public record RouteRow(String group, Shard shard, Role role, List<String> targets, boolean writesPrevented) {
    public RouteRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(role, "role");
        targets = List.copyOf(targets);
    }
}
