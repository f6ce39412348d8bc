package dev.mdb.runtime;

import dev.mdb.config.MdbException;

/** A frame tried to change the route of a group while a transaction is open on it. */
public class RouteSwitchInTransactionException extends MdbException {
    private static final long serialVersionUID = 1L;

    public RouteSwitchInTransactionException(String message) {
        super(message);
    }
}
