package dev.mdb.tasks;

import java.util.List;

/**
 * Several databases of one task failed; the others completed. The message is the summary; {@link #failures()} are the
 * databases' own failures, in config order, for the caller to report one by one. The category is the first failure's,
 * as a run stopping there would have given.
 */
public final class DatabasesFailedException extends dev.mdb.config.MdbException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuntimeException> failures;

    DatabasesFailedException(Category category, String message, List<RuntimeException> failures) {
        super(category, message, null);
        this.failures = List.copyOf(failures);
    }

    public List<RuntimeException> failures() {
        return failures;
    }
}
