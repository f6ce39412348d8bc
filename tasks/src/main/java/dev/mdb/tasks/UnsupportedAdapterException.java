package dev.mdb.tasks;

import dev.mdb.config.ConfigException;

/** database.yml names an adapter no provider handles. Exit code 3. */
public class UnsupportedAdapterException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public UnsupportedAdapterException(String message) {
        super(message);
    }

    public UnsupportedAdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
