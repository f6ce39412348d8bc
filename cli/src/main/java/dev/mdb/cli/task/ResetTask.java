package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:reset: protected; drops and recreates the databases from their schema files, and seeds them. */
final class ResetTask extends Task {
    ResetTask() {
        super("db:reset", "Drop and recreate the databases from their schema files, and seed them", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().reset(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Drop and recreate the %s database from its schema file, and seed it".formatted(database);
    }
}
