package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A group name that the topology does not have. */
public class UnknownDatabaseGroupException extends MdbException {
    private static final long serialVersionUID = 1L;

    public UnknownDatabaseGroupException(String message) {
        super(Category.CONFIG, message, null);
    }
}
