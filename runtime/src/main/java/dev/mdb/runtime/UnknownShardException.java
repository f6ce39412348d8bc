package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A shard that a group does not have (Rails: {@code No database connection defined for 'foo' shard.}). */
public class UnknownShardException extends MdbException {
    private static final long serialVersionUID = 1L;

    private final String group;
    private final transient Shard shard;
    private final transient Role role;

    public UnknownShardException(String message) {
        this(message, null, null, null);
    }

    /** With the route that has no database, as Rails' {@code ConnectionNotDefined} exposes it. */
    public UnknownShardException(String message, String group, Shard shard, Role role) {
        super(message);
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
