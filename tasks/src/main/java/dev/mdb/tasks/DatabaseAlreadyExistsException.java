package dev.mdb.tasks;

/** {@code db:create} found the database already there; the facade reports it and goes on. */
public class DatabaseAlreadyExistsException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    public DatabaseAlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
