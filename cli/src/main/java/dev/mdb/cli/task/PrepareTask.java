package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:prepare: creates missing databases, loads schema into empty ones, migrates, seeds new ones; never clears data. */
final class PrepareTask extends Task {
    PrepareTask() {
        super(
                "db:prepare",
                "Create missing databases, load schema into empty ones, migrate, and seed new ones (never clears data)",
                false);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().prepare(currentTargets(inv, named));
    }
}
