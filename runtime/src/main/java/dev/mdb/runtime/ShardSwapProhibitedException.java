package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A frame tried to change the shard while shard swapping is prohibited. */
public class ShardSwapProhibitedException extends MdbException {
    private static final long serialVersionUID = 1L;

    public ShardSwapProhibitedException(String message) {
        super(message);
    }
}
