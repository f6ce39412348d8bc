package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;

/**
 * A database.yml entry's adapter is known, but its engine's JDBC driver is not on the class path ({@code
 * mdb-runtime} declares the drivers optional). Exit code 3; the message names the entry, the adapter and the driver's
 * Maven coordinates to add.
 */
public class MissingDriverException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public MissingDriverException(String message) {
        super(message);
    }
}
