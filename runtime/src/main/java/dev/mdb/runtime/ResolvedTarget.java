package dev.mdb.runtime;

/**
 * The physical target a route resolves to: the group, shard and role, the database.yml entry chosen among the
 * role's targets, whether writes are prevented, and where it is ({@code host:port} or file) for messages.
 */
public record ResolvedTarget(
        String group, Shard shard, Role role, String entry, boolean writesPrevented, String location) {}
