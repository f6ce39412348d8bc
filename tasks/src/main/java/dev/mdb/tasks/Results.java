package dev.mdb.tasks;

import dev.mdb.config.DatabaseConfig;
import dev.mdb.config.MdbException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a verb did to each database it ran on, in config order. A run that stopped at the first failure (one job, as
 * Rails does) holds only the databases it reached. {@link #raise()} turns the failures into the exception to throw.
 */
public final class Results<T> {
    private final List<DatabaseResult<T>> results;
    private final int total;
    private final int notRun;

    /** {@code results} of the databases reached, of {@code total} asked for. */
    Results(List<DatabaseResult<T>> results, int total) {
        this(results, total, 0);
    }

    /** As above, {@code notRun} of the results being databases left with migrations a stopped run did not run. */
    Results(List<DatabaseResult<T>> results, int total, int notRun) {
        this.results = List.copyOf(results);
        this.total = total;
        this.notRun = notRun;
    }

    /** Every database reached, in config order. */
    public List<DatabaseResult<T>> all() {
        return results;
    }

    /** The values of the databases that succeeded, in config order. */
    public List<T> values() {
        return results.stream()
                .filter(DatabaseResult::ok)
                .map(DatabaseResult::value)
                .toList();
    }

    /** The configurations that succeeded, in config order. */
    public List<DatabaseConfig> succeeded() {
        return results.stream()
                .filter(DatabaseResult::ok)
                .map(DatabaseResult::config)
                .toList();
    }

    /** How many databases were asked for (some may not have been reached). */
    public int total() {
        return total;
    }

    public boolean failed() {
        return results.stream().anyMatch(r -> !r.ok());
    }

    /**
     * Throws when a database failed: one failure as it is; several as a {@link DatabasesFailedException} summarising
     * them with the first one's category. Returns this otherwise.
     */
    public Results<T> raise() {
        List<DatabaseResult<T>> failed = results.stream().filter(r -> !r.ok()).toList();
        if (failed.isEmpty()) {
            return this;
        }
        if (failed.size() == 1 && notRun == 0) {
            throw failed.get(0).failure();
        }
        String names = failed.stream().map(r -> r.config().name()).collect(Collectors.joining(", "));
        String message = failed.size() + " of " + total + " databases failed: " + names + ". "
                + (notRun == 0
                        ? "The others completed"
                        : notRun + " left migrations not run (see their Not run lines), "
                                + (total - failed.size() - notRun) + " completed")
                + "; see the messages above.";
        List<RuntimeException> failures = new ArrayList<>();
        failed.forEach(r -> failures.add(r.failure()));
        RuntimeException first = failures.get(0);
        if (first instanceof MdbException mdb) {
            throw new DatabasesFailedException(mdb.category(), message, failures);
        }
        IllegalStateException bug = new IllegalStateException(message, first);
        failures.subList(1, failures.size()).forEach(bug::addSuppressed);
        throw bug;
    }
}
