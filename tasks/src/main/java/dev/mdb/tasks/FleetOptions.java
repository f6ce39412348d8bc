package dev.mdb.tasks;

import java.util.Objects;

/**
 * How {@code db:migrate} works through a fleet of databases.
 *
 * @param onError after a failure: {@link OnError#STOP} starts nothing new (what is running finishes), {@link
 *     OnError#CONTINUE} goes on with every database whose migrations do not follow the failed one
 * @param canary databases to migrate first ({@code 2}: the first two in config order; or names and globs, {@code
 *     primary_shard_01,animals}); nothing else starts unless all of them succeed; null for none
 * @param dryRun only say, per database, which migrations would run, their SQL and whether each runs in a transaction;
 *     touch nothing (no lock, no history table, no schema file)
 */
public record FleetOptions(OnError onError, String canary, boolean dryRun) {
    /** What to do after a database failed. */
    public enum OnError {
        STOP,
        CONTINUE
    }

    public FleetOptions {
        Objects.requireNonNull(onError, "onError");
    }

    /** Stop at the first failure, no canary, for real. */
    public static FleetOptions stopOnError() {
        return new FleetOptions(OnError.STOP, null, false);
    }
}
