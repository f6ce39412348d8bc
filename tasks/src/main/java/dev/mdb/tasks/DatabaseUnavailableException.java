package dev.mdb.tasks;

import dev.mdb.config.MdbException;

/** The server cannot be reached or refuses the credentials. Exit code 4. */
public class DatabaseUnavailableException extends MdbException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(Category.UNAVAILABLE, message, null);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(Category.UNAVAILABLE, message, cause);
    }
}
