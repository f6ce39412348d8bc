package dev.mdb.tasks;

import dev.mdb.config.MdbException;

/** A task argument such as VERSION or STEP is malformed. Exit code 2. */
public class InvalidArgumentException extends MdbException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(Category.USAGE, message, null);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(Category.USAGE, message, cause);
    }
}
