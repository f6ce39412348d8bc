package dev.mdb.config;

/**
 * The one unchecked exception type every mdb failure extends. The CLI maps subclasses to exit codes; messages are
 * single lines written for the user (what failed, which database, the cause and the next step) and never contain a
 * password.
 */
public class MdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MdbException(String message) {
        super(message);
    }

    public MdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
