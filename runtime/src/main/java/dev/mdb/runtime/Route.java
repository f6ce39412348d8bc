package dev.mdb.runtime;

/**
 * What a {@code connectedTo} frame asks for. Every field is optional: null means "inherit from the enclosing frame".
 * {@code writesPrevented} is TRUE ({@link #preventWrites()}), FALSE (explicit {@link #allowWrites()}) or null
 * (inherit).
 */
public record Route(Role role, Shard shard, Boolean writesPrevented) {
    public static Route reading() {
        return new Route(Role.READING, null, null);
    }

    public static Route writing() {
        return new Route(Role.WRITING, null, null);
    }

    public static Route role(String role) {
        return new Route(Role.of(role), null, null);
    }

    /** A shard-only route: keeps the enclosing role. */
    public static Route shard(String shard) {
        return new Route(null, Shard.of(shard), null);
    }

    /** A frame that changes nothing but prevents writes (Rails' {@code while_preventing_writes}). */
    public static Route preventingWrites() {
        return new Route(null, null, Boolean.TRUE);
    }

    public Route withShard(String shard) {
        return new Route(role, Shard.of(shard), writesPrevented);
    }

    public Route withRole(String role) {
        return new Route(Role.of(role), shard, writesPrevented);
    }

    public Route preventWrites() {
        return new Route(role, shard, Boolean.TRUE);
    }

    public Route allowWrites() {
        return new Route(role, shard, Boolean.FALSE);
    }
}
