package dev.mdb.tasks;

import dev.mdb.config.MdbException;

/** A task ran and failed (SQL error, failed or pending migration). Exit code 1. */
public class TaskFailedException extends MdbException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message) {
        super(message);
    }

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
