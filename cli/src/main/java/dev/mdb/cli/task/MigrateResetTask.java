package dev.mdb.cli.task;

import dev.mdb.cli.Invocation;
import dev.mdb.config.DatabaseConfig;

/** db:migrate:reset: protected; drops and recreates the databases, and runs all migrations. */
final class MigrateResetTask extends Task {
    MigrateResetTask() {
        super("db:migrate:reset", "Drop the databases, recreate them, and run all migrations", true);
    }

    @Override
    public void run(Invocation inv, DatabaseConfig named) {
        inv.tasks().migrateReset(currentTargets(inv, named));
    }

    @Override
    public String describeFor(String database) {
        return "Drop the %s database, recreate it, and run all its migrations".formatted(database);
    }
}
