package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:purge: protected; empties the current configurations (drop and recreate). */
final class PurgeTask extends Task {
    PurgeTask() {
        super("db:purge", "Empty the databases of the current environment (drop and recreate)", false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().purge(currentTargets(inv, named));
    }
}
