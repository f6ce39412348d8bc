package dev.mdb.runtime;

/** A shard that a group does not have (Rails: {@code No database connection defined for 'foo' shard.}). */
public class UnknownShardException extends ConnectionNotDefinedException {
    private static final long serialVersionUID = 1L;

    public UnknownShardException(String message) {
        this(message, null, null, null);
    }

    public UnknownShardException(String message, String group, Shard shard, Role role) {
        super(message, group, shard, role);
    }
}
