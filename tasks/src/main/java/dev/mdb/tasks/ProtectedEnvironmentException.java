package dev.mdb.tasks;

/** A destructive task was refused by the protected-environment check. */
public class ProtectedEnvironmentException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    public ProtectedEnvironmentException(String message) {
        super(message);
    }
}
