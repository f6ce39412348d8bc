package dev.mdb.tasks;

/** The database of a configuration does not exist (yet). */
public class NoSuchDatabaseException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    public NoSuchDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
