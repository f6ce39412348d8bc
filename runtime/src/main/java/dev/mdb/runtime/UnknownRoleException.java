package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A role that a group does not have (Rails: No database connection defined for ... role). */
public class UnknownRoleException extends MdbException {
    private static final long serialVersionUID = 1L;

    public UnknownRoleException(String message) {
        super(message);
    }
}
