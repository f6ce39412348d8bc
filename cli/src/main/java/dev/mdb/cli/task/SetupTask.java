package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:setup: creates the databases, loads their schema files (protected) and seeds them. */
final class SetupTask extends Task {
    SetupTask() {
        super("db:setup", "Create the databases, load their schema files, and seed them", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().setup(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Create the %s database, load its schema file, and seed it".formatted(database);
    }
}
