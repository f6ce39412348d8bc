package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/**
 * A route with no database behind it, as Rails' {@code ConnectionNotDefined}: the message is Rails' ({@code No
 * database connection defined for 'foo' shard and 'reading' role.}) and the route asked for is exposed.
 */
public class ConnectionNotDefinedException extends MdbException {
    private static final long serialVersionUID = 1L;

    private final String group;
    private final transient Shard shard;
    private final transient Role role;

    public ConnectionNotDefinedException(String message, String group, Shard shard, Role role) {
        super(Category.CONFIG, message, null);
        this.group = group;
        this.shard = shard;
        this.role = role;
    }

    /** The database group asked for, or null when unknown. */
    public String group() {
        return group;
    }

    /** The shard asked for, or null when unknown. */
    public Shard shard() {
        return shard;
    }

    /** The role asked for, or null when unknown. */
    public Role role() {
        return role;
    }
}
