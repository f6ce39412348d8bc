package dev.mdb.runtime.engine;

import dev.mdb.config.ConfigException;

/** database.yml names an adapter no registered engine handles. Exit code 3. */
public class UnsupportedAdapterException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public UnsupportedAdapterException(String message) {
        super(message);
    }
}
