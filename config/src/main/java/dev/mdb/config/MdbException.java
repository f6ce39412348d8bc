package dev.mdb.config;

import java.util.Objects;

/**
 * The one unchecked exception type every mdb failure extends. Each carries its {@link Category}, which the CLI turns
 * into the exit code without looking at the type; messages are single lines written for the user (what failed, which
 * database, the cause and the next step) and never contain a password.
 */
public class MdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, for the exit code. */
    public enum Category {
        /** The task ran and failed: an SQL error, a failed or pending migration, a protected environment. */
        FAILURE,
        /** The command line is wrong: a malformed argument, a task that needs a database name. */
        USAGE,
        /** database.yml is invalid, or names an unknown environment, database, adapter, group, role or shard. */
        CONFIG,
        /** A database server cannot be reached or refuses the credentials. */
        UNAVAILABLE
    }

    private final Category category;

    public MdbException(String message) {
        this(Category.FAILURE, message, null);
    }

    public MdbException(String message, Throwable cause) {
        this(Category.FAILURE, message, cause);
    }

    public MdbException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    public Category category() {
        return category;
    }
}
