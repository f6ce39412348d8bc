package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:create: the current configurations (development also creates test), or one named database. */
final class CreateTask extends Task {
    CreateTask() {
        super(
                "db:create",
                "Create the databases of the current environment (development also creates test; see db:create:all)",
                true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().create(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Create the %s database for the current environment".formatted(database);
    }
}
