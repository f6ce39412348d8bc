package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A shard that a group does not have (Rails: No database connection defined for 'foo' shard). */
public class UnknownShardException extends MdbException {
    private static final long serialVersionUID = 1L;

    public UnknownShardException(String message) {
        super(message);
    }
}
