package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;
import dev.mdb.tasks.DatabaseUnavailableException;
import dev.mdb.tasks.ReplicaCheck;

/**
 * db:replicas: every replica of the environment, probed once now: reachable, the role its server reports, lag, and
 * whether reads may go to it. All rows are printed first; then, when any replica is unreachable or out of rotation,
 * the task fails with {@link DatabaseUnavailableException} (exit 4). {@code db:replicas:NAME} and {@code --database
 * NAME} keep the replicas NAME is (an entry) or writes for (their writer); a list or glob works too.
 */
final class ReplicasTask extends Task {
    ReplicasTask() {
        super(
                "db:replicas",
                "Check every replica: reachable, server role, lag, in rotation (exit 4 if one is out)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        report(inv, named == null ? null : named.name());
    }

    @Override
    public String describeFor(String database) {
        return "Check the replicas of the %s database".formatted(database);
    }

    /**
     * Reports the replicas {@code spec} selects (null: all). Replica entries are hidden from the other tasks, so the
     * catalog hands the raw name here instead of resolving it to a visible configuration.
     */
    void report(Invocation inv, String spec) {
        ReplicaCheck check = inv.tasks().replicas(spec);
        inv.results().replicas(check);
        DatabaseUnavailableException failure = check.failure();
        if (failure != null) {
            throw failure;
        }
    }
}
